package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress bar of {@code synapse train} on a terminal: fits its width, agrees with the report lines. */
class ProgressBarTest {

    @TempDir
    Path dir;

    @Test
    void theBarFitsAnEightyColumnTerminalWithoutTouchingTheLastColumn() {
        String bar = ProgressBar.render(1000, 3000, 0.0123456789, 4, 80);

        assertThat(bar).isEqualTo("[#######----------------]  33%  epoch 1000/3000  error 0.0123456789  bit fail 4");
        assertThat(bar).hasSize(79);
    }

    @Test
    void onANarrowTerminalTheBarNarrowsThenTheTextIsCut() {
        assertThat(ProgressBar.render(3000, 3000, 0, 0, 40)).isEqualTo("[##########] 100%  epoch 3000/3000  err");
        assertThat(ProgressBar.render(1, 10, 0, 0, 1000)).startsWith("[###---------------------------]  10%");
    }

    @Test
    void aTrainingOnAnEightyColumnTerminalDrawsNoRowWiderThanSeventyNineAndTheFinalBarOnce() throws IOException {
        Path data = Files.writeString(dir.resolve("and.data"), SynapseTest.AND_DATA);

        Cli.Run run = Cli.runOnTerminal(80, "train", "--layers", "2,3,1", "--max-epochs", "3000", "--report-every",
                "1000", "--desired-error", "0", data.toString());

        assertThat(run.exitCode()).isZero();
        List<String> drawn = Arrays.stream(run.out().split("[\r\n]"))
                .filter(row -> row.startsWith("[") || row.isBlank()).toList();   // the bar and its erasures
        assertThat(drawn).allSatisfy(row -> assertThat(row.length()).isLessThan(80));
        assertThat(drawn).hasSizeGreaterThan(4);
        assertThat(drawn.stream().filter(row -> row.contains("epoch 3000/3000"))).hasSize(1);
    }

    @Test
    void theBarBesideAReportLineShowsTheSameEpoch() throws IOException {
        Path data = Files.writeString(dir.resolve("and.data"), SynapseTest.AND_DATA);

        Cli.Run run = Cli.runOnTerminal(80, "train", "--layers", "2,3,1", "--max-epochs", "3000", "--report-every",
                "1000", "--desired-error", "0", data.toString());

        Matcher reportThenBar = Pattern.compile("Epochs +(\\d+)\\. [^\n]*\n\\[[#-]+\\] +\\d+%  epoch (\\d+)/3000")
                .matcher(run.out());
        int pairs = 0;
        while (reportThenBar.find()) {
            assertThat(reportThenBar.group(2)).isEqualTo(reportThenBar.group(1));
            pairs++;
        }
        assertThat(pairs).isEqualTo(4);   // epochs 1, 1000, 2000 and 3000
    }
}
