package dev.synapse.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Initializer;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import org.junit.jupiter.api.Test;

class InitializersTest {

    private static Matrix draw(Initializer init, int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        init.initialize(m, rows, cols, new NumpyRandom(1));
        return m;
    }

    @Test
    void numpyTutorialGivesTheTutorialsFirstWeights() {
        assertThat(draw(Initializers.numpyTutorial(), 3, 1).data())
                .containsExactly(new double[] {-0.16595599, 0.44064899, -0.99977125}, within(5e-9));
    }

    @Test
    void randAndRandnReproduceNumpy() {
        assertThat(draw(Initializers.rand(), 1, 2).data()).containsExactly(0.417022004702574, 0.7203244934421581);
        assertThat(draw(Initializers.randn(), 3, 1).data())
                .containsExactly(1.6243453636632417, -0.6117564136500754, -0.5281717522634557);
    }

    @Test
    void scaledInitializersStayWithinTheirLimits() {
        Matrix glorot = draw(Initializers.glorotUniform(), 100, 50);
        Matrix he = draw(Initializers.heUniform(), 100, 50);
        Matrix uniform = draw(Initializers.uniform(2, 3), 10, 10);

        assertThat(maxAbs(glorot)).isLessThan(Math.sqrt(6.0 / 150)).isGreaterThan(0.9 * Math.sqrt(6.0 / 150));
        assertThat(maxAbs(he)).isLessThan(Math.sqrt(6.0 / 100)).isGreaterThan(0.9 * Math.sqrt(6.0 / 100));
        assertThat(uniform.data()).doesNotContain(3.0);
        for (double v : uniform.data()) {
            assertThat(v).isBetween(2.0, 3.0);
        }
    }

    @Test
    void normalInitializersHaveTheirStandardDeviation() {
        Matrix he = draw(Initializers.heNormal(), 200, 100);
        Matrix glorot = draw(Initializers.glorotNormal(), 200, 100);
        Matrix gaussian = draw(Initializers.gaussian(0.5), 200, 100);

        assertThat(std(he)).isCloseTo(Math.sqrt(2.0 / 200), within(0.003));
        assertThat(std(glorot)).isCloseTo(Math.sqrt(2.0 / 300), within(0.003));
        assertThat(std(gaussian)).isCloseTo(0.5, within(0.01));
    }

    private static double maxAbs(Matrix m) {
        double max = 0;
        for (double v : m.data()) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double std(Matrix m) {
        double mean = m.sum() / m.size();
        double s = 0;
        for (double v : m.data()) {
            s += (v - mean) * (v - mean);
        }
        return Math.sqrt(s / m.size());
    }

    @Test
    void zerosAndConstantFill() {
        assertThat(draw(Initializers.zeros(), 2, 2).data()).containsOnly(0.0);
        assertThat(draw(Initializers.constant(0.25), 2, 2).data()).containsOnly(0.25);
    }

    @Test
    void rejectsAnEmptyUniformRange() {
        assertThatThrownBy(() -> Initializers.uniform(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uniform initializer needs finite low < high, got [1.0, 1.0)");
    }
}
