package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void everySmoothActivationPassesTheGradientCheck() {
        GradientCheck.assertActivation(Activations.identity(), -3, 3);
        GradientCheck.assertActivation(Activations.sigmoid(), -6, 6);
        GradientCheck.assertActivation(Activations.tanh(), -3, 3);
        GradientCheck.assertActivation(Activations.softplus(), -30, 30);
    }

    @Test
    void piecewiseLinearActivationsPassTheGradientCheckAwayFromTheKinkAtZero() {
        for (Activation a : new Activation[] {Activations.relu(), Activations.leakyRelu(), Activations.leakyRelu(0.2)}) {
            GradientCheck.assertActivation(a, -3, -0.01);
            GradientCheck.assertActivation(a, 0.01, 3);
        }
    }

    @Test
    void valuesFollowTheirFormulas() {
        assertThat(Activations.sigmoid().value(0)).isEqualTo(0.5);
        assertThat(Activations.sigmoid().value(2)).isCloseTo(0.8807970779778823, within(1e-16));
        assertThat(Activations.tanh().value(0.5)).isEqualTo(Math.tanh(0.5));
        assertThat(Activations.relu().value(-2)).isEqualTo(0);
        assertThat(Activations.relu().value(2)).isEqualTo(2);
        assertThat(Activations.leakyRelu(0.1).value(-2)).isEqualTo(-0.2, within(1e-16));
        assertThat(Activations.softplus().value(0)).isEqualTo(Math.log(2));
        assertThat(Activations.softplus().value(800)).isEqualTo(800);
        assertThat(Activations.softplus().value(-800)).isEqualTo(0);
    }

    @Test
    void sigmoidDerivativeComesFromItsOutputAsTheTutorialsCompute() {
        assertThat(Activations.sigmoid().derivative(Double.NaN, 0.75)).isEqualTo(0.75 * 0.25);
    }

    @Test
    void leakyReluSavesItsSlopeAsAnArgument() {
        assertThat(Activations.leakyRelu(0.2).arguments()).isEqualTo(Map.of("slope", 0.2));
        assertThat(Activations.sigmoid().arguments()).isEmpty();
    }

    @Test
    void rejectsASlopeOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Activations.leakyRelu(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leaky ReLU slope must be in [0, 1), got -0.5");
    }

    @Test
    void builtInsHaveStableNames() {
        assertThat(new String[] {Activations.identity().name(), Activations.sigmoid().name(), Activations.tanh().name(),
                Activations.relu().name(), Activations.leakyRelu().name(), Activations.softplus().name()})
                .containsExactly("identity", "sigmoid", "tanh", "relu", "leaky-relu", "softplus");
    }
}
