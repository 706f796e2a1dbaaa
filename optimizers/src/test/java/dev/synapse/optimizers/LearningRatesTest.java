package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.LearningRate;
import org.junit.jupiter.api.Test;

/** The cosine schedule (Keras' CosineDecay) at epochs whose rates are known; epoch e is Keras' step e - 1. */
class LearningRatesTest {

    @Test
    void cosineDecayFallsFromTheInitialRateToZeroAndStaysThere() {
        LearningRate cosine = LearningRates.cosineDecay(0.1, 100, 0.0);

        assertThat(cosine.at(1)).isEqualTo(0.1);
        assertThat(cosine.at(26)).isCloseTo(0.1 * (1 + Math.sqrt(0.5)) / 2, within(1e-16));   // a quarter: π/4
        assertThat(cosine.at(51)).isCloseTo(0.05, within(1e-16));
        assertThat(cosine.at(101)).isEqualTo(0.0);
        assertThat(cosine.at(1000)).isEqualTo(0.0);
        assertThat(cosine).hasToString("cosineDecay(0.1, 100, 0.0)");
    }

    @Test
    void cosineDecayWithAlphaEndsAtThatFractionOfTheInitialRate() {
        LearningRate cosine = LearningRates.cosineDecay(0.1, 100, 0.1);

        assertThat(cosine.at(51)).isCloseTo(0.1 * (0.9 * 0.5 + 0.1), within(1e-16));
        assertThat(cosine.at(101)).isCloseTo(0.01, within(1e-17));
        assertThat(cosine.at(5000)).isCloseTo(0.01, within(1e-17));
    }

    @Test
    void warmUpRisesInAStraightLineThenDecays() {
        LearningRate schedule = LearningRates.cosineDecay(0.0, 10, 0.1, 90, 0.0);

        assertThat(schedule.at(1)).isEqualTo(0.0);
        assertThat(schedule.at(2)).isCloseTo(0.01, within(1e-17));
        assertThat(schedule.at(6)).isCloseTo(0.05, within(1e-17));
        assertThat(schedule.at(11)).isEqualTo(0.1);
        assertThat(schedule.at(56)).isCloseTo(0.05, within(1e-16));
        assertThat(schedule.at(101)).isEqualTo(0.0);
        assertThat(schedule.at(200)).isEqualTo(0.0);
        assertThat(schedule).hasToString("cosineDecay(0.0, warmup 10 to 0.1, 90, 0.0)");
    }

    @Test
    void rejectsBadCosineArguments() {
        assertThatThrownBy(() -> LearningRates.cosineDecay(0.0, 100, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial learning rate must be positive and finite, got 0.0");
        assertThatThrownBy(() -> LearningRates.cosineDecay(0.1, 0, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine decay must last a positive number of epochs, got 0");
        assertThatThrownBy(() -> LearningRates.cosineDecay(0.1, 10, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cosine-decay alpha (the final rate as a fraction of the first) must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> LearningRates.cosineDecay(-0.1, 5, 0.1, 10, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("initial learning rate of a warm-up must be zero or positive and finite, got -0.1");
        assertThatThrownBy(() -> LearningRates.cosineDecay(0.0, 0, 0.1, 10, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up must last a positive number of epochs, got 0");
        assertThatThrownBy(() -> LearningRates.cosineDecay(0.0, 5, 0.0, 10, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warm-up target learning rate must be positive and finite, got 0.0");
    }
}
