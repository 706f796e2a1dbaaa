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
    private static final Matrix FIRST_INPUT = Matrix.columnVector(0, 0, 1, 1);

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
    void singleNeuronLearnsTheFirstInputAndPredictsTheNewSituation() {
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {1, 1, 1}, {1, 0, 1}, {0, 1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        Sequential model = network(1);
        double[] start = model.parameters().get(0).value().data().clone();

        model.fit(x, y, 10_000);
        double[] after10000 = model.parameters().get(0).value().data().clone();
        double prediction10000 = model.predict(1, 0, 0)[0];
        model.fit(x, y, 5_000);

        assertThat(start).containsExactly(new double[] {-0.16595599, 0.44064899, -0.99977125}, within(5e-9));
        assertClose(after10000, 9.672993027736892, -0.20784349926631968, -4.62963668773159);
        assertClose(new double[] {prediction10000}, 0.9999370428352157);
        assertClose(model.parameters().get(0).value().data(), 10.087408960563154, -0.20695366180629912,
                -4.83757834715658);
        assertClose(model.predict(1, 0, 0), 0.9999584016709994);
    }

    @Test
    void twoLayerNetworkPrintsThePublishedOutputs() {
        Sequential model = network(1);

        model.fit(X, FIRST_INPUT, 9_999);
        Matrix lastForwardPass = model.predict(X);

        assertClose(lastForwardPass.data(), 0.0096644916879683, 0.007865059671309264, 0.9935889804970555,
                0.992119573219358);
    }

    @Test
    void threeLayerVariantWithFiveHiddenUnitsStartsWithThePublishedError() {
        Sequential model = network(5, 1);
        List<Double> errors = new ArrayList<>();

        model.fit(X, XOR, Training.epochs(1).report(1, r -> errors.add(r.metrics().meanAbsoluteError())));

        assertClose(new double[] {errors.get(0)}, 0.5006282290929629);
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
