package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.ModelFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the model-file reader (docs/fuzzing.md), here because this module's test class path
 * registers every built-in layer, activation and loss, as a user's does. Any bytes either load as a model that
 * predicts or are refused with a {@link ModelFileException} naming the file; anything else escaping is a finding.
 */
class ModelFileFuzzTest {

    /** One file rewritten for every input: the reader's entry point takes a path. */
    private static final Path FILE = temporaryFile();

    @FuzzTest(maxDuration = "5m")
    void loadsAnyBytesOrSaysWhatIsWrongWithTheFile(byte[] input) throws IOException {
        Files.write(FILE, input);

        try {
            ModelFile file = ModelFile.load(FILE);

            double[] outputs = file.predict(new double[file.model().inputSize()]);
            assertThat(outputs).hasSize(file.model().outputSize());
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).startsWith("fuzz.model: ");
        }
    }

    private static Path temporaryFile() {
        try {
            Path folder = Files.createTempDirectory("synapse-fuzz");
            folder.toFile().deleteOnExit();
            Path file = folder.resolve("fuzz.model");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
