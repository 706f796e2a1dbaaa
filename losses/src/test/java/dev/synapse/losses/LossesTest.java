package dev.synapse.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.GradientCheck;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import org.junit.jupiter.api.Test;

class LossesTest {

    private static final Matrix PREDICTED = Matrix.of(new double[][] {{0.2, 0.9}, {0.6, -0.3}, {1.5, 0.1}});
    private static final Matrix TARGET = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}});

    @Test
    void everyLossPassesTheGradientCheck() {
        for (Loss loss : new Loss[] {Losses.sumSquaredError(), Losses.halfSumSquaredError(), Losses.meanSquaredError()}) {
            GradientCheck.assertLoss(loss, PREDICTED, TARGET);
        }
    }

    @Test
    void sumSquaredErrorIsTheSumOfSquaredDifferencesWithGradientTwiceTheDifference() {
        Matrix gradient = new Matrix(3, 2);

        double value = Losses.sumSquaredError().value(PREDICTED, TARGET);
        Losses.sumSquaredError().gradient(PREDICTED, TARGET, gradient);

        assertThat(value).isCloseTo(0.04 + 0.01 + 0.16 + 0.09 + 0.25 + 0.81, within(1e-15));
        assertThat(gradient.data()).containsExactly(new double[] {0.4, -0.2, -0.8, -0.6, 1.0, -1.8}, within(1e-15));
    }

    @Test
    void halfAndMeanVariantsScaleTheSum() {
        double sse = Losses.sumSquaredError().value(PREDICTED, TARGET);

        assertThat(Losses.halfSumSquaredError().value(PREDICTED, TARGET)).isEqualTo(sse / 2);
        assertThat(Losses.meanSquaredError().value(PREDICTED, TARGET)).isEqualTo(sse / 6);
        assertThat(Losses.meanSquaredError().reduction()).isEqualTo(Loss.Reduction.MEAN);
        assertThat(Losses.sumSquaredError().reduction()).isEqualTo(Loss.Reduction.SUM);
    }

    @Test
    void rejectsPredictionsAndTargetsOfDifferentShapes() {
        assertThatThrownBy(() -> Losses.meanSquaredError().value(PREDICTED, new Matrix(3, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mse: predictions are 3x2 but targets are 3x1; they must have the same shape");
    }
}
