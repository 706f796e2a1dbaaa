package dev.synapse.layers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class SparseTest {

    /** 3 inputs, 2 units: unit 0 sees inputs 0 and 2 and has a bias; unit 1 sees input 1 only, without bias. */
    private static Sparse handMade(Activation activation) {
        return new Sparse(activation, Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}, {1, 0}}),
                Matrix.rowVector(1, 2, 3, 10));
    }

    @Test
    void computesOnlyTheConnectionsTheMaskNames() {
        Sparse layer = handMade(identity());
        Matrix output = new Matrix(2, 2);

        layer.forward(Matrix.of(new double[][] {{1, 2, 3}, {0, -1, 0}}), new Matrix(2, 2), output);

        assertThat(output.data()).containsExactly(1 + 9 + 10, 4, 10, -2);
        assertThat(layer.connectionCount()).isEqualTo(4);
        assertThat(layer.weightMatrix().data()).containsExactly(1, 0, 0, 2, 3, 0, 10, 0);
    }

    @Test
    void passesTheGradientCheck() {
        GradientCheck.assertLayer(handMade(tanh()), 4, 3);
        GradientCheck.assertLayer(Sparse.units(3).activation(FannActivations.sigmoidSymmetric(0.7))
                .connectionRate(0.5).build(0, 4, new NumpyRandom(3)), 3, 5);
        GradientCheck.assertLayer(Sparse.units(5).activation(tanh()).connectionRate(0.4)
                .build(0, 6, new NumpyRandom(2)), 4, 9);
    }

    @Test
    void trainingMovesOnlyTheConnectionsTheMaskNames() {
        Sparse layer = handMade(tanh());
        Matrix input = Matrix.of(new double[][] {{0.5, -1, 2}, {1, 0.25, -0.5}});
        Matrix state = new Matrix(2, 2);
        Matrix output = new Matrix(2, 2);

        for (int step = 0; step < 20; step++) {
            layer.forward(input, state, output);
            Matrix gradient = output.copy();          // the gradient of Σy²/2
            layer.backward(input, state, output, gradient, new Matrix(2, 3));
            for (Parameter p : layer.parameters()) {
                p.value().addScaled(-0.1, p.gradient());
                p.gradient().fill(0);
            }
        }

        Matrix w = layer.weightMatrix();
        assertThat(new double[] {w.get(0, 1), w.get(1, 0), w.get(2, 1), w.get(3, 1)}).containsOnly(0.0);
        assertThat(w.get(0, 0)).isNotEqualTo(1.0);
        assertThat(layer.mask()).isEqualTo(Matrix.of(new double[][] {{1, 0}, {0, 1}, {1, 0}, {1, 0}}));
    }

    @Test
    void aConnectionRateGivesEachUnitThatShareOfTheInputs() {
        Sparse layer = Sparse.units(4).activation(tanh()).connectionRate(0.5).build(0, 6, new NumpyRandom(1));

        Matrix mask = layer.mask();
        for (int j = 0; j < 4; j++) {
            double connected = 0;
            for (int i = 0; i < 6; i++) {
                connected += mask.get(i, j);
            }
            assertThat(connected).isEqualTo(3);
        }
        assertThat(mask.row(6)).containsOnly(1.0);
        assertThat(layer.connectionCount()).isEqualTo(16);
    }

    @Test
    void refusesAMaskThatIsNotZerosAndOnes() {
        assertThatThrownBy(() -> new Sparse(tanh(), Matrix.columnVector(1, 0.5), Matrix.rowVector(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sparse layer's mask holds only 0 and 1, but has 0.5 at row 1, column 0");
    }

    @Test
    void refusesWeightsThatAreNotOnePerConnection() {
        assertThatThrownBy(() -> new Sparse(tanh(), Matrix.columnVector(1, 1), Matrix.rowVector(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sparse layer whose mask has 2 connections needs 1x2 weights, got 1x1");
    }

    @Test
    void refusesAConnectionRateOutsideZeroToOne() {
        assertThatThrownBy(() -> Sparse.units(2).connectionRate(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a connection rate must be in (0, 1], got 1.5");
    }
}
