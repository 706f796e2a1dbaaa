package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats {@link Sequential#summary()}: one row per layer, Keras' columns, then the totals. */
final class ModelSummary {

    private static final String[] HEADER = {"Layer (type)", "Output shape", "Activation", "Parameters"};
    private static final String GAP = "   ";

    private ModelSummary() {}

    static String of(List<Layer> layers, Loss loss, Optimizer optimizer) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        long total = 0;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            long count = 0;
            for (Parameter p : layer.parameters()) {
                count += p.value().size();
            }
            total += count;
            rows.add(new String[] {l + " (" + layer.type() + ")", "(batch, " + layer.outputSize() + ")",
                    layer.outputActivation().orElse("-"), grouped(count)});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        int lineWidth = GAP.length() * (widths.length - 1);
        for (int w : widths) {
            lineWidth += w;
        }
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            appendRow(s, rows.get(r), widths);
            if (r == 0) {
                s.append("-".repeat(lineWidth)).append('\n');
            }
        }
        s.append("=".repeat(lineWidth)).append('\n');
        // Every parameter trains today; the two lines stay apart, as Keras prints them, for frozen layers to come.
        s.append("Total parameters: ").append(grouped(total)).append('\n');
        s.append("Trainable parameters: ").append(grouped(total)).append('\n');
        s.append("Loss: ").append(loss == null ? "none" : loss.name())
                .append(", optimizer: ").append(optimizer == null ? "none" : optimizer).append('\n');
        if (Sequential.precisionOf(layers) == Precision.FLOAT32) {
            // Only where it is not the default, so a float64 model's summary reads as it always has.
            s.append("Precision: float32\n");
        }
        return s.toString();
    }

    /** Text columns left-aligned, the parameter count right-aligned. */
    private static void appendRow(StringBuilder s, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String pad = " ".repeat(widths[c] - row[c].length());
            line.append(c == row.length - 1 ? pad + row[c] : row[c] + pad);
        }
        s.append(line.toString().stripTrailing()).append('\n');
    }

    private static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
