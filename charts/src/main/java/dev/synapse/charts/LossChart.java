package dev.synapse.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a loss curve (loss per iteration or per epoch) as a PNG with XChart. Works without a display: charts are
 * drawn off-screen.
 *
 * <pre>{@code
 * LossChart.write(history.losses(), "XOR, 3-4-1", "sum of squared errors", Path.of("loss.png"));        // x from 0
 * LossChart.writeEpochs(history.losses(), "and.data, 2-4-1", "FANN MSE", Path.of("and.png"));           // x from 1
 * }</pre>
 */
public final class LossChart {

    static {
        PngFiles.drawOffScreen();
    }

    /** More points than this cannot be told apart in an 800-pixel chart, and drawing 60 000 takes half a minute. */
    static final int MAX_POINTS = 2000;

    private LossChart() {}

    /**
     * Writes {@code losses} (element i is iteration i, 0-based) as a line chart to {@code file}, exactly that path.
     * The y axis is logarithmic when the positive losses span more than a factor of ten.
     *
     * @param losses the loss of each iteration, oldest first; at least one; more than 2000 are thinned for drawing
     * @param title the chart's heading, e.g. the data set and the network's shape
     * @param lossName the y axis' label, e.g. {@code "sum of squared errors"}
     * @param file where the PNG goes, replaced if it exists; its folder must exist
     * @return {@code file}
     * @throws IllegalArgumentException if {@code losses} is empty
     * @throws IOException if the file cannot be written
     */
    public static Path write(double[] losses, String title, String lossName, Path file) throws IOException {
        return write(losses, 0, "iteration", title, lossName, file);
    }

    /**
     * Writes {@code losses} as a line chart over epochs: element i is epoch i + 1, as {@code History.losses()} holds
     * them. Otherwise as {@link #write}.
     *
     * @param losses the loss of each epoch, first epoch first; at least one; more than 2000 are thinned for drawing
     * @param title the chart's heading, e.g. the data set and the network's shape
     * @param lossName the y axis' label, e.g. {@code "FANN MSE"}
     * @param file where the PNG goes, replaced if it exists; its folder must exist
     * @return {@code file}
     * @throws IllegalArgumentException if {@code losses} is empty
     * @throws IOException if the file cannot be written
     */
    public static Path writeEpochs(double[] losses, String title, String lossName, Path file) throws IOException {
        return write(losses, 1, "epoch", title, lossName, file);
    }

    private static Path write(double[] losses, int first, String xAxis, String title, String lossName, Path file)
            throws IOException {
        if (losses.length == 0) {
            throw new IllegalArgumentException("a loss curve needs at least one loss");
        }
        double[][] points = thinned(losses, MAX_POINTS);
        double[] iterations = points[0];
        for (int i = 0; i < iterations.length; i++) {
            iterations[i] += first;
        }
        boolean logarithmic = spansDecades(losses);
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
                .xAxisTitle(xAxis).yAxisTitle(lossName + (logarithmic ? " (log scale)" : "")).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        XYSeries series = chart.addSeries(lossName, iterations, points[1]);
        series.setMarker(SeriesMarkers.NONE);
        return PngFiles.write(BitmapEncoder.getBufferedImage(chart), file);
    }

    /** Whether every loss is positive and the largest is over ten times the smallest: then a log axis reads best. */
    static boolean spansDecades(double[] losses) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double loss : losses) {
            if (!(loss > 0) || !Double.isFinite(loss)) {
                return false;
            }
            min = Math.min(min, loss);
            max = Math.max(max, loss);
        }
        return max > 10 * min;
    }

    /**
     * The points to draw, {@code {iterations, losses}}: all of them when there are at most {@code max}, else the
     * lowest and the highest loss of each of {@code max / 2} runs of consecutive iterations, in iteration order, so
     * spikes and the curve's ends survive.
     */
    static double[][] thinned(double[] losses, int max) {
        if (losses.length <= max) {
            double[] iterations = new double[losses.length];
            for (int i = 0; i < losses.length; i++) {
                iterations[i] = i;
            }
            return new double[][] {iterations, losses.clone()};
        }
        int buckets = max / 2;
        double[] x = new double[2 * buckets];
        double[] y = new double[2 * buckets];
        int n = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * losses.length / buckets);
            int to = (int) ((long) (b + 1) * losses.length / buckets);
            int low = from;
            int high = from;
            for (int i = from + 1; i < to; i++) {
                low = losses[i] < losses[low] ? i : low;
                high = losses[i] > losses[high] ? i : high;
            }
            for (int i : low == high ? new int[] {low} : new int[] {Math.min(low, high), Math.max(low, high)}) {
                x[n] = i;
                y[n++] = losses[i];
            }
        }
        return new double[][] {Arrays.copyOf(x, n), Arrays.copyOf(y, n)};
    }
}
