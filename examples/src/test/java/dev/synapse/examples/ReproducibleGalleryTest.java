package dev.synapse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.testing.FreshJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gallery, run as the README runs it (the Vector API engine, every example with its defaults), prints the
 * same text in two fresh JVMs: every full-precision number, bit for bit.
 */
class ReproducibleGalleryTest {

    @Test
    void everyExamplePrintsTheSameNumbersInTwoFreshJvmsOnTheVectorApiEngine(@TempDir Path directory)
            throws IOException {
        String first = gallery(Files.createDirectory(directory.resolve("first")));
        String second = gallery(Files.createDirectory(directory.resolve("second")));

        assertThat(first).contains("=== single-neuron ===", "=== fann-and ===", "New output data: ",
                "and test (-1.000000, 1.000000) -> ");
        assertThat(second).isEqualTo(first);
    }

    /** The gallery's standard output, with the one thing that may differ, fann-and's temporary folder, named so. */
    private static String gallery(Path workingDirectory) {
        FreshJvm.Run run = FreshJvm.run(workingDirectory,
                List.of("--add-modules", "jdk.incubator.vector", "-Dsynapse.engine=vector"), Gallery.class);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWithoutIncubatorWarning()).isEmpty();
        return run.out().replaceAll("Saved to .*and\\.model;", "Saved to TEMPORARY-FOLDER/and.model;");
    }
}
