package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the IDX image reader (docs/fuzzing.md), raw or gzip-compressed: any bytes either read
 * as images of pixels in [0, 1] or are refused with a one-line {@link MalformedDataException} naming the file;
 * anything else escaping (an out-of-memory error from a header that lies, say) is a finding.
 */
class IdxDataFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsAnyBytesOrSaysWhatIsWrongWithTheFile(byte[] input) throws IOException {
        Path file = Files.createTempFile("fuzz", ".idx");
        try {
            Files.write(file, input);

            Dataset set = IdxData.readImages(file, IdxData.Pixels.UNIT_INTERVAL);

            assertThat(set.size()).isPositive();
            assertThat(Arrays.stream(set.inputs().data()).allMatch(v -> v >= 0 && v <= 1)).isTrue();
        } catch (MalformedDataException e) {
            assertThat(e.getMessage()).startsWith(file.getFileName().toString()).doesNotContain("\n");
        } finally {
            Files.delete(file);
        }
    }
}
