package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.synapse.core.data.IdxData.Labels;
import dev.synapse.core.data.IdxData.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Fashion-MNIST as Debian's dataset-fashion-mnist package installs it (gzip only); skipped, with the reason, where
 * the package is not installed.
 */
class IdxRealDataTest {

    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static Path file(String name) {
        Path path = DIR.resolve(name);
        assumeTrue(Files.isReadable(path), "Fashion-MNIST is not installed (" + path + " is missing); install Debian's"
                + " dataset-fashion-mnist package to run this test");
        return path;
    }

    @Test
    void readsTheWholeTrainingSetWithSixThousandImagesPerClass() throws IOException {
        Path images = file("train-images-idx3-ubyte.gz");
        Path labels = file("train-labels-idx1-ubyte.gz");

        Dataset train = IdxData.read(images, labels, Labels.oneHot(10), Pixels.UNIT_INTERVAL);

        assertThat(train.size()).isEqualTo(60_000);
        assertThat(train.inputWidth()).isEqualTo(784);
        assertThat(train.target(0)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);   // an ankle boot
        assertThat(train.targets().columnSums().data()).containsOnly(6000.0);
        double min = 1;
        double max = 0;
        for (int s = 0; s < train.size(); s += 7) {   // every 7th image: the scan, not a copy of 376 MB, is the point
            for (double p : train.input(s)) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        assertThat(min).isEqualTo(0.0);
        assertThat(max).isEqualTo(1.0);
    }

    @Test
    void readsTheTestSetWithClassIndexLabels() throws IOException {
        Dataset test = IdxData.read(file("t10k-images-idx3-ubyte.gz"), file("t10k-labels-idx1-ubyte.gz"),
                Labels.classIndex(), Pixels.RAW);

        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.targetWidth()).isEqualTo(1);
        assertThat(test.target(0)).containsExactly(9);
        assertThat(test.target(1)).containsExactly(2);
        assertThat(test.targets().columnSums().data()).containsExactly(10_000 * 4.5);   // 1000 of each of 0..9
    }
}
