package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivation.Function;
import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FannActivationsTest {

    // fann_activation.h's breakpoints, in u = s·x.
    private static final double V1 = 5.49306154251098632812e-01;
    private static final double V2 = 1.47221934795379638672e+00;
    private static final double V3 = 2.64665293693542480469e+00;
    // fann_activation_derived clips outputs to these float literals, also in FANN's double build.
    private static final double LOW_CLIP = 0.01f;
    private static final double HIGH_CLIP = 0.99f;
    private static final double SYMMETRIC_CLIP = 0.98f;

    @Test
    void sigmoidIsFannsLogisticOfTwiceTheScaledSum() {
        FannActivation a = FannActivations.sigmoid(0.5);

        assertThat(a.value(0)).isEqualTo(0.5);
        assertThat(a.value(1)).isCloseTo(1 / (1 + Math.exp(-1.0)), within(1e-15));
        assertThat(FannActivations.sigmoid(2).value(-0.5)).isCloseTo(1 / (1 + Math.exp(2.0)), within(1e-15));
    }

    @Test
    void sigmoidSymmetricIsTanhOfTheScaledSum() {
        FannActivation a = FannActivations.sigmoidSymmetric(0.5);

        assertThat(a.value(0)).isEqualTo(0.0);
        assertThat(a.value(1.3)).isCloseTo(Math.tanh(0.65), within(1e-15));
        assertThat(a.value(-4)).isCloseTo(Math.tanh(-2), within(1e-15));
    }

    @Test
    void sigmoidStepwiseTakesFannsValuesAtItsBreakpoints() {
        FannActivation a = FannActivations.sigmoidStepwise(1);

        assertThat(a.value(-V1)).isEqualTo(0.25);
        assertThat(a.value(V1)).isEqualTo(0.75);
        assertThat(a.value(0)).isCloseTo(0.5, within(1e-15));
        assertThat(a.value(V2)).isCloseTo(0.95, within(1e-7));
        assertThat(a.value(-1.47221946716308593750)).isCloseTo(0.05, within(1e-7));
        assertThat(a.value(V3 - 1e-12)).isCloseTo(0.995, within(1e-7));
        assertThat(a.value(V3)).isEqualTo(1.0);
        assertThat(a.value(-2.64665246009826660156)).isCloseTo(0.005, within(1e-7));
        assertThat(a.value(-2.65)).isEqualTo(0.0);
        assertThat(a.value(10)).isEqualTo(1.0);
    }

    @Test
    void sigmoidStepwiseIsLinearBetweenBreakpoints() {
        FannActivation a = FannActivations.sigmoidStepwise(1);

        double mid = (V1 + V2) / 2;

        assertThat(a.value(mid)).isCloseTo((0.75 + 9.49999988079071044922e-01) / 2, within(1e-12));
    }

    @Test
    void sigmoidSymmetricStepwiseTakesFannsValuesAtItsBreakpoints() {
        FannActivation a = FannActivations.sigmoidSymmetricStepwise(1);

        assertThat(a.value(0)).isEqualTo(0.0);
        assertThat(a.value(V1)).isEqualTo(0.5);
        assertThat(a.value(-V1)).isEqualTo(-0.5);
        assertThat(a.value(V2)).isCloseTo(0.9, within(1e-7));
        assertThat(a.value(-V2)).isCloseTo(-0.9, within(1e-7));
        assertThat(a.value(-V3)).isCloseTo(-0.99, within(1e-7));
        assertThat(a.value(V3)).isEqualTo(1.0);
        assertThat(a.value(-V3 - 1e-9)).isEqualTo(-1.0);
    }

    @Test
    void stepwiseBreakpointsScaleWithSteepness() {
        FannActivation a = FannActivations.sigmoidSymmetricStepwise(0.5);

        assertThat(a.value(2 * V1)).isEqualTo(0.5);
        assertThat(a.value(-2 * V1)).isEqualTo(-0.5);
    }

    @Test
    void stepwiseVariantsTrainWithTheSmoothDerivativeAtTheirOutput() {
        FannActivation symmetric = FannActivations.sigmoidSymmetricStepwise(0.5);
        FannActivation plain = FannActivations.sigmoidStepwise(0.5);

        assertThat(symmetric.derivative(2 * V1, 0.5)).isCloseTo(0.5 * (1 - 0.25), within(1e-15));
        assertThat(symmetric.derivative(100, 1.0)).isCloseTo(0.5 * (1 - SYMMETRIC_CLIP * SYMMETRIC_CLIP), within(1e-15));
        assertThat(plain.derivative(2 * V1, 0.75)).isCloseTo(2 * 0.5 * 0.75 * 0.25, within(1e-15));
        assertThat(plain.derivative(-100, 0.0)).isCloseTo(2 * 0.5 * LOW_CLIP * (1 - LOW_CLIP), within(1e-15));
        assertThat(symmetric.isDifferentiable()).isTrue();
    }

    @Test
    void sigmoidDerivativesAreClippedAsFannClipsThem() {
        FannActivation sigmoid = FannActivations.sigmoid(1);
        FannActivation symmetric = FannActivations.sigmoidSymmetric(1);

        assertThat(sigmoid.derivative(10, sigmoid.value(10))).isCloseTo(2 * HIGH_CLIP * (1 - HIGH_CLIP), within(1e-15));
        assertThat(symmetric.derivative(-10, symmetric.value(-10)))
                .isCloseTo(1 - SYMMETRIC_CLIP * SYMMETRIC_CLIP, within(1e-15));
        assertThat(sigmoid.derivative(0.3, sigmoid.value(0.3)))
                .isCloseTo(2 * sigmoid.value(0.3) * (1 - sigmoid.value(0.3)), within(1e-15));
    }

    @Test
    void linearScalesBySteepness() {
        FannActivation a = FannActivations.linear(2);

        assertThat(a.value(-1.5)).isEqualTo(-3.0);
        assertThat(a.derivative(7, 14)).isEqualTo(2.0);
    }

    @Test
    void linearClipsTheSumAsFannDoes() {
        FannActivation a = FannActivations.linear(0.5);

        assertThat(a.value(1000)).isEqualTo(300.0);
        assertThat(a.value(-1000)).isEqualTo(-300.0);
    }

    @Test
    void thresholdsStepAtZero() {
        FannActivation threshold = FannActivations.threshold();
        FannActivation symmetric = FannActivations.thresholdSymmetric();

        assertThat(List.of(threshold.value(-1e-9), threshold.value(0), threshold.value(3))).containsExactly(0.0, 1.0, 1.0);
        assertThat(List.of(symmetric.value(-2), symmetric.value(0), symmetric.value(1e-9)))
                .containsExactly(-1.0, 1.0, 1.0);
        assertThat(threshold.isDifferentiable()).isFalse();
        assertThat(symmetric.isDifferentiable()).isFalse();
    }

    @Test
    void thresholdHasNoDerivative() {
        assertThatThrownBy(() -> FannActivations.threshold().derivative(1, 1))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("'threshold'").hasMessageContaining("inference only");
    }

    @Test
    void gaussiansFollowFannsFormulas() {
        FannActivation a = FannActivations.gaussian(0.5);
        FannActivation symmetric = FannActivations.gaussianSymmetric(0.5);

        assertThat(a.value(0)).isEqualTo(1.0);
        assertThat(a.value(2)).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(symmetric.value(2)).isCloseTo(2 * Math.exp(-1) - 1, within(1e-15));
        assertThat(symmetric.value(0)).isEqualTo(1.0);
    }

    @Test
    void elliottsFollowFannsFormulas() {
        FannActivation a = FannActivations.elliott(0.5);
        FannActivation symmetric = FannActivations.elliottSymmetric(0.5);

        assertThat(a.value(0)).isEqualTo(0.5);
        assertThat(a.value(2)).isCloseTo(0.5 / (1 + 1) + 0.5, within(1e-15));
        assertThat(a.value(-6)).isCloseTo(-1.5 / 4 + 0.5, within(1e-15));
        assertThat(symmetric.value(-6)).isCloseTo(-3.0 / 4, within(1e-15));
    }

    @Test
    void sinesAndCosinesFollowFannsFormulas() {
        assertThat(FannActivations.sinSymmetric(0.5).value(1)).isCloseTo(Math.sin(0.5), within(1e-15));
        assertThat(FannActivations.cosSymmetric(0.5).value(1)).isCloseTo(Math.cos(0.5), within(1e-15));
        assertThat(FannActivations.sin(0.5).value(1)).isCloseTo(Math.sin(0.5) / 2 + 0.5, within(1e-15));
        assertThat(FannActivations.cos(0.5).value(1)).isCloseTo(Math.cos(0.5) / 2 + 0.5, within(1e-15));
    }

    @Test
    void linearPiecesClampTheScaledSum() {
        FannActivation a = FannActivations.linearPiece(0.5);
        FannActivation symmetric = FannActivations.linearPieceSymmetric(0.5);

        assertThat(List.of(a.value(-1), a.value(1), a.value(3))).containsExactly(0.0, 0.5, 1.0);
        assertThat(List.of(symmetric.value(-3), symmetric.value(-1), symmetric.value(3))).containsExactly(-1.0, -0.5, 1.0);
        assertThat(a.derivative(3, 1)).isEqualTo(0.5);
    }

    @Test
    void smoothActivationsPassTheGradientCheckAtSeveralSteepnesses() {
        for (double s : new double[] {0.5, 1, 1.7}) {
            // Away from kinks and from the outputs where FANN clips the sigmoid derivatives.
            double sigmoidRange = 2.2 / s;
            GradientCheck.assertActivation(FannActivations.sigmoid(s), -sigmoidRange, sigmoidRange);
            GradientCheck.assertActivation(FannActivations.sigmoidSymmetric(s), -sigmoidRange, sigmoidRange);
            GradientCheck.assertActivation(FannActivations.linear(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.gaussian(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.gaussianSymmetric(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.elliott(s), 0.013, 3);
            GradientCheck.assertActivation(FannActivations.elliott(s), -3, -0.013);
            GradientCheck.assertActivation(FannActivations.elliottSymmetric(s), 0.013, 3);
            GradientCheck.assertActivation(FannActivations.elliottSymmetric(s), -3, -0.013);
            GradientCheck.assertActivation(FannActivations.sin(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.cos(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.sinSymmetric(s), -3, 3);
            GradientCheck.assertActivation(FannActivations.cosSymmetric(s), -3, 3);
            // Linear pieces: FANN's slope is right only where they are not flat.
            GradientCheck.assertActivation(FannActivations.linearPiece(s), 0.01 / s, 0.99 / s);
            GradientCheck.assertActivation(FannActivations.linearPieceSymmetric(s), -0.99 / s, 0.99 / s);
        }
    }

    @Test
    void everyActivationIsNamedAndRebuiltFromNameAndSteepness() {
        for (Function f : Function.values()) {
            FannActivation a = FannActivations.of(f, 0.75);

            Activation rebuilt = FannActivations.of(a.name(), a.arguments().get("steepness"));

            assertThat(rebuilt).isEqualTo(a);
            assertThat(a.arguments()).isEqualTo(Map.of("steepness", 0.75));
            assertThat(f.fannName()).startsWith("FANN_");
        }
        assertThat(FannActivations.sigmoidSymmetricStepwise().name()).isEqualTo("sigmoid-symmetric-stepwise");
        assertThat(FannActivations.sigmoid().name()).isEqualTo("fann-sigmoid");
    }

    @Test
    void rejectsUnknownNamesAndBadSteepness() {
        assertThatThrownBy(() -> FannActivations.of("sigmoid-wobbly", 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sigmoid-wobbly'").hasMessageContaining("sigmoid-symmetric-stepwise");
        assertThatThrownBy(() -> FannActivations.sigmoid(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steepness of activation 'fann-sigmoid' must be positive and finite, got -1.0");
    }

    @Test
    void symmetricFunctionsAreTheOnesFannHalvesTheErrorOf() {
        assertThat(FannActivations.sigmoidSymmetricStepwise().isSymmetric()).isTrue();
        assertThat(FannActivations.linearPieceSymmetric().isSymmetric()).isTrue();
        assertThat(FannActivations.sigmoidStepwise().isSymmetric()).isFalse();
        assertThat(FannActivations.linear().isSymmetric()).isFalse();
    }
}
