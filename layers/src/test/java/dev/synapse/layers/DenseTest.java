package dev.synapse.layers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softplus;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class DenseTest {

    private static Dense build(Dense.Spec spec, int inputs) {
        return spec.build(0, inputs, new NumpyRandom(7));
    }

    @Test
    void passesTheGradientCheckWithAndWithoutBiasForSmoothActivations() {
        for (Activation a : new Activation[] {identity(), sigmoid(), tanh(), softplus()}) {
            GradientCheck.assertLayer(build(Dense.units(4).activation(a), 3), 5, 11);
            GradientCheck.assertLayer(build(Dense.units(2).activation(a).withoutBias(), 6), 3, 12);
        }
    }

    @Test
    void forwardComputesActivationOfInputTimesWeightsPlusBias() {
        Dense layer = new Dense(identity(), Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.rowVector(10, 20));
        Matrix output = new Matrix(1, 2);

        layer.forward(Matrix.rowVector(1, 1), new Matrix(1, 2), output);

        assertThat(output.data()).containsExactly(14, 26);
    }

    @Test
    void drawsWeightsRowByRowLikeNumpy() {
        Dense layer = build(Dense.units(4).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()), 3);

        NumpyRandom reference = new NumpyRandom(7);
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 2 * reference.random() - 1;
        }
        assertThat(layer.weights().value().data()).containsExactly(expected);
        assertThat(layer.bias()).isEmpty();
        assertThat(layer.parameters()).hasSize(1);
    }

    @Test
    void biasIsOnByDefaultAndStartsAtZero() {
        Dense layer = build(Dense.units(3).activation(sigmoid()), 2);

        assertThat(layer.bias()).isPresent();
        assertThat(layer.bias().get().value().data()).containsOnly(0.0);
        assertThat(layer.parameters()).extracting(p -> p.name()).containsExactly("weights", "bias");
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        Dense layer = build(Dense.units(3).activation(sigmoid()), 2);

        assertThatThrownBy(() -> layer.forward(new Matrix(4, 5), new Matrix(4, 3), new Matrix(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dense layer expects 2 inputs per sample but got 5 (input 4x5)");
    }

    @Test
    void refusesToBuildWithoutAnActivation() {
        assertThatThrownBy(() -> Dense.units(3).build(2, 4, new NumpyRandom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dense layer 2 (3 units) has no activation; call activation(...)");
    }

    @Test
    void refusesZeroUnits() {
        assertThatThrownBy(() -> Dense.units(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dense layer needs a positive number of units, got 0");
    }

    @Test
    void refusesToTrainThroughAThresholdActivation() {
        Activation step = new Activation() {
            @Override
            public String name() {
                return "step";
            }

            @Override
            public double value(double x) {
                return x >= 0 ? 1 : 0;
            }

            @Override
            public double derivative(double x, double y) {
                return 0;
            }

            @Override
            public boolean isDifferentiable() {
                return false;
            }
        };
        Dense layer = build(Dense.units(1).activation(step), 2);
        Matrix out = new Matrix(1, 1);
        Matrix state = new Matrix(1, 1);
        layer.forward(Matrix.rowVector(1, 1), state, out);

        assertThatThrownBy(() -> layer.backward(Matrix.rowVector(1, 1), state, out, new Matrix(1, 1), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot train through activation 'step'");
    }
}
