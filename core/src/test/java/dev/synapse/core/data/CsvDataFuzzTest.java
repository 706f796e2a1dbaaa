package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the CSV reader (docs/fuzzing.md), with the target column {@code y}. Any text either
 * reads as a data set of finite numbers with one target column or is refused with a {@link MalformedDataException}
 * that names the file and the line; anything else escaping is a finding.
 */
class CsvDataFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsAnyTextOrSaysWhichLineIsWrong(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);

        try {
            Dataset set = CsvData.read(new StringReader(text), "fuzz.csv", "y");

            assertThat(set.size()).isPositive();
            assertThat(set.targetWidth()).isEqualTo(1);
            assertThat(Arrays.stream(set.inputs().data()).allMatch(Double::isFinite)).isTrue();
            assertThat(Arrays.stream(set.targets().data()).allMatch(Double::isFinite)).isTrue();
        } catch (MalformedDataException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv line ");
        }
    }
}
