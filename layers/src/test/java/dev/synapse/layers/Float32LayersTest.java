package dev.synapse.layers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;
import static dev.synapse.activations.Activations.softplus;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import dev.synapse.core.Float32GradientCheck;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class Float32LayersTest {

    private static Dense build(Dense.Spec spec, int inputs) {
        return spec.build(0, inputs, new NumpyRandom(7));
    }

    @Test
    void denseInFloat32PassesTheGradientCheckForEveryActivationWithAndWithoutBias() {
        for (Activation a : new Activation[] {identity(), sigmoid(), tanh(), softplus()}) {
            Float32GradientCheck.assertLayer(build(Dense.units(4).activation(a), 3), 5, 11);
            Float32GradientCheck.assertLayer(build(Dense.units(2).activation(a).withoutBias(), 6), 3, 12);
        }
        // ReLU away from its kink: a positive bias keeps every pre-activation of this batch off 0.
        Float32GradientCheck.assertLayer(new Dense(relu(), Matrix.of(new double[][] {{0.3, -0.2, 0.5}, {0.1, 0.4, -0.6}}),
                Matrix.rowVector(3, 3, 3)), 4, 13);
    }

    @Test
    void denseWithSoftmaxAndAnL2PenaltyPassesInFloat32() {
        Float32GradientCheck.assertLayer(build(Dense.units(4).activation(softmax()), 3), 5, 21);
        Float32GradientCheck.assertLayer(build(Dense.units(3).activation(tanh()).l2(0.01), 4), 6, 22);
    }

    @Test
    void dropoutInFloat32PassesItsCheck() {
        Float32GradientCheck.assertLayer(new Dropout(5, 0.5), 4, 3);
    }

    @Test
    void denseConvertsItsParametersOnceAndKeepsItsConfiguration() {
        Dense layer = build(Dense.units(3).activation(tanh()).l2(0.5), 2);

        Dense single = layer.withPrecision(Precision.FLOAT32);

        assertThat(single.weights().value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(single.weights().gradient().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(single.bias().orElseThrow().value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(single.l2()).isEqualTo(0.5);
        assertThat(single.withPrecision(Precision.FLOAT32)).isSameAs(single);
        assertThat(single.weights().value().toPrecision(Precision.FLOAT64))
                .isEqualTo(layer.weights().value().toPrecision(Precision.FLOAT32).toPrecision(Precision.FLOAT64));
        Matrix out = new Matrix(1, 3, Precision.FLOAT32);
        single.forward(Matrix.rowVector(0.5, -1).toPrecision(Precision.FLOAT32),
                new Matrix(1, 3, Precision.FLOAT32), out);
        Matrix expected = new Matrix(1, 3);
        layer.forward(Matrix.rowVector(0.5, -1), new Matrix(1, 3), expected);
        for (int c = 0; c < 3; c++) {
            assertThat(out.get(0, c)).isCloseTo(expected.get(0, c), org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void sparseAndShortcutLayersPassTheFloat32GradientCheck() {
        Float32GradientCheck.assertLayer(Sparse.units(3).activation(FannActivations.sigmoidSymmetric(0.7))
                .connectionRate(0.5).build(0, 4, new NumpyRandom(3)), 3, 5);
        Float32GradientCheck.assertLayer(Sparse.units(5).activation(tanh()).connectionRate(0.4)
                .build(0, 6, new NumpyRandom(2)), 4, 9);
        Float32GradientCheck.assertLayer(Shortcut.units(3).activation(tanh()).build(0, 4, new NumpyRandom(3)), 5, 7);
        Float32GradientCheck.assertLayer(new Shortcut(sigmoid(), Matrix.of(new double[][] {{0.3, -0.2}, {0.5, 0.1}}),
                null), 2, 9);
    }

    @Test
    void sparseAndShortcutConvertTheirParametersAndKeepTheirStructure() {
        Sparse sparse = Sparse.units(2).activation(sigmoid()).connectionRate(0.6).build(0, 3, new NumpyRandom(1));
        Shortcut shortcut = Shortcut.units(2).activation(tanh()).build(0, 3, new NumpyRandom(1));

        Sparse sparse32 = sparse.withPrecision(Precision.FLOAT32);
        Shortcut shortcut32 = shortcut.withPrecision(Precision.FLOAT32);

        assertThat(sparse32.weights().value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(sparse32.mask()).isEqualTo(sparse.mask());
        assertThat(sparse32.weightMatrix()).isEqualTo(sparse.weightMatrix().toPrecision(Precision.FLOAT32)
                .toPrecision(Precision.FLOAT64));
        assertThat(shortcut32.weights().value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(shortcut32.withPrecision(Precision.FLOAT32)).isSameAs(shortcut32);
        assertThat(sparse.withPrecision(Precision.FLOAT64)).isSameAs(sparse);
    }
}
