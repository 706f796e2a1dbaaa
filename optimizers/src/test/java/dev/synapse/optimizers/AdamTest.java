package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engines;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Adam and AdamW on one weight, where each step can be worked out by hand; the golden test covers 100 steps. */
class AdamTest {

    private static Parameter parameter(double value, double gradient) {
        Parameter p = new Parameter("w", Matrix.rowVector(value));
        p.gradient().fill(gradient);
        return p;
    }

    /** The first step of Adam moves a weight by η·g / (|g| + ε/√(1 - β₂)): m̂ = g and v̂ = g² after one step. */
    private static double firstStep(double rate, double g) {
        return rate * g / (Math.abs(g) + 1e-7 / Math.sqrt(1 - 0.999));
    }

    @Test
    void defaultsAreKeras3s() {
        Adam adam = Adam.defaults();

        assertThat(adam.learningRate().at(1)).isEqualTo(0.001);
        assertThat(adam.learningRate().at(1000)).isEqualTo(0.001);
        assertThat(adam.beta1()).isEqualTo(0.9);
        assertThat(adam.beta2()).isEqualTo(0.999);
        assertThat(adam.epsilon()).isEqualTo(1e-7);
        assertThat(adam.name()).isEqualTo("adam");
        assertThat(adam).hasToString("adam(learningRate=constant(0.001), beta1=0.9, beta2=0.999, epsilon=1.0E-7)");
    }

    @Test
    void adamWDefaultsAreKeras3s() {
        AdamW adamW = AdamW.defaults();

        assertThat(adamW.learningRate().at(1)).isEqualTo(0.001);
        assertThat(adamW.weightDecay()).isEqualTo(0.004);
        assertThat(adamW.beta1()).isEqualTo(0.9);
        assertThat(adamW.beta2()).isEqualTo(0.999);
        assertThat(adamW.epsilon()).isEqualTo(1e-7);
        assertThat(adamW.name()).isEqualTo("adamw");
        assertThat(AdamW.learningRate(0.01).beta1(0.8).beta2(0.99).epsilon(1e-6).weightDecay(0.1)).hasToString(
                "adamw(learningRate=constant(0.01), weightDecay=0.1, beta1=0.8, beta2=0.99, epsilon=1.0E-6)");
    }

    @Test
    void theFirstStepMovesAWeightByTheLearningRateWhateverTheGradientsSize() {
        Parameter small = parameter(1.0, 2.0);
        Parameter large = parameter(1.0, -300.0);

        Adam.learningRate(0.1).start(List.of(small, large)).step(1);

        assertThat(small.value().get(0, 0)).isCloseTo(1 - firstStep(0.1, 2.0), within(1e-15)).isCloseTo(0.9,
                within(2e-7));
        assertThat(large.value().get(0, 0)).isCloseTo(1 - firstStep(0.1, -300.0), within(1e-15));
    }

    @Test
    void theBiasCorrectionCountsStepsNotEpochs() {
        Parameter w = parameter(1.0, 2.0);
        Optimizer.State state = Adam.learningRate(0.1).start(List.of(w));

        state.step(1);
        state.step(1);   // two batches of epoch 1: t = 2, so m̂ = 2 and v̂ = 4 again

        // With t stuck at 1 the second step would be 0.38·α₁ / √0.007996 = 0.134 instead of 0.1.
        assertThat(w.value().get(0, 0)).isCloseTo(0.8, within(1e-6));
    }

    @Test
    void adamWDecaysTheWeightBeforeTheAdamStep() {
        Parameter w = parameter(1.0, 2.0);

        AdamW.learningRate(0.1).weightDecay(0.5).start(List.of(w)).step(1);

        // w = 1 - 1·0.5·0.1 = 0.95, then the Adam step of the gradient taken at w = 1.
        assertThat(w.value().get(0, 0)).isCloseTo(0.95 - firstStep(0.1, 2.0), within(1e-15));
    }

