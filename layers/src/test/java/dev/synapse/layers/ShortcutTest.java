package dev.synapse.layers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class ShortcutTest {

    @Test
    void passesItsInputOnAndAppendsTheNewUnits() {
        Shortcut layer = new Shortcut(identity(), Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.rowVector(10, 20));
        Matrix output = new Matrix(2, 4);

        layer.forward(Matrix.of(new double[][] {{1, 1}, {0, -1}}), new Matrix(2, 2), output);

        assertThat(output.data()).containsExactly(1, 1, 14, 26, 0, -1, 7, 16);
        assertThat(layer.outputSize()).isEqualTo(4);
        assertThat(layer.units()).isEqualTo(2);
    }

    @Test
    void passesTheGradientCheckWithAndWithoutBias() {
        GradientCheck.assertLayer(Shortcut.units(3).activation(tanh()).build(0, 4, new NumpyRandom(3)), 5, 7);
        GradientCheck.assertLayer(Shortcut.units(1).activation(FannActivations.sigmoidSymmetric())
                .build(0, 2, new NumpyRandom(4)), 3, 8);
        GradientCheck.assertLayer(new Shortcut(sigmoid(), Matrix.of(new double[][] {{0.3, -0.2}, {0.5, 0.1}}), null),
                2, 9);
    }

    @Test
    void stacksIntoAShortcutNetworkWhoseOutputLayerSeesEveryUnit() {
        Sequential model = Sequential.builder().input(2)
                .add(Shortcut.units(3).activation(tanh()))
                .add(Shortcut.units(1).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .seed(5).build();

        assertThat(model.layers()).extracting(l -> l.inputSize()).containsExactly(2, 5, 6);
        assertThat(model.predict(0.5, -0.5)).hasSize(1);
    }

    @Test
    void refusesABiasThatDoesNotMatchTheWeights() {
        assertThatThrownBy(() -> new Shortcut(tanh(), new Matrix(2, 3), new Matrix(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shortcut bias must be 1x3 to match weights 2x3, got 1x2");
    }
}
