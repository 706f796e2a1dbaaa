package dev.synapse.charts;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Draws a {@link ConfusionMatrix} as a PNG heat map: true classes down the side (the first at the top), predicted
 * classes along the bottom, each cell's count written in it, so the diagonal holds the right answers and a bright
 * cell off it names a confusion (Fashion-MNIST's shirts taken for T-shirts).
 *
 * <pre>{@code
 * ConfusionMatrixChart.write(matrix, List.of("T-shirt/top", "Trouser", ...), "test set", Path.of("confusion.png"));
 * }</pre>
 */
public final class ConfusionMatrixChart {

    static {
        PngFiles.drawOffScreen();
    }

    private static final Color[] WHITE_TO_BLUE = {new Color(0xF7FBFF), new Color(0x6BAED6), new Color(0x08306B)};

    private ConfusionMatrixChart() {}

    /**
     * Writes {@code matrix} to {@code file}, exactly that path, labelling the classes with {@code names}.
     *
     * @param matrix the counts to draw, one cell per (true, predicted) pair
     * @param names  the classes' names, in class order, one per class
     * @param title  the chart's title
     * @param file   the PNG file to write, replaced if it exists
     * @return {@code file}
     * @throws IllegalArgumentException if there is not one name per class
     * @throws IOException              if the file cannot be written
     */
    public static Path write(ConfusionMatrix matrix, List<String> names, String title, Path file)
            throws IOException {
        int classes = matrix.classes();
        checkArgument(names.size() == classes, "%s class names for a %s-class confusion matrix: pass one per class",
                names.size(), classes);
        HeatMapChart chart = new HeatMapChartBuilder().width(900).height(760).title(title)
                .xAxisTitle("predicted class").yAxisTitle("true class").build();
        chart.getStyler().setShowValue(true).setRangeColors(WHITE_TO_BLUE).setValueFontColor(Color.BLACK)
                .setHeatMapValueDecimalPattern("#").setMin(0).setMax(maxCount(matrix))
                .setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        // XChart's y axis grows upwards: list the true classes last to first so the first is at the top.
        List<String> reversed = new ArrayList<>(names.size());
        for (int c = classes - 1; c >= 0; c--) {
            reversed.add(names.get(c));
        }
        List<Number[]> cells = new ArrayList<>(classes * classes);
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                cells.add(new Number[] {predicted, classes - 1 - actual, matrix.count(actual, predicted)});
            }
        }
        chart.addSeries("samples", names, reversed, cells);
        return PngFiles.write(BitmapEncoder.getBufferedImage(chart), file);
    }

    private static long maxCount(ConfusionMatrix matrix) {
        long max = 1;
        for (int a = 0; a < matrix.classes(); a++) {
            for (int p = 0; p < matrix.classes(); p++) {
                max = Math.max(max, matrix.count(a, p));
            }
        }
        return max;
    }
}