    @Test
    void theLearningRateScheduleIsReadAtTheEpochOfEachStep() {
        Parameter w = parameter(1.0, 2.0);
        LearningRate schedule = epoch -> epoch == 3 ? 0.1 : 0.5;

        Adam.learningRate(schedule).start(List.of(w)).step(3);

        assertThat(w.value().get(0, 0)).isCloseTo(1 - firstStep(0.1, 2.0), within(1e-15));
    }

    @Test
    void eachStartGetsItsOwnMeansAndStepCount() {
        Adam adam = Adam.learningRate(0.1);
        Parameter a = parameter(1.0, 2.0);
        Parameter b = parameter(1.0, 2.0);
        Optimizer.State first = adam.start(List.of(a));
        first.step(1);
        first.step(2);

        adam.start(List.of(b)).step(1);

        assertThat(b.value().get(0, 0)).isCloseTo(1 - firstStep(0.1, 2.0), within(1e-15));
    }

    @Test
    void withersReturnChangedCopies() {
        Adam adam = Adam.defaults();

        Adam changed = adam.beta1(0.8).beta2(0.99).epsilon(1e-4);

        assertThat(adam.beta1()).isEqualTo(0.9);
        assertThat(changed.beta1()).isEqualTo(0.8);
        assertThat(changed.beta2()).isEqualTo(0.99);
        assertThat(changed.epsilon()).isEqualTo(1e-4);
        assertThat(changed.learningRate()).isSameAs(adam.learningRate());
    }

    @Test
    void rejectsBadArgumentsNamingTheValueAndKerasDefault() {
        assertThatThrownBy(() -> Adam.learningRate(-0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be positive and finite, got -0.5");
        assertThatThrownBy(() -> AdamW.learningRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("learning rate must be positive and finite, got NaN");
        assertThatThrownBy(() -> Adam.defaults().beta1(1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta1 must be in [0, 1), got 1.0 (Keras' default is 0.9)");
        assertThatThrownBy(() -> AdamW.defaults().beta2(-0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("beta2 must be in [0, 1), got -0.1 (Keras' default is 0.999)");
        assertThatThrownBy(() -> Adam.defaults().epsilon(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("epsilon must be positive and finite, got 0.0 (Keras' default is 1e-7)");
        assertThatThrownBy(() -> AdamW.defaults().weightDecay(-0.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight decay must be zero or positive and finite, got -0.01 (Keras' default is 0.004)");
        assertThatThrownBy(() -> Adam.learningRate((LearningRate) null)).isInstanceOf(NullPointerException.class)
                .hasMessage("learning-rate schedule");
    }

    /**
     * A parameter large enough for the engine to split its update across threads gives the same bits on one thread
     * as on three, in both precisions, with and without weight decay.
     */
    @Test
    void aLargeParametersUpdateHasTheSameBitsOnAnyThreadCount() {
        for (Precision precision : Precision.values()) {
            for (Optimizer optimizer : List.of(Adam.learningRate(0.01), AdamW.learningRate(0.01).weightDecay(0.1))) {
                String one = trainLarge(optimizer, precision, 1);
                String three = trainLarge(optimizer, precision, 3);

                assertThat(three).as(optimizer + " in " + precision).isEqualTo(one);
            }
        }
    }

    /** Three steps on a 300 × 200 weight with fixed pseudo-random gradients; the weights' bits as text. */
    private static String trainLarge(Optimizer optimizer, Precision precision, int threads) {
        int before = Engines.threads();
        try {
            Engines.setThreads(threads);
            Random random = new Random(5);
            Matrix value = new Matrix(300, 200, precision);
            for (int i = 0; i < value.size(); i++) {
                value.set(i / 200, i % 200, random.nextGaussian());
            }
            Parameter w = new Parameter("w", value);
            Optimizer.State state = optimizer.start(List.of(w));
            for (int step = 1; step <= 3; step++) {
                for (int i = 0; i < value.size(); i++) {
                    w.gradient().set(i / 200, i % 200, random.nextGaussian());
                }
                state.step(step);
            }
            return precision == Precision.FLOAT32 ? Arrays.toString(value.floatData())
                    : Arrays.toString(value.data());
        } finally {
            Engines.setThreads(before);
        }
    }
}
