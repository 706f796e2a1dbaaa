package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RMSprop on one weight, by hand and against the example in Keras 3's own documentation of RMSprop. */
class RmspropTest {

    private static Parameter parameter(double value, double gradient) {
        Parameter p = new Parameter("w", Matrix.rowVector(value));
        p.gradient().fill(gradient);
        return p;
    }

    @Test
    void defaultsAreKeras3s() {
        Rmsprop rmsprop = Rmsprop.defaults();

        assertThat(rmsprop.learningRate().at(1)).isEqualTo(0.001);
        assertThat(rmsprop.rho()).isEqualTo(0.9);
        assertThat(rmsprop.momentum()).isEqualTo(0);
        assertThat(rmsprop.epsilon()).isEqualTo(1e-7);
        assertThat(rmsprop.isCentered()).isFalse();
        assertThat(rmsprop.name()).isEqualTo("rmsprop");
        assertThat(rmsprop).hasToString("rmsprop(learningRate=constant(0.001), rho=0.9, epsilon=1.0E-7)");
        assertThat(Rmsprop.learningRate(0.01).momentum(0.5).centered())
                .hasToString("rmsprop(learningRate=constant(0.01), rho=0.9, momentum=0.5, epsilon=1.0E-7, centered)");
    }

    @Test
    void reproducesTheExampleOfKerasDocumentation() {
        // keras.optimizers.RMSprop(learning_rate=0.1) on var1 = 10 with loss var1² / 2 gives 9.683772 (float32).
        Parameter w = parameter(10.0, 10.0);

        Rmsprop.learningRate(0.1).start(List.of(w)).step(1);

        assertThat(w.value().get(0, 0)).isCloseTo(9.683772, within(5e-7))
                .isCloseTo(10 - 0.1 * 10 / Math.sqrt(0.1 * 100 + 1e-7), within(1e-14));
    }

    @Test
    void momentumAccumulatesTheSteps() {
        Parameter w = parameter(0.0, 1.0);
        Optimizer.State state = Rmsprop.learningRate(0.1).rho(0.5).momentum(0.9).start(List.of(w));

        state.step(1);   // v = 0.5, Δ = 0.1/√(0.5 + ε), s = Δ
        state.step(2);   // v = 0.75, s = 0.9·s + 0.1/√(0.75 + ε)

        double first = 0.1 / Math.sqrt(0.5 + 1e-7);
        double second = 0.9 * first + 0.1 / Math.sqrt(0.75 + 1e-7);
        assertThat(w.value().get(0, 0)).isCloseTo(-first - second, within(1e-15));
    }

    @Test
    void centeredDividesByTheEstimatedVariance() {
        Parameter w = parameter(0.0, 2.0);

        Rmsprop.learningRate(0.1).rho(0.5).centered().start(List.of(w)).step(1);

        // v = 0.5·4 = 2, a = 0.5·2 = 1, so the root is √(2 - 1 + ε).
        assertThat(w.value().get(0, 0)).isCloseTo(-0.1 * 2 / Math.sqrt(1 + 1e-7), within(1e-15));
    }

    @Test
    void rejectsBadArgumentsNamingTheValue() {
        assertThatThrownBy(() -> Rmsprop.learningRate(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be positive and finite, got 0.0");
        assertThatThrownBy(() -> Rmsprop.defaults().rho(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rho must be in [0, 1), got 1.0 (Keras' default is 0.9)");
        assertThatThrownBy(() -> Rmsprop.defaults().momentum(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("momentum must be in [0, 1), got -0.1");
        assertThatThrownBy(() -> Rmsprop.defaults().epsilon(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epsilon must be positive and finite, got Infinity (Keras' default is 1e-7)");
    }
}
