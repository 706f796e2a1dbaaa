package dev.synapse.examples;

import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per epoch (loss, accuracy, validation loss and accuracy, seconds), Keras' {@code fit} output in
 * words; on a terminal a progress bar of the epoch's batches is redrawn in place below the lines.
 */
final class EpochPrinter implements TrainingListener {

    private static final int WIDTH = 30;
    /** Redraw the bar at most every 100 ms, so 1700 batches an epoch do not wait on the terminal. */
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final int maxEpochs;
    private final int batchesPerEpoch;
    private long lastDraw;
    private int barLength;

    EpochPrinter(PrintWriter out, boolean terminal, int maxEpochs, int batchesPerEpoch) {
        this.out = out;
        this.terminal = terminal;
        this.maxEpochs = maxEpochs;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    /** The epoch's line, e.g. {@code Epoch  3/10  loss 0.3251  accuracy 0.8812  val_loss 0.3390  val_accuracy 0.8770  9.8 s}. */
    static String line(EpochReport report, int maxEpochs) {
        int width = Integer.toString(maxEpochs).length();
        double accuracy = report.metrics().accuracy();
        double validationAccuracy = report.validation().map(m -> m.accuracy()).orElse(Double.NaN);
        return String.format(Locale.ROOT, "Epoch %" + width + "d/%d  loss %.4f  accuracy %.4f  val_loss %.4f"
                + "  val_accuracy %.4f  %.1f s", report.epoch(), maxEpochs, report.loss(), accuracy,
                report.validationLoss(), validationAccuracy, report.seconds());
    }

    /** The progress bar after {@code batch} of {@code batches} in {@code epoch}. */
    static String bar(int epoch, int maxEpochs, int batch, int batches, double batchLoss) {
        int filled = (int) ((long) WIDTH * batch / batches);
        return String.format(Locale.ROOT, "[%s%s] epoch %d/%d  batch %d/%d  loss %.4f", "#".repeat(filled),
                "-".repeat(WIDTH - filled), epoch, maxEpochs, batch, batches, batchLoss);
    }

    @Override
    public void onBatch(int epoch, int batch, double batchLoss) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS || batch == batchesPerEpoch) {
            lastDraw = now;
            String bar = bar(epoch, maxEpochs, batch, batchesPerEpoch, batchLoss);
            out.print("\r" + bar + " ".repeat(Math.max(0, barLength - bar.length())));
            out.flush();
            barLength = bar.length();
        }
    }

    @Override
    public void onEpoch(EpochReport report) {
        if (barLength > 0) {
            out.print("\r" + " ".repeat(barLength) + "\r");
            barLength = 0;
        }
        out.println(line(report, maxEpochs));
        out.flush();
    }
}
