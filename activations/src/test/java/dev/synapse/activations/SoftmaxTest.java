package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.RowActivation;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

    private final RowActivation softmax = Activations.softmax();

    @Test
    void eachRowBecomesProbabilitiesAsNumpyComputesThem() {
        Matrix z = Matrix.of(new double[][] {{1, 2, 3}, {0, 0, 0}});
        Matrix p = new Matrix(2, 3);

        softmax.apply(z, p);

        // numpy: e = np.exp(z - z.max()); e / e.sum()
        assertThat(p.row(0)).containsExactly(new double[] {0.09003057317038046, 0.24472847105479764,
                0.6652409557748218}, within(1e-16));
        assertThat(p.row(1)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-16));
        assertThat(softmax.name()).isEqualTo("softmax");
    }

    @Test
    void logitsOfPlusAndMinusAThousandGiveExactZerosAndOnesInsteadOfNaN() {
        Matrix z = Matrix.of(new double[][] {{1000, -1000, 0}, {-1000, -1000, -1000}});
        Matrix p = new Matrix(2, 3);

        softmax.apply(z, p);

        assertThat(p.row(0)).containsExactly(1, 0, 0);
        assertThat(p.row(1)).containsExactly(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-16));
    }

    @Test
    void backwardAppliesTheJacobianPTimesGradientMinusItsMean() {
        Matrix z = Matrix.rowVector(0.5, -1.0, 2.0, 0.0);
        Matrix p = new Matrix(1, 4);
        softmax.apply(z, p);
        Matrix gradientIn = new Matrix(1, 4);

        softmax.backward(z, p, Matrix.rowVector(0.3, -0.2, 0.1, 0.4), gradientIn);

        // numpy: p * (g - np.dot(g, p))
        assertThat(gradientIn.data()).containsExactly(new double[] {0.023780447364464555, -0.012370761675540153,
                -0.03544341353616439, 0.024033727847239974}, within(1e-16));
    }

    @Test
    void backwardMatchesCentralDifferencesOfTheWeightedOutputs() {
        Matrix z = Matrix.of(new double[][] {{0.5, -1.0, 2.0, 0.0}, {3, 1, -2, 0.25}});
        Matrix weights = Matrix.of(new double[][] {{0.3, -0.2, 0.1, 0.4}, {-1, 0.5, 2, 0}});
        Matrix p = new Matrix(2, 4);
        softmax.apply(z, p);
        Matrix analytic = new Matrix(2, 4);
        softmax.backward(z, p, weights, analytic);

        double h = 1e-6;
        for (int i = 0; i < z.size(); i++) {
            double saved = z.data()[i];
            z.data()[i] = saved + h;
            double plus = weightedSum(z, weights);
            z.data()[i] = saved - h;
            double minus = weightedSum(z, weights);
            z.data()[i] = saved;
            assertThat(analytic.data()[i]).as("element %s", i).isCloseTo((plus - minus) / (2 * h), within(1e-9));
        }
    }

    @Test
    void warmCallsGiveTheSameBitsAsTheFirstCall() {
        Matrix z = Matrix.of(new double[][] {{0.1, -2.5, 7.25, 3, -0.75, 1e-3, 12, -30, 0.5, 2}});
        Matrix first = new Matrix(1, 10);
        softmax.apply(z, first);
        Matrix again = new Matrix(1, 10);

        for (int i = 0; i < 20_000; i++) {
            softmax.apply(z, again);
        }

        assertThat(again.data()).containsExactly(first.data());
    }

    @Test
    void refusesAnOutputOfAnotherShape() {
        assertThatThrownBy(() -> softmax.apply(new Matrix(2, 3), new Matrix(2, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("softmax: the output is 2x4 but must be 2x3, the shape of the pre-activations");
    }

    private double weightedSum(Matrix z, Matrix weights) {
        Matrix p = new Matrix(z.rows(), z.cols());
        softmax.apply(z, p);
        double s = 0;
        for (int i = 0; i < p.size(); i++) {
            s += p.data()[i] * weights.data()[i];
        }
        return s;
    }
}
