package dev.synapse.examples;

import static dev.synapse.examples.Golden.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tutorial 4; the constants were printed by src/test/resources/golden/neural_network_class.py (numpy 2.4.6), which
 * runs the tutorial as published with np.random.seed(1).
 */
class NeuralNetworkClassTest {

    private static final double[] OUTPUTS = {0.009658535832344687, 0.9689334096341268, 0.9688474920376919,
        0.03646842709519861};
    private static final double FIRST_LOSS = 1.3118382149442458;
    private static final double LAST_LOSS = 0.003358845278525137;

    @Test
    void givesTheOutputsOfTheLastForwardPassAsNumpyDoes() {
        NeuralNetworkClass.Result result = NeuralNetworkClass.train(1, 1500);

        assertClose(result.outputs(), OUTPUTS);
    }

    @Test
    void theLossItPlotsFallsMonotonicallyFromTheFirstIterationToTheLast() {
        double[] losses = NeuralNetworkClass.train(1, 1500).losses();

        assertThat(losses).hasSize(1500);
        assertClose(losses[0], FIRST_LOSS);
        assertClose(losses[1499], LAST_LOSS);
        for (int i = 1; i < losses.length; i++) {
            assertThat(losses[i]).as("loss of iteration %s", i).isLessThan(losses[i - 1]);
        }
    }

    @Test
    void writesTheLossChartAsAPngAndNamesTheFile(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("curve.png");

        Cli.Run run = Cli.run("neural-network-class", "--plot", chart.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Predictions after 1500 training iterations", "plotted to " + chart);
        assertClose(Golden.numbersIn(run.out()).stream().limit(4).mapToDouble(Double::doubleValue).toArray(), OUTPUTS);
        assertThat(Png.isValid(chart)).isTrue();
    }
}
