package dev.synapse.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossChartTest {

    @Test
    void writesAPngAtExactlyThePathGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/curve.chart");

        LossChart.writeEpochs(new double[] {0.5, 0.1, 0.01, 0.001}, "title", "FANN MSE", file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(Files.isRegularFile(file)).isTrue();
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
    }

    @Test
    void aLossSpanningDecadesGetsALogarithmicAxis() {
        assertThat(LossChart.spansDecades(new double[] {1.3, 0.5, 0.003})).isTrue();
        assertThat(LossChart.spansDecades(new double[] {1.3, 0.5, 0.2})).isFalse();
        assertThat(LossChart.spansDecades(new double[] {1.3, 0.0})).isFalse();
    }

    @Test
    void aLongCurveIsThinnedToItsLowsAndHighsKeepingBothEnds() {
        double[] losses = new double[60_000];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = 1.0 / (i + 1);
        }
        losses[30_123] = 5;

        double[][] points = LossChart.thinned(losses, 2000);

        assertThat(points[0]).hasSameSizeAs(points[1]).hasSizeLessThanOrEqualTo(2000);
        assertThat(points[0][0]).isEqualTo(0);
        assertThat(points[0][points[0].length - 1]).isEqualTo(59_999);
        assertThat(points[1]).contains(5.0, 1.0, 1.0 / 60_000);
        assertThat(points[0]).isSorted();
        assertThat(LossChart.thinned(new double[] {3, 2, 1}, 2000)).isDeepEqualTo(new double[][] {{0, 1, 2}, {3, 2, 1}});
    }
}
