package dev.synapse.examples;

import static dev.synapse.examples.Golden.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tutorial 2; the constants are numpy 2.4's, from shared/tutorials.md. */
class TwoLayerTest {

    @Test
    void printsTheOutputsOfTheLastForwardPass() {
        TwoLayer.Result result = TwoLayer.train(1, 10_000);

        assertClose(result.outputs(), 0.0096644916879683, 0.007865059671309264, 0.9935889804970555,
                0.992119573219358);
    }

    @Test
    void printsTheOutputsUnderTheTutorialsLabel() {
        Cli.Run run = Cli.run("two-layer");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Output After Training:");
        assertClose(Golden.numbersIn(run.out()).stream().mapToDouble(Double::doubleValue).toArray(),
                0.0096644916879683, 0.007865059671309264, 0.9935889804970555, 0.992119573219358);
    }
}
