package dev.synapse.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static Matrix ones(int rows, int cols) {
        return new Matrix(rows, cols).fill(1.0);
    }

    @Test
    void trainingDropsTheExpectedFractionAndScalesTheRestByOneOverOneMinusTheRate() {
        Dropout dropout = Dropout.rate(0.2).build(0, 100, new NumpyRandom(1));
        Matrix output = new Matrix(200, 100);

        dropout.forwardTraining(ones(200, 100), new Matrix(200, 100), output, new NumpyRandom(3));

        long dropped = 0;
        for (double v : output.data()) {
            if (v == 0) {
                dropped++;
            } else {
                assertThat(v).isEqualTo(1 / 0.8);
            }
        }
        // 20,000 draws: the standard deviation of the fraction is sqrt(0.2·0.8 / 20000) ≈ 0.0028.
        assertThat(dropped / 20_000.0).isCloseTo(0.2, within(0.012));
    }

    @Test
    void keepsAValueWhenItsUniformDrawIsAtLeastTheRateInRowMajorOrder() {
        Dropout dropout = new Dropout(3, 0.5);
        Matrix output = new Matrix(2, 3);
        NumpyRandom reference = new NumpyRandom(42);
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = reference.random() >= 0.5 ? 2 * (i + 1) : 0;
        }

        dropout.forwardTraining(Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}), new Matrix(2, 3), output,
                new NumpyRandom(42));

        assertThat(output.data()).containsExactly(expected);
    }

    @Test
    void theSameSeedDrawsTheSameMask() {
        Dropout dropout = new Dropout(50, 0.3);
        Matrix first = new Matrix(8, 50);
        Matrix second = new Matrix(8, 50);
        Matrix other = new Matrix(8, 50);

        dropout.forwardTraining(ones(8, 50), first, new Matrix(8, 50), new NumpyRandom(9));
        dropout.forwardTraining(ones(8, 50), second, new Matrix(8, 50), new NumpyRandom(9));
        dropout.forwardTraining(ones(8, 50), other, new Matrix(8, 50), new NumpyRandom(10));

        assertThat(second.data()).containsExactly(first.data());
        assertThat(other.data()).isNotEqualTo(first.data());
    }

    @Test
    void outsideTrainingNothingIsDropped() {
        Dropout dropout = new Dropout(4, 0.9);
        Matrix input = Matrix.of(new double[][] {{1, -2, 3, 0.5}});
        Matrix output = new Matrix(1, 4);

        dropout.forward(input, new Matrix(1, 4), output);

        assertThat(output.data()).containsExactly(1, -2, 3, 0.5);
        GradientCheck.assertLayer(dropout, 3, 5);
    }

    @Test
    void theBackwardPassMatchesCentralDifferencesWithTheMaskHeldFixed() {
        Dropout dropout = new Dropout(5, 0.4);
        NumpyRandom data = new NumpyRandom(2);
        Matrix input = new Matrix(3, 5);
        Matrix weights = new Matrix(3, 5);
        for (int i = 0; i < 15; i++) {
            input.data()[i] = data.uniform(-1, 1);
            weights.data()[i] = data.uniform(-1, 1);
        }
        Matrix state = new Matrix(3, 5);
        Matrix output = new Matrix(3, 5);
        Matrix analytic = new Matrix(3, 5);
        dropout.forwardTraining(input, state, output, new NumpyRandom(77));
        dropout.backward(input, state, output, weights, analytic);

        double h = 1e-6;
        for (int i = 0; i < 15; i++) {
            double saved = input.data()[i];
            input.data()[i] = saved + h;
            double plus = weightedOutput(dropout, input, weights);
            input.data()[i] = saved - h;
            double minus = weightedOutput(dropout, input, weights);
            input.data()[i] = saved;
            assertThat(analytic.data()[i]).as("input %s", i).isCloseTo((plus - minus) / (2 * h), within(1e-9));
        }
    }

    /** Σ weights∘output with the mask of seed 77 drawn again: the same seed gives the same mask. */
    private static double weightedOutput(Dropout dropout, Matrix input, Matrix weights) {
        Matrix output = new Matrix(input.rows(), input.cols());
        dropout.forwardTraining(input, new Matrix(input.rows(), input.cols()), output, new NumpyRandom(77));
        double s = 0;
        for (int i = 0; i < output.size(); i++) {
            s += output.data()[i] * weights.data()[i];
        }
        return s;
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThatThrownBy(() -> Dropout.rate(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dropout rate is the fraction of values dropped and must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> Dropout.rate(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
