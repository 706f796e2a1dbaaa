package dev.synapse.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierChartsTest {

    @Test
    void trainingCurvesAreTwoPanelsSideBySideAtThePathGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/curves.image");

        TrainingCurvesChart.write(file, "blobs", new double[] {0.9, 0.5, 0.4}, new double[] {1.0, 0.6, 0.55},
                new double[] {0.6, 0.8, 0.85}, new double[] {0.55, 0.75, 0.8});

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(2 * TrainingCurvesChart.PANEL_WIDTH);
        assertThat(image.getHeight()).isEqualTo(TrainingCurvesChart.HEIGHT);
        assertThat(distinctColours(image)).isGreaterThan(10);
    }

    @Test
    void trainingCurvesWithoutValidationLeaveItsLinesOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("curves.png");

        TrainingCurvesChart.write(file, "no validation", new double[] {0.9, 0.5}, new double[0], new double[0],
                new double[0]);

        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(2 * TrainingCurvesChart.PANEL_WIDTH);
    }

    @Test
    void trainingCurvesRefuseAnArrayOfAnotherLength(@TempDir Path dir) {
        assertThatThrownBy(() -> TrainingCurvesChart.write(dir.resolve("c.png"), "t", new double[] {1, 2, 3},
                new double[] {1, 2}, new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation loss has 2 values but the training loss has 3 epochs: pass one per epoch,"
                        + " or none");
    }

    @Test
    void aConfusionMatrixDrawsAHeatMapWithTheDiagonalDarkest(@TempDir Path dir) throws Exception {
        ConfusionMatrix matrix = ConfusionMatrix.of(2, new int[] {0, 0, 0, 1, 1}, new int[] {0, 0, 0, 0, 1});
        Path file = dir.resolve("confusion.png");

        ConfusionMatrixChart.write(matrix, List.of("cat", "dog"), "pets", file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(760);
        assertThat(distinctColours(image)).isGreaterThan(10);
    }

    @Test
    void aConfusionMatrixNeedsOneNamePerClass(@TempDir Path dir) {
        ConfusionMatrix matrix = ConfusionMatrix.of(2, new int[] {0, 1}, new int[] {0, 1});

        assertThatThrownBy(() -> ConfusionMatrixChart.write(matrix, List.of("cat"), "pets", dir.resolve("c.png")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 class names for a 2-class confusion matrix: pass one per class");
    }

    private static long distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
