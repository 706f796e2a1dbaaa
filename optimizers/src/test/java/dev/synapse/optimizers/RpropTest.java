package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withPrecision;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpropTest {

    @Test
    void fannDefaultsAreTheFloatsFannStores() {
        Rprop rprop = Rprop.fannDefaults();

        assertThat(rprop.increaseFactor()).isEqualTo((double) 1.2f).isEqualTo(1.2000000476837158);
        assertThat(rprop.decreaseFactor()).isEqualTo(0.5);
        assertThat(rprop.deltaMin()).isEqualTo(0);
        assertThat(rprop.deltaMax()).isEqualTo(50);
        assertThat(rprop.deltaZero()).isEqualTo((double) 0.1f).isEqualTo(0.10000000149011612);
    }

    @Test
    void twoStepsFollowFannsIrpropMinusByHand() {
        Parameter p = new Parameter("weights", Matrix.rowVector(0.5, -0.3, 0.2, 0.0));
        // The decimal factors (not FANN's floats) keep the hand arithmetic below short.
        Optimizer.State state = Rprop.fannDefaults().increaseFactor(1.2).deltaZero(0.1).start(List.of(p));

        // Step 1: no previous slope, so every step grows from 0.1 to 0.12 and goes against the gradient
        // (a zero gradient is a zero FANN slope, which FANN treats as "move up").
        p.gradient().copyFrom(Matrix.rowVector(0.4, -0.1, 0.0, 2.0));
        state.step(1);

        assertThat(p.value().data()).containsExactly(new double[] {0.38, -0.18, 0.32, -0.12}, withPrecision(1e-15));

        // Step 2: weight 0 keeps its sign (0.12·1.2 = 0.144 down); weights 1 and 3 flip (step 0.12·0.5 = 0.06, slope
        // set to 0, so FANN moves them up by 0.06); weight 2 had a zero slope, which counts as the same sign (up 0.144).
        p.gradient().copyFrom(Matrix.rowVector(0.3, 0.5, -0.2, -1.0));
        state.step(2);

        assertThat(p.value().data()).containsExactly(new double[] {0.236, -0.12, 0.464, -0.06}, withPrecision(1e-15));
    }

    @Test
    void stepsStayWithinDeltaMaxAndWeightsWithinFannsLimit() {
        Parameter p = new Parameter("weights", Matrix.rowVector(1480, 0));
        Optimizer.State state = Rprop.fannDefaults().deltaZero(45).start(List.of(p));

        p.gradient().copyFrom(Matrix.rowVector(-1, -1));
        state.step(1);

        assertThat(p.value().data()).containsExactly(1500, 50);
    }

    @Test
    void usesOnlyTheSignOfTheGradient() {
        Parameter small = new Parameter("a", Matrix.rowVector(0));
        Parameter large = new Parameter("b", Matrix.rowVector(0));
        Optimizer.State a = Rprop.fannDefaults().start(List.of(small));
        Optimizer.State b = Rprop.fannDefaults().start(List.of(large));

        small.gradient().copyFrom(Matrix.rowVector(1e-9));
        large.gradient().copyFrom(Matrix.rowVector(1e9));
        a.step(1);
        b.step(1);

        assertThat(small.value().data()).containsExactly(large.value().data());
    }

    @Test
    void rejectsFactorsOutsideTheirRanges() {
        assertThatThrownBy(() -> Rprop.fannDefaults().increaseFactor(0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increase factor must be > 1");
        assertThatThrownBy(() -> Rprop.fannDefaults().decreaseFactor(1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> Rprop.fannDefaults().deltaMin(60))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta max = 50.0");
    }
}
