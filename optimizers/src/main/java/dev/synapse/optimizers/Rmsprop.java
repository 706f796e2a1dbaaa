package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * RMSprop (Hinton, 2012) as Keras 3's {@code keras.optimizers.RMSprop} computes it, with its defaults: learning
 * rate 0.001, ρ 0.9, ε 1e-7, no momentum, not centered. Each weight's step is its gradient divided by the root of
 * a running mean of its squared gradient.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(Rmsprop.defaults())
 * Rmsprop.learningRate(0.01).rho(0.95).momentum(0.9).centered()
 * }</pre>
 *
 * <p>Per weight, with learning rate η:
 * <pre>
 *   v = ρ·v + (1 - ρ)·g²
 *   Δ = η·g / √(v + ε)                    centered: a = ρ·a + (1 - ρ)·g,  Δ = η·g / √(v - a² + ε)
 *   w -= Δ                                with momentum μ: s = μ·s + Δ,  w -= s
 * </pre>
 * ε sits inside the root, as in Keras (PyTorch adds it outside). Immutable: each method returns a changed copy,
 * and {@link #start} gives every model its own running means.
 */
public final class Rmsprop implements Optimizer {

    private final LearningRate learningRate;
    private final double rho;
    private final double momentum;
    private final double epsilon;
    private final boolean centered;

    private Rmsprop(LearningRate learningRate, double rho, double momentum, double epsilon, boolean centered) {
        this.learningRate = learningRate;
        this.rho = rho;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.centered = centered;
    }

    /**
     * RMSprop with Keras 3's defaults: learning rate 0.001, ρ 0.9, ε 1e-7, no momentum, not centered.
     *
     * @return a new RMSprop configuration, named {@code "rmsprop"} in model files
     */
    public static Rmsprop defaults() {
        return learningRate(0.001);
    }

    /**
     * RMSprop with a constant learning rate and Keras' other defaults.
     *
     * @param rate the learning rate η of every epoch, e.g. 0.001
     * @return a new RMSprop configuration with that rate
     * @throws IllegalArgumentException if {@code rate} is not positive and finite
     */
    public static Rmsprop learningRate(double rate) {
        return new Rmsprop(LearningRates.constant(rate), 0.9, 0, 1e-7, false);
    }

    /**
     * RMSprop whose learning rate follows a schedule, with Keras' other defaults.
     *
     * @param schedule the learning rate per epoch, e.g. {@code LearningRates.stepDecay(0.001, 0.5, 10)}
     * @return a new RMSprop configuration with that schedule
     */
    public static Rmsprop learningRate(LearningRate schedule) {
        return new Rmsprop(checkNotNull(schedule, "learning-rate schedule"), 0.9, 0, 1e-7, false);
    }

    /**
     * The decay rate ρ of the running mean of squared gradients.
     *
     * @param rho ρ in [0, 1); Keras' default is 0.9
     * @return a copy of this configuration with that ρ
     * @throws IllegalArgumentException unless {@code rho} is in [0, 1)
     */
    public Rmsprop rho(double rho) {
        return new Rmsprop(learningRate, Adam.checkBeta("rho", rho, 0.9), momentum, epsilon, centered);
    }

    /**
     * Adds momentum μ: the steps accumulate, {@code s = μ·s + Δ}, and the weight moves by s.
     *
     * @param momentum μ in [0, 1); 0 for none
     * @return a copy of this configuration with that momentum
     * @throws IllegalArgumentException unless {@code momentum} is in [0, 1)
     */
    public Rmsprop momentum(double momentum) {
        checkArgument(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got %s", momentum);
        return new Rmsprop(learningRate, rho, momentum, epsilon, centered);
    }

    /**
     * The ε added to the running mean under the root.
     *
     * @param epsilon ε, positive and finite; Keras' default is 1e-7
     * @return a copy of this configuration with that ε
     * @throws IllegalArgumentException unless {@code epsilon} is positive and finite
     */
    public Rmsprop epsilon(double epsilon) {
        return new Rmsprop(learningRate, rho, momentum, Adam.checkEpsilon(epsilon), centered);
    }

    /**
     * Divides by the estimated variance of the gradient, {@code v - a²}, instead of its raw second moment.
     *
     * @return a copy of this configuration that is centered
     */
    public Rmsprop centered() {
        return new Rmsprop(learningRate, rho, momentum, epsilon, true);
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
     * The decay rate ρ of the running mean of squared gradients.
     *
     * @return ρ, in [0, 1)
     */
    public double rho() {
        return rho;
    }

    /**
     * The momentum μ; 0 for none.
     *
     * @return μ, in [0, 1)
     */
    public double momentum() {
        return momentum;
    }

    /**
     * The ε added under the root.
     *
     * @return ε, positive and finite
     */
    public double epsilon() {
        return epsilon;
    }

    /**
     * Whether steps are divided by the gradient's estimated variance rather than its second moment.
     *
     * @return true if {@link #centered()} was asked for
     */
    public boolean isCentered() {
        return centered;
    }

    @Override
    public String name() {
        return "rmsprop";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new RmspropState(List.copyOf(parameters));
    }

    @Override
    public String toString() {
        return "rmsprop(learningRate=" + learningRate + ", rho=" + rho + (momentum == 0 ? "" : ", momentum=" + momentum)
                + ", epsilon=" + epsilon + (centered ? ", centered" : "") + ")";
    }

    /** Follows Keras 3's {@code RMSprop.update_step} operation for operation. */
    private final class RmspropState implements State {

        private final List<Parameter> parameters;
        private final double[][] squareMeans;
        private final double[][] means;
        private final double[][] velocities;
        private final float[][] floatSquareMeans;
        private final float[][] floatMeans;
        private final float[][] floatVelocities;

        RmspropState(List<Parameter> parameters) {
            this.parameters = parameters;
            this.squareMeans = Buffers.zerosLike(parameters);
            this.means = centered ? Buffers.zerosLike(parameters) : null;
            this.velocities = momentum > 0 ? Buffers.zerosLike(parameters) : null;
            this.floatSquareMeans = Buffers.floatZerosLike(parameters);
            this.floatMeans = centered ? Buffers.floatZerosLike(parameters) : null;
            this.floatVelocities = momentum > 0 ? Buffers.floatZerosLike(parameters) : null;
        }

        @Override
        public void step(int epoch) {
            double rate = learningRate.at(epoch);
            double keep = 1 - rho;
            for (int p = 0; p < squareMeans.length; p++) {
                if (parameters.get(p).value().isFloat()) {
                    stepFloat(p, (float) rate, (float) keep);
                    continue;
                }
                double[] w = parameters.get(p).value().data();
                double[] g = parameters.get(p).gradient().data();
                double[] v = squareMeans[p];
                double[] a = centered ? means[p] : null;
                double[] s = momentum > 0 ? velocities[p] : null;
                for (int i = 0; i < w.length; i++) {
                    double gradient = g[i];
                    v[i] = rho * v[i] + keep * (gradient * gradient);
                    double denominator;
                    if (a != null) {
                        a[i] = rho * a[i] + keep * gradient;
                        denominator = v[i] - a[i] * a[i] + epsilon;
                    } else {
                        denominator = v[i] + epsilon;
                    }
                    double increment = rate * gradient / Math.sqrt(denominator);
                    if (s != null) {
                        s[i] = momentum * s[i] + increment;
                        w[i] -= s[i];
                    } else {
                        w[i] -= increment;
                    }
                }
            }
        }
    
        /** The same step in float, every buffer in float. */
        private void stepFloat(int p, float rate, float keep) {
            float[] w = parameters.get(p).value().floatData();
            float[] g = parameters.get(p).gradient().floatData();
            float[] v = floatSquareMeans[p];
            float[] a = centered ? floatMeans[p] : null;
            float[] s = momentum > 0 ? floatVelocities[p] : null;
            float r = (float) rho;
            float mu = (float) momentum;
            float eps = (float) epsilon;
            for (int i = 0; i < w.length; i++) {
                float gradient = g[i];
                v[i] = r * v[i] + keep * (gradient * gradient);
                float denominator;
                if (a != null) {
                    a[i] = r * a[i] + keep * gradient;
                    denominator = v[i] - a[i] * a[i] + eps;
                } else {
                    denominator = v[i] + eps;
                }
                float increment = rate * gradient / (float) Math.sqrt(denominator);
                if (s != null) {
                    s[i] = mu * s[i] + increment;
                    w[i] -= s[i];
                } else {
                    w[i] -= increment;
                }
            }
        }
    }
}
