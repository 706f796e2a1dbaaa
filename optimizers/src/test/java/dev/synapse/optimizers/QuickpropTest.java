package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withPrecision;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickpropTest {

    @Test
    void fannDefaultsAreTheFloatsFannStores() {
        Quickprop quickprop = Quickprop.fannDefaults();

        assertThat(quickprop.learningRate()).isEqualTo((double) 0.7f).isEqualTo(0.699999988079071);
        assertThat(quickprop.mu()).isEqualTo(1.75);
        assertThat(quickprop.decay()).isEqualTo((double) -0.0001f).isEqualTo(-9.999999747378752E-5);
    }

    @Test
    void twoStepsFollowFannsQuickpropByHand() {
        Parameter p = new Parameter("weights", Matrix.rowVector(0.5));
        // The decimal settings (not FANN's floats) keep the hand arithmetic below short.
        Optimizer.State state = Quickprop.fannDefaults().learningRate(0.7).decay(-0.0001).start(List.of(p));

        // Batch of 2 samples, mean gradient 0.1: FANN's slope s = -2·0.1 - 0.0001·0.5 = -0.20005; no previous step,
        // so Δ = ε·s with ε = 0.7 / 2.
        p.gradient().copyFrom(Matrix.rowVector(0.1));
        state.step(1, 2);

        assertThat(p.value().get(0, 0)).isCloseTo(0.5 - 0.0700175, withPrecision(1e-15));

        // s = -2·0.05 - 0.0001·0.4299825 = -0.10004299825; the last step was negative and s is not below
        // shrink·s' = (1.75 / 2.75)·(-0.20005), so Δ = ε·s + Δ'·s / (s' - s).
        p.gradient().copyFrom(Matrix.rowVector(0.05));
        state.step(2, 2);

        double s = -0.10004299825;
        double expectedStep = 0.35 * s + -0.0700175 * s / (-0.20005 - s);
        assertThat(p.value().get(0, 0)).isCloseTo(0.4299825 + expectedStep, withPrecision(1e-15));
        assertThat(p.value().get(0, 0)).isCloseTo(0.3249247485276995, withPrecision(1e-15));
    }

    @Test
    void takesTheMaximumStepWhenTheSlopeDoesNotShrink() {
        Parameter p = new Parameter("weights", Matrix.rowVector(0.0));
        Optimizer.State state = Quickprop.fannDefaults().learningRate(0.7).decay(0).start(List.of(p));

        p.gradient().copyFrom(Matrix.rowVector(-1));
        state.step(1, 1);
        p.gradient().copyFrom(Matrix.rowVector(-1));
        state.step(2, 1);

        // Δ1 = 0.7·1; then s = 1 > shrink·1, so Δ2 = 0.7·1 (linear term) + 1.75·Δ1.
        assertThat(p.value().get(0, 0)).isCloseTo(0.7 + 0.7 + 1.75 * 0.7, withPrecision(1e-15));
    }

    @Test
    void rejectsAPositiveDecay() {
        assertThatThrownBy(() -> Quickprop.fannDefaults().decay(0.01))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decay must be in (-1, 0]");
    }
}
