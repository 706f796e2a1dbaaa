package dev.synapse.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.model.ModelFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saves killed with SIGKILL at random points (docs/model-format.md, "Saving"): the path always holds a whole model,
 * one of the versions saved, and the next save removes what the killed ones left behind.
 */
class KilledSaveTest {

    private static final int TRIALS = 20;

    @TempDir
    Path dir;

    @Test
    void aSaveKilledAtAnyPointLeavesAWholeModelAndTheNextSaveRemovesItsTemporaryFiles() throws Exception {
        Path path = dir.resolve("big.model");
        ModelWriter.save(SaveLoop.version(0).stored(), path, SaveLoop.REGISTRY, out -> out);
        Random random = new Random(14);
        int newest = 0;
        int leftBehind = 0;

        for (int trial = 1; trial <= TRIALS; trial++) {
            int first = trial * 1000;
            int previous = newest;
            Process saver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), path.toString(),
                    String.valueOf(first)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (InputStream started = saver.getInputStream()) {
                assertThat(started.read()).as("trial %s: the saver started writing", trial).isEqualTo('s');
                Thread.sleep(random.nextInt(150));
                saver.destroyForcibly();     // SIGKILL on Unix: no shutdown hook, no finally block runs
                assertThat(saver.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }

            int version = versionIn(path);
            assertThat(version).as("trial %s: the model on disk is one that was saved", trial)
                    .matches(v -> v == previous || v >= first, "the previous version " + previous + " or one from "
                            + first + " on");
            newest = version;
            leftBehind = Math.max(leftBehind, temporaryFiles().size());
        }
        ModelWriter.save(SaveLoop.version(1).stored(), path, SaveLoop.REGISTRY, out -> out);

        assertThat(leftBehind).as("kills mid-save left temporary files to clean").isPositive();
        assertThat(temporaryFiles()).isEmpty();
        assertThat(versionIn(path)).isEqualTo(1);
    }

    /** Loads the file (which checks it whole: checksum, shapes) and says which version it is. */
    private static int versionIn(Path path) throws IOException {
        double[] weights = ModelFile.load(path, SaveLoop.REGISTRY).model().parameters().get(0).value().data();
        assertThat(weights).hasSize(SaveLoop.ROWS * SaveLoop.COLS);
        long others = Arrays.stream(weights).filter(w -> w != weights[0]).count();
        assertThat(others).as("weights unlike the first").isZero();
        return (int) weights[0];
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
