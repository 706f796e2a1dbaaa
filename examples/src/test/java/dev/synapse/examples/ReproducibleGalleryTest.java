package dev.synapse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.Engines;
import dev.synapse.testing.FreshJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole gallery, run as the README runs it (the Vector API engine, every example with its defaults), prints the
 * same text in two fresh JVMs: every full-precision number, bit for bit. On the pure-Java engine it prints the same
 * text again: the tutorials' small arrays take the same scalar arithmetic on both engines.
 */
class ReproducibleGalleryTest {

    /** Run in a child JVM: prints the engine the gallery's flags select, so the test knows what it compared. */
    public static void main(String[] args) {
        System.out.print(Engines.current().name());
    }

    @Test
    void theGallerysFlagsSelectTheVectorApiEngine() {
        FreshJvm.Run run = FreshJvm.run(flags("vector"), ReproducibleGalleryTest.class);

        assertThat(run.out()).isEqualTo("vector");
    }

    @Test
    void everyExamplePrintsTheSameNumbersInTwoFreshJvmsOnTheVectorApiEngineAndOnPureJava(@TempDir Path directory)
            throws IOException {
        String first = gallery(Files.createDirectory(directory.resolve("first")), "vector");
        String second = gallery(Files.createDirectory(directory.resolve("second")), "vector");
        String pureJava = gallery(Files.createDirectory(directory.resolve("pure-java")), "pure-java");

        assertThat(first).contains("=== single-neuron ===", "=== fann-and ===", "New output data: ",
                "and test (-1.000000, 1.000000) -> ");
        assertThat(second).isEqualTo(first);
        assertThat(pureJava).isEqualTo(first);
    }

    /** The gallery's standard output, with the one thing that may differ, fann-and's temporary folder, named so. */
    private static String gallery(Path workingDirectory, String engine) {
        FreshJvm.Run run = FreshJvm.run(workingDirectory, flags(engine), Gallery.class);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWithoutIncubatorWarning()).isEmpty();
        return run.out().replaceAll("Saved to .*and\\.model;", "Saved to TEMPORARY-FOLDER/and.model;");
    }

    private static List<String> flags(String engine) {
        return List.of("--add-modules", "jdk.incubator.vector", "-Dsynapse.engine=" + engine);
    }
}
