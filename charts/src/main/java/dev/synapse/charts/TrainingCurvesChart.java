package dev.synapse.charts;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a classifier's training and validation curves per epoch as one PNG: the loss on the left, the accuracy on
 * the right, each with a training and a validation line, as Keras users plot {@code history.history}.
 *
 * <pre>{@code
 * TrainingCurvesChart.write(Path.of("curves.png"), "Fashion-MNIST, 784-128-10",
 *         trainingLoss, validationLoss, trainingAccuracy, validationAccuracy);   // element i is epoch i + 1
 * }</pre>
 */
public final class TrainingCurvesChart {

    static {
        PngFiles.drawOffScreen();
    }

    static final int PANEL_WIDTH = 600;
    static final int HEIGHT = 420;

    private TrainingCurvesChart() {}

    /**
     * Writes the four curves to {@code file}, exactly that path; element i of each array is epoch i + 1. An empty
     * validation array leaves its line out (training without validation data).
     *
     * @param file               the PNG file to write, replaced if it exists
     * @param title              the chart's title
     * @param trainingLoss       the training loss of each epoch
     * @param validationLoss     the validation loss of each epoch, or empty
     * @param trainingAccuracy   the training accuracy of each epoch (fractions in [0, 1]), or empty
     * @param validationAccuracy the validation accuracy of each epoch, or empty
     * @return {@code file}
     * @throws IllegalArgumentException if there is no training epoch, or a non-empty array's length differs from
     *                                  the training loss's
     * @throws IOException              if the file cannot be written
     */
    public static Path write(Path file, String title, double[] trainingLoss, double[] validationLoss,
            double[] trainingAccuracy, double[] validationAccuracy) throws IOException {
        int epochs = trainingLoss.length;
        checkArgument(epochs > 0, "training curves need at least one epoch");
        checkLength("validation loss", validationLoss, epochs);
        checkLength("training accuracy", trainingAccuracy, epochs);
        checkLength("validation accuracy", validationAccuracy, epochs);
        // Losses fall and accuracies rise: each legend goes in the corner its curves leave empty.
        XYChart loss = panel(title + ": loss", "loss", trainingLoss, validationLoss, Styler.LegendPosition.InsideNE);
        XYChart accuracy = panel(title + ": accuracy", "accuracy", trainingAccuracy, validationAccuracy,
                Styler.LegendPosition.InsideSE);
        BufferedImage image = new BufferedImage(2 * PANEL_WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
            graphics.drawImage(BitmapEncoder.getBufferedImage(loss), 0, 0, null);
            graphics.drawImage(BitmapEncoder.getBufferedImage(accuracy), PANEL_WIDTH, 0, null);
        } finally {
            graphics.dispose();
        }
        return PngFiles.write(image, file);
    }

    private static void checkLength(String name, double[] values, int epochs) {
        checkArgument(values.length == 0 || values.length == epochs,
                "%s has %s values but the training loss has %s epochs: pass one per epoch, or none", name,
                values.length, epochs);
    }

    private static XYChart panel(String title, String yAxis, double[] training, double[] validation,
            Styler.LegendPosition legend) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("epoch").yAxisTitle(yAxis).build();
        chart.getStyler().setLegendPosition(legend);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        if (training.length > 0) {
            chart.addSeries("training", epochs(training.length), training).setMarker(SeriesMarkers.CIRCLE);
        }
        if (validation.length > 0) {
            chart.addSeries("validation", epochs(validation.length), validation).setMarker(SeriesMarkers.DIAMOND);
        }
        if (training.length == 0 && validation.length == 0) {
            chart.getStyler().setLegendVisible(false);
            chart.setTitle(title + " (not recorded)");
            chart.addSeries(" ", new double[] {1}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }
}
