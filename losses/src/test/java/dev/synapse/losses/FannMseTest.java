package dev.synapse.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withPrecision;

import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import org.junit.jupiter.api.Test;

class FannMseTest {

    private static final Matrix PREDICTED = Matrix.of(new double[][] {{0.5, -0.2}, {0.9, 0.1}});
    private static final Matrix TARGET = Matrix.of(new double[][] {{1, -1}, {-1, 1}});

    @Test
    void valueIsTheMeanOfSquaredDifferencesForPlainOutputs() {
        double mse = Losses.fannMse(false).value(PREDICTED, TARGET);

        assertThat(mse).isCloseTo((0.25 + 0.64 + 3.61 + 0.81) / 4, withPrecision(1e-15));
    }

    @Test
    void valueHalvesTheDifferenceForSymmetricOutputs() {
        double mse = Losses.fannMse(true).value(PREDICTED, TARGET);

        assertThat(mse).isCloseTo((0.25 + 0.64 + 3.61 + 0.81) / 4 / 4, withPrecision(1e-15));
        assertThat(Losses.fannMseLinear(true).value(PREDICTED, TARGET)).isEqualTo(mse);
    }

    @Test
    void tanhErrorFunctionGradientIsFannsTrainingSignalPerSample() {
        Matrix gradient = new Matrix(2, 2);

        Losses.fannMse(true).gradient(PREDICTED, TARGET, gradient);

        // d = (y - ŷ)/2 = 0.25, -0.4, -0.95, 0.45; signal ln((1+d)/(1-d)); gradient -signal / 2 samples.
        assertThat(gradient.data()).containsExactly(new double[] {
                -Math.log(1.25 / 0.75) / 2, -Math.log(0.6 / 1.4) / 2,
                -Math.log(0.05 / 1.95) / 2, -Math.log(1.45 / 0.55) / 2}, withPrecision(1e-15));
    }

    @Test
    void tanhErrorFunctionIsClippedAtSeventeen() {
        Matrix gradient = new Matrix(1, 2);

        Losses.fannMse(false).gradient(Matrix.rowVector(0, 1), Matrix.rowVector(1, 0), gradient);

        assertThat(gradient.data()).containsExactly(-17, 17);
    }

    @Test
    void linearErrorFunctionGradientIsTheHalvedDifferencePerSample() {
        Matrix gradient = new Matrix(2, 2);

        Losses.fannMseLinear(true).gradient(PREDICTED, TARGET, gradient);

        assertThat(gradient.data()).containsExactly(new double[] {-0.125, 0.2, 0.475, -0.225}, withPrecision(1e-15));
    }

    @Test
    void linearGradientIsTheDerivativeOfTheMseForOneSymmetricOutput() {
        Matrix predicted = Matrix.columnVector(0.3, -0.7, 0.9);
        Matrix target = Matrix.columnVector(1, -1, -1);

        GradientCheck.assertLoss(Losses.fannMseLinear(true), predicted, target);
    }

    @Test
    void linearGradientIsKOverTwoHTimesTheMseDerivativeOtherwise() {
        // Two plain outputs: k / (2h) = 2 / 2 = 1, the derivative itself; one plain output: 1 / 2, not the derivative.
        Matrix predicted = Matrix.of(new double[][] {{0.3, 0.8}, {0.1, 0.6}});
        Matrix target = Matrix.of(new double[][] {{1, 0}, {0, 1}});

        GradientCheck.assertLoss(Losses.fannMseLinear(false), predicted, target);
        assertThat(GradientCheck.loss(Losses.fannMseLinear(false), Matrix.columnVector(0.3), Matrix.columnVector(1))
                .passed()).isFalse();
    }

    @Test
    void errorIsFannsNeuronDiff() {
        assertThat(Losses.fannMse(true).error(0.2, 1)).isCloseTo(0.4, withPrecision(1e-15));
        assertThat(Losses.fannMse(false).error(0.2, 1)).isCloseTo(0.8, withPrecision(1e-15));
    }

    @Test
    void namesSayTheErrorFunctionAndSymmetry() {
        assertThat(Losses.fannMse(false).name()).isEqualTo("fann-mse");
        assertThat(Losses.fannMse(true).name()).isEqualTo("fann-mse-symmetric");
        assertThat(Losses.fannMseLinear(true).name()).isEqualTo("fann-mse-linear-symmetric");
    }
}
