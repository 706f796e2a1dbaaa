package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing of the FANN {@code .net} reader (docs/fuzzing.md): any bytes either load as a model that
 * predicts or are refused with a {@link ModelFileException} naming the file, both as a double-precision model
 * ({@link FannNetFile#read}) and as a fixed-point network ({@link FannNetFile#readFixedPoint}, which refuses all but
 * fixed-point files); anything else escaping is a finding.
 */
class FannNetFileFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsAnyBytesOrSaysWhatIsWrongWithTheFile(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".net");
        try {
            Files.write(file, input);

            readsOrRefuses(file);
            runsOrRefuses(file);
        } finally {
            Files.delete(file);
        }
    }

    private static void readsOrRefuses(Path file) throws IOException {
        try {
            ModelFile model = FannNetFile.read(file);

            double[] sample = new double[model.model().inputSize()];
            assertThat(model.model().predict(sample)).hasSize(model.model().outputSize());
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).startsWith(file.getFileName().toString());
        }
    }

    private static void runsOrRefuses(Path file) throws IOException {
        try {
            FixedPointNetwork network = FannNetFile.readFixedPoint(file);

            assertThat(network.run(new int[network.inputSize()])).hasSize(network.outputSize());
            assertThat(FannNetFile.isFixedPoint(file)).isTrue();
        } catch (ModelFileException e) {
            assertThat(e.getMessage()).startsWith(file.getFileName().toString());
        }
    }
}
