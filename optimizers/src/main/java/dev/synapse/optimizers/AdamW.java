package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter, 2019) as Keras 3's {@code keras.optimizers.AdamW} computes it: {@link Adam} with
 * decoupled weight decay, defaults learning rate 0.001, weight decay 0.004, β₁ 0.9, β₂ 0.999, ε 1e-7.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(AdamW.defaults())
 * AdamW.learningRate(0.001).weightDecay(0.01)
 * }</pre>
 *
 * <p>Each step first shrinks every weight, {@code w -= w·λ·η} (λ the weight decay, η the step's learning rate),
 * then takes the {@link Adam} step from the gradient computed before the shrink — Keras' order
 * ({@code BaseOptimizer._backend_apply_gradients}: clip, decay, update). The decay never enters m or v, which is
 * what sets it apart from an L2 penalty in the loss. Like Keras, it decays every parameter, biases included.
 */
public final class AdamW implements Optimizer {

    private final Adam adam;
    private final double weightDecay;

    private AdamW(Adam adam, double weightDecay) {
        this.adam = adam;
        this.weightDecay = weightDecay;
    }

    /**
     * AdamW with Keras 3's defaults: learning rate 0.001, weight decay 0.004, β₁ 0.9, β₂ 0.999, ε 1e-7.
     *
     * @return a new AdamW configuration, named {@code "adamw"} in model files
     */
    public static AdamW defaults() {
        return new AdamW(Adam.defaults(), 0.004);
    }

    /**
     * AdamW with a constant learning rate and Keras' other defaults.
     *
     * @param rate the learning rate η of every epoch, e.g. 0.001
     * @return a new AdamW configuration with that rate
     * @throws IllegalArgumentException if {@code rate} is not positive and finite
     */
    public static AdamW learningRate(double rate) {
        return new AdamW(Adam.learningRate(rate), 0.004);
    }

    /**
     * AdamW whose learning rate follows a schedule (which also scales the decay), with Keras' other defaults.
     *
     * @param schedule the learning rate per epoch, e.g. {@code LearningRates.cosineDecay(0.001, 100, 0)}
     * @return a new AdamW configuration with that schedule
     */
    public static AdamW learningRate(LearningRate schedule) {
        return new AdamW(Adam.learningRate(schedule), 0.004);
    }

    /**
     * The weight decay λ: each step shrinks every weight by the fraction {@code λ·η}.
     *
     * @param decay λ, finite and not negative; 0 makes AdamW step as Adam does
     * @return a copy of this configuration with that decay
     * @throws IllegalArgumentException unless {@code decay} is zero or positive, and finite
     */
    public AdamW weightDecay(double decay) {
        checkArgument(decay >= 0 && Double.isFinite(decay),
                "weight decay must be zero or positive and finite, got %s (Keras' default is 0.004)", decay);
        return new AdamW(adam, decay);
    }

    /**
     * The decay rate β₁ of the running mean of gradients.
     *
     * @param beta1 β₁ in [0, 1); Keras' default is 0.9
     * @return a copy of this configuration with that β₁
     * @throws IllegalArgumentException unless {@code beta1} is in [0, 1)
     */
    public AdamW beta1(double beta1) {
        return new AdamW(adam.beta1(beta1), weightDecay);
    }

    /**
     * The decay rate β₂ of the running mean of squared gradients.
     *
     * @param beta2 β₂ in [0, 1); Keras' default is 0.999
     * @return a copy of this configuration with that β₂
     * @throws IllegalArgumentException unless {@code beta2} is in [0, 1)
     */
    public AdamW beta2(double beta2) {
        return new AdamW(adam.beta2(beta2), weightDecay);
    }

    /**
     * The ε added to √v.
     *
     * @param epsilon ε, positive and finite; Keras' default is 1e-7
     * @return a copy of this configuration with that ε
     * @throws IllegalArgumentException unless {@code epsilon} is positive and finite
     */
    public AdamW epsilon(double epsilon) {
        return new AdamW(adam.epsilon(epsilon), weightDecay);
    }

    /**
     * The weight decay λ.
     *
     * @return λ, finite and not negative; 0 for none
     */
    public double weightDecay() {
        return weightDecay;
    }

    /**
     * The learning rate η, a constant or a schedule over epochs.
     *
     * @return the schedule asked for η each epoch, never null
     */
    public LearningRate learningRate() {
        return adam.learningRate();
    }

    /**
     * The decay rate β₁ of the running mean of gradients.
     *
     * @return β₁, in [0, 1)
     */
    public double beta1() {
        return adam.beta1();
    }

    /**
     * The decay rate β₂ of the running mean of squared gradients.
     *
     * @return β₂, in [0, 1)
     */
    public double beta2() {
        return adam.beta2();
    }

    /**
     * The ε added to √v.
     *
     * @return ε, positive and finite
     */
    public double epsilon() {
        return adam.epsilon();
    }

    @Override
    public String name() {
        return "adamw";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new AdamState(parameters, adam.learningRate(), adam.beta1(), adam.beta2(), adam.epsilon(),
                weightDecay);
    }

    @Override
    public String toString() {
        return "adamw(learningRate=" + adam.learningRate() + ", weightDecay=" + weightDecay + ", beta1="
                + adam.beta1() + ", beta2=" + adam.beta2() + ", epsilon=" + adam.epsilon() + ")";
    }
}
