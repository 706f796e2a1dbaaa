package dev.synapse.examples;

import static dev.synapse.examples.Golden.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Tutorial 5; the constants were printed by src/test/resources/golden/biases.py (numpy 2.4.6), which runs the
 * tutorial as shared/tutorials.md describes it with np.random.seed(1).
 */
class BiasesTest {

    private static final double[] OUTPUTS = {0.026497670252717438, 0.9510319045603833, 0.9566069975093878,
        0.06715207649259426};

    @Test
    void drawsTheGaussianWeightsInputToHiddenFirstWithZeroBiases() {
        Biases.Result result = Biases.train(1, 1, 0.1);

        assertClose(result.initial().get(0).data(), 1.6243453636632417, -0.6117564136500754, -0.5281717522634557,
                -1.0729686221561705, 0.8654076293246785, -2.3015386968802827);
        assertThat(result.initial().get(1).data()).containsOnly(0.0);
        assertClose(result.initial().get(2).data(), 1.74481176421648, -0.7612069008951028, 0.31903909605709857);
        assertThat(result.initial().get(3).data()).containsOnly(0.0);
    }

    @Test
    void outputsOfAFreshForwardPassAreNearZeroOneOneZeroAsNumpyComputesThem() {
        Biases.Result result = Biases.train(1, 10_000, 0.1);

        assertClose(result.outputs(), OUTPUTS);
        assertClose(result.trained().get(3).get(0, 0), -2.9868662082518433);
    }

    @Test
    void printsTheOutputsUnderTheTutorialsLabel() {
        Cli.Run run = Cli.run("biases");

        assertThat(run.exitCode()).isZero();
        String outputs = run.out().substring(run.out().indexOf("Output from neural network after 10,000 epochs:"));
        assertClose(Golden.numbersIn(outputs).stream().mapToDouble(Double::doubleValue).toArray(), OUTPUTS);
    }
}
