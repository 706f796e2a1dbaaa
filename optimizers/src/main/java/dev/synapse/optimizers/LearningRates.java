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

    /**
     * The same rate every epoch.
     *
     * @param rate the learning rate, positive and finite
     * @return a schedule answering {@code rate} for every epoch
     */
    public static LearningRate constant(double rate) {
        checkRate("learning rate", rate);
        return new Named("constant(" + rate + ")", epoch -> rate);
    }

    /**
     * {@code initial · factor^floor((epoch - 1) / every)}: the rate drops by {@code factor} every {@code every} epochs.
     *
     * @param initial the rate of epoch 1, positive
     * @param factor what the rate is multiplied by at each drop, in (0, 1]
     * @param every the number of epochs between drops, at least 1
     * @return the step-decay schedule
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
     * @param initial the rate of epoch 1, positive
     * @param rate what the learning rate is multiplied by over {@code decayEpochs} epochs, in (0, 1]
     * @param decayEpochs the number of epochs over which the rate shrinks by {@code rate}, at least 1
     * @return the exponential-decay schedule
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

    /**
     * Keras' {@code CosineDecay(initial, decayEpochs, alpha)}: half a cosine from {@code initial} down to
     * {@code initial·alpha} over {@code decayEpochs} epochs, then flat. With {@code s = min(epoch - 1, decayEpochs)}
     * (Keras' 0-based step): {@code initial · ((1 - alpha) · ½(1 + cos(π · s / decayEpochs)) + alpha)}.
     *
     * <pre>{@code
     * LearningRates.cosineDecay(0.1, 100, 0.0)   // 0.1 at epoch 1, 0.05 at epoch 51, 0 from epoch 101 on
     * }</pre>
     *
     * <p>Synapse's schedules count epochs ({@link LearningRate#at}), where Keras' count optimizer steps: the two
     * agree for full-batch training, one step per epoch. With {@code alpha = 0} (Keras' default) the rate reaches 0
     * at the end, and the weights stop moving.
     *
     * @param initial the rate of epoch 1, positive and finite
     * @param decayEpochs the length of the half cosine in epochs, at least 1
     * @param alpha the final rate as a fraction of {@code initial}, in [0, 1]
     * @return the cosine-decay schedule
     * @throws IllegalArgumentException if {@code initial} is not positive and finite, {@code decayEpochs} not
     *                                  positive or {@code alpha} not in [0, 1]
     */
    public static LearningRate cosineDecay(double initial, int decayEpochs, double alpha) {
        checkRate("initial learning rate", initial);
        checkCosine(decayEpochs, alpha);
        return new Named("cosineDecay(" + initial + ", " + decayEpochs + ", " + alpha + ")",
                epoch -> cosine(Math.min(epoch - 1, decayEpochs), decayEpochs, initial, alpha));
    }

    /**
     * Keras' {@code CosineDecay(initial, decayEpochs, alpha, warmup_target=target, warmup_steps=warmupEpochs)}: a
     * straight line from {@code initial} (often 0) up to {@code target} over the first {@code warmupEpochs}
     * epochs, then {@link #cosineDecay} from {@code target} to {@code target·alpha} over {@code decayEpochs}.
     * With {@code s = min(epoch - 1, warmupEpochs + decayEpochs)}: {@code (target - initial) · s / warmupEpochs +
     * initial} while {@code s < warmupEpochs}, else the cosine at {@code s - warmupEpochs}.
     *
     * <pre>{@code
     * LearningRates.cosineDecay(0.0, 10, 0.1, 90, 0.0)   // 0, 0.01, ..., 0.09, then 0.1 at epoch 11, down to 0
     * }</pre>
     *
     * @param initial the rate of epoch 1, at the start of the warm-up; finite and not negative
     * @param warmupEpochs the length of the warm-up in epochs, at least 1
     * @param target the rate the warm-up reaches and the cosine starts from, positive and finite
     * @param decayEpochs the length of the half cosine in epochs, at least 1
     * @param alpha the final rate as a fraction of {@code target}, in [0, 1]
     * @return the warm-up-then-cosine schedule
     * @throws IllegalArgumentException if {@code initial} is negative or not finite, {@code warmupEpochs} not
     *                                  positive, {@code target} not positive and finite, {@code decayEpochs} not
     *                                  positive or {@code alpha} not in [0, 1]
     */
    public static LearningRate cosineDecay(double initial, int warmupEpochs, double target, int decayEpochs,
            double alpha) {
        checkArgument(initial >= 0 && Double.isFinite(initial),
                "initial learning rate of a warm-up must be zero or positive and finite, got %s", initial);
        checkArgument(warmupEpochs > 0, "warm-up must last a positive number of epochs, got %s", warmupEpochs);
        checkRate("warm-up target learning rate", target);
        checkCosine(decayEpochs, alpha);
        return new Named("cosineDecay(" + initial + ", warmup " + warmupEpochs + " to " + target + ", "
                + decayEpochs + ", " + alpha + ")", epoch -> {
                    double step = Math.min(epoch - 1, warmupEpochs + decayEpochs);
                    if (step < warmupEpochs) {
                        return (target - initial) * (step / warmupEpochs) + initial;
                    }
                    return cosine(step - warmupEpochs, decayEpochs, target, alpha);
                });
    }

    private static void checkCosine(int decayEpochs, double alpha) {
        checkArgument(decayEpochs > 0, "cosine decay must last a positive number of epochs, got %s", decayEpochs);
        checkArgument(alpha >= 0 && alpha <= 1,
                "cosine-decay alpha (the final rate as a fraction of the first) must be in [0, 1], got %s", alpha);
    }

    /** Keras' {@code CosineDecay._decay_function}, operation for operation. */
    private static double cosine(double step, int decayEpochs, double from, double alpha) {
        double completedFraction = step / decayEpochs;
        double cosineDecayed = 0.5 * (1.0 + Math.cos(Math.PI * completedFraction));
        return from * ((1 - alpha) * cosineDecayed + alpha);
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
