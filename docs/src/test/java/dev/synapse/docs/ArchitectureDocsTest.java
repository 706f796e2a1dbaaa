package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import org.junit.jupiter.api.Test;

/** The snippet of architecture.md: what {@code fit} does, written out with the public interfaces. */
class ArchitectureDocsTest {

    @Test
    void fitByHandGivesTheTwoLayerTutorialsNumbersAndMatchesFit() {
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        Matrix y = Matrix.columnVector(0, 0, 1, 1);

        // snippet:fit-by-hand
        Dense layer = Dense.units(1).activation(sigmoid()).withoutBias()
                .weights(Initializers.numpyTutorial()).build(0, 3, new NumpyRandom(1));
        Loss loss = Losses.sumSquaredError();
        Optimizer.State sgd = Sgd.learningRate(0.5).start(layer.parameters());
        Matrix state = new Matrix(4, layer.stateWidth());   // z = x·W, kept from forward for backward
        Matrix out = new Matrix(4, 1);
        Matrix gradient = new Matrix(4, 1);

        for (int epoch = 1; epoch <= 10_000; epoch++) {
            layer.forward(x, state, out);                   // out = σ(x·W)
            loss.gradient(out, y, gradient);                // ∂L/∂out = 2(out - y)
            layer.weights().gradient().fill(0.0);
            layer.backward(x, state, out, gradient, null);  // ∂L/∂W = xᵀ·(∂L/∂out ∘ out(1 - out))
            sgd.step(epoch);                                // W -= 0.5·∂L/∂W
        }
        // end-snippet

        double[] expected = {0.0096644916879683, 0.007865059671309264, 0.9935889804970555, 0.992119573219358};
        for (int i = 0; i < 4; i++) {
            assertThat(out.data()[i]).isCloseTo(expected[i], within(expected[i] * 1e-10));
        }
        Sequential model = Sequential.builder().input(3)
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(loss).optimizer(Sgd.learningRate(0.5)).seed(1).build();
        model.fit(x, y, 10_000);
        assertThat(model.parameters().get(0).value()).isEqualTo(layer.weights().value());
    }
}
