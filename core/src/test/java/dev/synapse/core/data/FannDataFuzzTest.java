package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Coverage-guided fuzzing of the FANN data reader (docs/fuzzing.md). Any text either reads as a data set of finite
 * numbers or is refused with a {@link MalformedDataException} that names the file and the line; anything else
 * escaping is a finding. The seed corpus in {@code FannDataFuzzTestInputs/} runs in every {@code mvn verify}.
 */
class FannDataFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void readsAnyTextOrSaysWhichLineIsWrong(byte[] input) throws IOException {
        String text = new String(input, StandardCharsets.UTF_8);

        try {
            Dataset set = FannData.read(new StringReader(text), "fuzz.data");

            assertThat(set.size()).isPositive();
            assertThat(Arrays.stream(set.inputs().data()).allMatch(Double::isFinite)).isTrue();
            assertThat(Arrays.stream(set.targets().data()).allMatch(Double::isFinite)).isTrue();
        } catch (MalformedDataException e) {
            assertThat(e.getMessage()).startsWith("fuzz.data line ");
        }
    }
}
