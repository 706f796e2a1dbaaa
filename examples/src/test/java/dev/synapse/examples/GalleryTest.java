package dev.synapse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GalleryTest {

    private static final List<String> EXAMPLES =
            List.of("single-neuron", "two-layer", "three-layer", "neural-network-class", "biases", "fann-and",
                    "fashion-mnist");

    @Test
    void withoutArgumentsListsTheExamplesAndRunsThemAll() {
        Cli.Run run = Cli.run();

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        for (String example : EXAMPLES) {
            assertThat(run.out()).contains("  " + example + " ", "=== " + example + " ===");
        }
        assertThat(run.out()).contains("New output data: 0.9999584016709994", "Error:", "Output After Training:",
                "Loss per iteration plotted to", "Output from neural network after 10,000 epochs:",
                "and test (-1.000000, 1.000000) -> ");
        assertThat(run.out()).contains("(takes minutes: not run below)", "=== fashion-mnist ===\n");
        assertThat(run.out().substring(run.out().indexOf("=== fashion-mnist ===")).split("\n")[1])
                .satisfiesAnyOf(line -> assertThat(line).startsWith("Skipped: it trains for several minutes."),
                        line -> assertThat(line).contains("apt-get install dataset-fashion-mnist"));
    }

    @Test
    void helpNamesEveryExample() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: synapse-examples").contains(EXAMPLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-neuron", "two-layer", "three-layer", "neural-network-class", "biases", "fann-and",
        "fashion-mnist"})
    void everyExampleExplainsItselfAndItsOptions(String example) {
        Cli.Run run = Cli.run(example, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: synapse-examples " + example, "Tutorial ", "--help", "--seed");
    }

    @Test
    void anUnknownExampleIsAnError() {
        Cli.Run run = Cli.run("four-layer");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("four-layer");
    }

    @Test
    void aSeedOutsideNumpysRangeIsExplainedWithoutAStackTrace() {
        Cli.Run run = Cli.run("two-layer", "--seed", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("seed must be between 0 and 2^32 - 1").doesNotContain("at dev.synapse");
    }
}
