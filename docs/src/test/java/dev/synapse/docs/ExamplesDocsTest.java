package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
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
 * The snippets of the example-*.md pages: each tutorial's core, checked against the numbers of shared/tutorials.md
 * (numpy 2.4, full precision) and, for tutorials 4 and 5, examples/src/test/resources/golden/*.py.
 */
class ExamplesDocsTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});

    private static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], within(Math.abs(expected[i]) * 1e-10));
        }
    }

    @Test
    void theSingleNeuronLearnsTheFirstInputAndPredictsTheNewSituation() {
        // snippet:single-neuron
        Matrix inputs = Matrix.of(new double[][] {{0, 0, 1}, {1, 1, 1}, {1, 0, 1}, {0, 1, 1}});
        Matrix outputs = Matrix.columnVector(0, 1, 1, 0);

        Sequential neuron = Sequential.builder().input(3)
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();
        Matrix weights = neuron.parameters().get(0).value();    // the 3×1 weights, live

        neuron.fit(inputs, outputs, 15_000);
        double prediction = neuron.predict(1, 0, 0)[0];
        // end-snippet

        assertClose(weights.data(), 10.087408960563154, -0.20695366180629912, -4.83757834715658);
        assertClose(new double[] {prediction}, 0.9999584016709994);
    }

    @Test
    void theTwoLayerNetworkPrintsItsLastForwardPass() {
        Matrix x = X;

        // snippet:two-layer
        Matrix y = Matrix.columnVector(0, 0, 1, 1);
        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();

        network.fit(x, y, 9_999);                 // iterations 0 .. 9998
        Matrix lastForwardPass = network.predict(x);  // what iteration 9999 computes before its update
        network.fit(x, y, 1);                     // iteration 9999
        // end-snippet

        assertClose(lastForwardPass.data(), 0.0096644916879683, 0.007865059671309264, 0.9935889804970555,
                0.992119573219358);
    }

    @Test
    void theThreeLayerNetworkReportsTheTutorialsErrors() {
        Matrix x = X;

        // snippet:three-layer
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();

        List<Double> errors = new ArrayList<>();
        network.fit(x, y, Training.epochs(59_999).report(10_000, r -> {
            if ((r.epoch() - 1) % 10_000 == 0) {      // iterations 0, 10000, ..., 50000
                errors.add(r.metrics().meanAbsoluteError());
            }
        }));
        Matrix lastForwardPass = network.predict(x);
        network.fit(x, y, 1);
        // end-snippet

        assertClose(errors.stream().mapToDouble(Double::doubleValue).toArray(), 0.4964100319027255,
                0.008584525653247157, 0.005789459862507806, 0.004629176776769985, 0.003958765280273649,
                0.0035101225678616788);
        assertClose(lastForwardPass.data(), 0.0026057245999589304, 0.9967220868897564, 0.9970171078634206,
                0.0038675930955976733);
    }

    @Test
    void theNeuralNetworkClassLossFallsEveryIteration() {
        Matrix x = X;

        // snippet:neural-network-class
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()).withoutBias().weights(Initializers.rand()))
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.rand()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(1))
                .seed(1)
                .build();

        History history = network.fit(x, y, 1_499);
        Matrix lastForwardPass = network.predict(x);
        double lastLoss = network.fit(x, y, 1).finalLoss();
        double[] losses = history.losses();     // the curve to plot: losses[i] is iteration i
        // end-snippet

        assertClose(lastForwardPass.data(), 0.009658535832344687, 0.9689334096341268, 0.9688474920376919,
                0.03646842709519861);
        assertClose(new double[] {losses[0], lastLoss}, 1.3118382149442458, 0.003358845278525137);
        for (int i = 1; i < losses.length; i++) {
            assertThat(losses[i]).isLessThan(losses[i - 1]);
        }
    }

    @Test
    void theNetworkWithBiasesAnswersXor() {
        // snippet:biases
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential network = Sequential.builder().input(2)
                .add(Dense.units(3).activation(sigmoid()).weights(Initializers.randn()).bias(Initializers.zeros()))
                .add(Dense.units(1).activation(sigmoid()).weights(Initializers.randn()).bias(Initializers.zeros()))
                .loss(Losses.halfSumSquaredError())   // gradient out - y, so 0.1 is the tutorial's learning rate
                .optimizer(Sgd.learningRate(0.1))
                .seed(1)
                .build();

        network.fit(x, y, 10_000);
        Matrix outputs = network.predict(x);     // a fresh forward pass with the trained weights
        // end-snippet

        assertClose(outputs.data(), 0.026497670252717438, 0.9510319045603833, 0.9566069975093878,
                0.06715207649259426);
    }
}
