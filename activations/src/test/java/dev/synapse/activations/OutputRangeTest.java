package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Activation;
import dev.synapse.core.OutputRange;
import org.junit.jupiter.api.Test;

/** The ranges the training loop thresholds single-output accuracy at (their midpoints) and recognises saturation by. */
class OutputRangeTest {

    @Test
    void sigmoidAndTanhAreBoundedWithMidpointsHalfAndZero() {
        assertThat(Activations.sigmoid().outputRange()).contains(new OutputRange(0, 1));
        assertThat(Activations.sigmoid().outputRange().orElseThrow().midpoint()).isEqualTo(0.5);
        assertThat(Activations.tanh().outputRange()).contains(new OutputRange(-1, 1));
        assertThat(Activations.tanh().outputRange().orElseThrow().midpoint()).isEqualTo(0);
    }

    @Test
    void unboundedActivationsHaveNoRange() {
        for (Activation a : new Activation[] {Activations.identity(), Activations.relu(), Activations.leakyRelu(),
            Activations.softplus(), FannActivations.linear()}) {
            assertThat(a.outputRange()).as(a.name()).isEmpty();
        }
    }

    @Test
    void fannsSymmetricFunctionsSpanMinusOneToOneAndTheOthersZeroToOne() {
        for (FannActivation.Function f : FannActivation.Function.values()) {
            if (f == FannActivation.Function.LINEAR) {
                continue;
            }
            OutputRange expected = f.isSymmetric() ? OutputRange.SYMMETRIC : OutputRange.UNIT;
            assertThat(FannActivations.of(f, 0.5).outputRange()).as(f.synapseName()).contains(expected);
        }
    }

    @Test
    void aSaturatedSigmoidSitsExactlyOnABound() {
        OutputRange range = Activations.sigmoid().outputRange().orElseThrow();

        assertThat(range.isBound(Activations.sigmoid().value(40))).isTrue();
        assertThat(range.isBound(Activations.sigmoid().value(-800))).isTrue();
        assertThat(range.isBound(Activations.sigmoid().value(3))).isFalse();
    }
}
