package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) as Keras 3's {@code keras.optimizers.Adam} computes it, with its defaults: learning
 * rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7. Every weight keeps running means of its gradient and squared gradient.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(Adam.defaults())
 * Adam.learningRate(0.01).beta2(0.99)
 * Adam.learningRate(LearningRates.cosineDecay(0.01, 100, 0.0))
 * }</pre>
 *
 * <p>At step t (the number of steps taken, counting this one, whatever the epoch), with learning rate η:
 * <pre>
 *   m += (g - m)·(1 - β₁);   v += (g² - v)·(1 - β₂)
 *   w -= m·α / (√v + ε),  where α = η·√(1 - β₂ᵗ) / (1 - β₁ᵗ)
 * </pre>
 * Keras' ε is "epsilon hat", added after the bias correction folded into α, so it is not the paper's ε (1e-8).
 * Immutable: each method returns a changed copy, and {@link #start} gives every model its own m, v and t. For
 * decoupled weight decay see {@link AdamW}; for gradient clipping, {@link GradientClipping}.
 */
public final class Adam implements Optimizer {

    private final LearningRate learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    private Adam(LearningRate learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /**
     * Adam with Keras 3's defaults: learning rate 0.001, β₁ 0.9, β₂ 0.999, ε 1e-7.
     *
     * @return a new Adam configuration, named {@code "adam"} in model files
     */
    public static Adam defaults() {
        return learningRate(0.001);
    }

    /**
     * Adam with a constant learning rate and Keras' other defaults.
     *
     * @param rate the learning rate η of every epoch, e.g. 0.001
     * @return a new Adam configuration with that rate
     * @throws IllegalArgumentException if {@code rate} is not positive and finite
     */
    public static Adam learningRate(double rate) {
        return new Adam(LearningRates.constant(rate), 0.9, 0.999, 1e-7);
    }

    /**
     * Adam whose learning rate follows a schedule, with Keras' other defaults.
     *
     * @param schedule the learning rate per epoch, e.g. {@code LearningRates.cosineDecay(0.001, 100, 0)}
     * @return a new Adam configuration with that schedule
     */
    public static Adam learningRate(LearningRate schedule) {
        return new Adam(checkNotNull(schedule, "learning-rate schedule"), 0.9, 0.999, 1e-7);
    }

    /**
     * The decay rate β₁ of the running mean of gradients (Keras' {@code beta_1}).
     *
     * @param beta1 β₁ in [0, 1); Keras' default is 0.9, 0 keeps no running mean
     * @return a copy of this configuration with that β₁
     * @throws IllegalArgumentException unless {@code beta1} is in [0, 1)
     */
    public Adam beta1(double beta1) {
        return new Adam(learningRate, checkBeta("beta1", beta1, 0.9), beta2, epsilon);
    }

    /**
     * The decay rate β₂ of the running mean of squared gradients (Keras' {@code beta_2}).
     *
     * @param beta2 β₂ in [0, 1); Keras' default is 0.999
     * @return a copy of this configuration with that β₂
     * @throws IllegalArgumentException unless {@code beta2} is in [0, 1)
     */
    public Adam beta2(double beta2) {
        return new Adam(learningRate, beta1, checkBeta("beta2", beta2, 0.999), epsilon);
    }

    /**
     * The ε added to √v so that a weight with tiny gradients does not take huge steps.
     *
     * @param epsilon ε, positive and finite; Keras' default is 1e-7
     * @return a copy of this configuration with that ε
     * @throws IllegalArgumentException unless {@code epsilon} is positive and finite
     */
    public Adam epsilon(double epsilon) {
        return new Adam(learningRate, beta1, beta2, checkEpsilon(epsilon));
    }

    /**
     * The learning rate η, a constant or a schedule over epochs.
     *
     * @return the schedule asked for η each epoch, never null
     */
    public LearningRate learningRate() {
        return learningRate;
    }

    /**
     * The decay rate β₁ of the running mean of gradients.
     *
     * @return β₁, in [0, 1)
     */
    public double beta1() {
        return beta1;
    }

    /**
     * The decay rate β₂ of the running mean of squared gradients.
     *
     * @return β₂, in [0, 1)
     */
    public double beta2() {
        return beta2;
    }

    /**
     * The ε added to √v.
     *
     * @return ε, positive and finite
     */
    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new AdamState(parameters, learningRate, beta1, beta2, epsilon, 0);
    }

    @Override
    public String toString() {
        return "adam(learningRate=" + learningRate + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ")";
    }

    static double checkBeta(String what, double beta, double kerasDefault) {
        checkArgument(beta >= 0 && beta < 1, "%s must be in [0, 1), got %s (Keras' default is %s)", what, beta,
                kerasDefault);
        return beta;
    }

    static double checkEpsilon(double epsilon) {
        checkArgument(epsilon > 0 && Double.isFinite(epsilon),
                "epsilon must be positive and finite, got %s (Keras' default is 1e-7)", epsilon);
        return epsilon;
    }
}
