package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.LearningRate;

/**
 * The built-in learning-rate schedules. Epochs are 1-based: every schedule starts at its initial rate.
 *
 * <pre>{@code
 * Sgd.learningRate(LearningRates.stepDecay(0.5, 0.1, 1000))   // 0.5, then 0.05 from epoch 1001, ...
 * }</pre>
 */
public final class LearningRates {

    private LearningRates() {}

    /** The same rate every epoch. */
    public static LearningRate constant(double rate) {
        checkRate("learning rate", rate);
        return new Named("constant(" + rate + ")", epoch -> rate);
    }

    /**
     * {@code initial · factor^floor((epoch - 1) / every)}: the rate drops by {@code factor} every {@code every} epochs.
     *
     * @throws IllegalArgumentException if {@code initial} is not positive, {@code factor} not in (0, 1] or
     *                                  {@code every} not positive
     */
    public static LearningRate stepDecay(double initial, double factor, int every) {
        checkRate("initial learning rate", initial);
        checkArgument(factor > 0 && factor <= 1, "step-decay factor must be in (0, 1], got %s", factor);
        checkArgument(every > 0, "step-decay interval must be a positive number of epochs, got %s", every);
        return new Named("stepDecay(" + initial + ", " + factor + ", " + every + ")",
                epoch -> initial * Math.pow(factor, (epoch - 1) / every));
    }

    /**
     * {@code initial · rate^((epoch - 1) / decayEpochs)}: a smooth decay by {@code rate} every {@code decayEpochs}.
     *
     * @throws IllegalArgumentException if {@code initial} is not positive, {@code rate} not in (0, 1] or
     *                                  {@code decayEpochs} not positive
     */
    public static LearningRate exponentialDecay(double initial, double rate, int decayEpochs) {
        checkRate("initial learning rate", initial);
        checkArgument(rate > 0 && rate <= 1, "exponential-decay rate must be in (0, 1], got %s", rate);
        checkArgument(decayEpochs > 0, "exponential-decay period must be a positive number of epochs, got %s",
                decayEpochs);
        return new Named("exponentialDecay(" + initial + ", " + rate + ", " + decayEpochs + ")",
                epoch -> initial * Math.pow(rate, (double) (epoch - 1) / decayEpochs));
    }

    static void checkRate(String what, double rate) {
        checkArgument(rate > 0 && Double.isFinite(rate), "%s must be positive and finite, got %s", what, rate);
    }

    private record Named(String description, LearningRate schedule) implements LearningRate {
        @Override
        public double at(int epoch) {
            return schedule.at(epoch);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
