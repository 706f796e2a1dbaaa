package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tutorials 1-3 of ../shared/tutorials.md built with the public API; the constants are numpy 2.4's full-precision
 * values (see tutorials.md), compared to 10 significant digits or better.
 */
class TutorialGoldenTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
    private static final Matrix XOR = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential network(int... units) {
        Sequential.Builder b = Sequential.builder().input(3);
        for (int u : units) {
            b.add(Dense.units(u).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()));
        }
        return b.loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
    }

    private static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-10));
        }
    }

    @Test
    void threeLayerNetworkPrintsThePublishedErrorsAndOutputs() {
        Sequential model = network(4, 1);
        List<Double> errors = new ArrayList<>();

        model.fit(X, XOR, Training.epochs(59_999).report(10_000, r -> errors.add(r.metrics().meanAbsoluteError())));
        Matrix lastForwardPass = model.predict(X);
        model.fit(X, XOR, 1);

        assertClose(errors.stream().limit(6).mapToDouble(Double::doubleValue).toArray(),
                0.4964100319027255, 0.008584525653247157, 0.005789459862507806,
                0.004629176776769985, 0.003958765280273649, 0.0035101225678616788);
        assertClose(lastForwardPass.data(), 0.0026057245999589304, 0.9967220868897564, 0.9970171078634206,
                0.0038675930955976733);
    }
}
