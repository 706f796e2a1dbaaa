package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {

    private static Parameter parameter(double value, double gradient) {
        Parameter p = new Parameter("w", Matrix.rowVector(value));
        p.gradient().fill(gradient);
        return p;
    }

    @Test
    void plainStepMovesAgainstTheGradient() {
        Parameter p = parameter(1.0, 0.5);

        Sgd.learningRate(0.1).start(List.of(p)).step(1);

        assertThat(p.value().get(0, 0)).isEqualTo(1.0 - 0.1 * 0.5);
    }

    @Test
    void classicalMomentumAccumulatesVelocity() {
        Parameter p = parameter(1.0, 1.0);
        Optimizer.State state = Sgd.learningRate(0.1).momentum(0.9).start(List.of(p));

        state.step(1);   // v = -0.1, w = 0.9
        state.step(2);   // v = 0.9 * -0.1 - 0.1 = -0.19, w = 0.71

        assertThat(p.value().get(0, 0)).isCloseTo(0.71, within(1e-15));
    }

    @Test
    void nesterovMomentumLooksAhead() {
        Parameter p = parameter(1.0, 1.0);
        Optimizer.State state = Sgd.learningRate(0.1).momentum(0.9).nesterov().start(List.of(p));

        state.step(1);   // v = -0.1; w += 0.9 * -0.1 - 0.1 = -0.19 -> 0.81
        state.step(2);   // v = -0.19; w += 0.9 * -0.19 - 0.1 = -0.271 -> 0.539

        assertThat(p.value().get(0, 0)).isCloseTo(0.539, within(1e-15));
    }

    @Test
    void eachStartGetsItsOwnVelocity() {
        Sgd sgd = Sgd.learningRate(0.1).momentum(0.9);
        Parameter a = parameter(1.0, 1.0);
        Parameter b = parameter(1.0, 1.0);
        Optimizer.State first = sgd.start(List.of(a));
        first.step(1);
        first.step(2);

        sgd.start(List.of(b)).step(1);

        assertThat(b.value().get(0, 0)).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void followsALearningRateSchedule() {
        Parameter p = parameter(0.0, -1.0);
        Optimizer.State state = Sgd.learningRate(LearningRates.stepDecay(1.0, 0.5, 2)).start(List.of(p));

        for (int epoch = 1; epoch <= 4; epoch++) {
            state.step(epoch);   // rates 1, 1, 0.5, 0.5
        }

        assertThat(p.value().get(0, 0)).isEqualTo(3.0);
    }

    @Test
    void schedulesGiveTheirRates() {
        assertThat(LearningRates.constant(0.3).at(100)).isEqualTo(0.3);
        assertThat(LearningRates.stepDecay(1, 0.1, 10).at(10)).isEqualTo(1);
        assertThat(LearningRates.stepDecay(1, 0.1, 10).at(11)).isCloseTo(0.1, within(1e-16));
        assertThat(LearningRates.exponentialDecay(1, 0.5, 10).at(21)).isCloseTo(0.25, within(1e-16));
        assertThat(LearningRates.exponentialDecay(1, 0.5, 10).at(6)).isCloseTo(Math.sqrt(0.5), within(1e-16));
    }

    @Test
    void rejectsANonPositiveLearningRate() {
        assertThatThrownBy(() -> Sgd.learningRate(-0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be positive and finite, got -0.5");
        assertThatThrownBy(() -> Sgd.learningRate(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be positive and finite, got 0.0");
    }

    @Test
    void rejectsNesterovWithoutMomentum() {
        assertThatThrownBy(() -> Sgd.learningRate(0.1).nesterov())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Nesterov momentum needs a momentum; call momentum(0.9) first");
    }

    @Test
    void rejectsMomentumOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Sgd.learningRate(0.1).momentum(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("momentum must be in [0, 1), got 1.0");
    }
}
