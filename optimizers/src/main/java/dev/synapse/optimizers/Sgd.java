package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.engine.Engines;
import java.util.List;

/**
 * Stochastic gradient descent, {@code w -= η·g}, optionally with momentum.
 *
 * <pre>{@code
 * Sgd.learningRate(0.5)                                  // plain gradient descent
 * Sgd.learningRate(0.01).momentum(0.9)                   // classical: v = μv - ηg; w += v
 * Sgd.learningRate(0.01).momentum(0.9).nesterov()        // Nesterov: v = μv - ηg; w += μv - ηg
 * Sgd.learningRate(LearningRates.exponentialDecay(0.1, 0.5, 100))
 * }</pre>
 *
 * <p>Immutable: each method returns a changed copy, and {@link #start} gives every model its own velocity buffers.
 *
 * <p><b>FANN's incremental and batch training</b> are SGD with {@code Losses.fannMse(...)}, whose gradient is FANN's
 * training signal averaged over the batch. Incremental (FANN_TRAIN_INCREMENTAL: one step per sample, in data-set
 * order, FANN's {@code learning_momentum} as momentum) is
 * {@code model.fit(x, y, Training.epochs(n).incremental())} with {@code Sgd.learningRate(0.7).momentum(m)} —
 * {@code incremental()} is {@code batchSize(1).shuffle(false)}. Batch (FANN_TRAIN_BATCH: one step per epoch of
 * {@code η / samples} times the summed slopes) is full-batch training, {@code Training.epochs(n)}, with
 * {@code Sgd.learningRate(0.7)}.
 */
public final class Sgd implements Optimizer {

    private final LearningRate learningRate;
    private final double momentum;
    private final boolean nesterov;

    private Sgd(LearningRate learningRate, double momentum, boolean nesterov) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    /**
     * Gradient descent with a constant learning rate.
     *
     * @param rate the learning rate η of every epoch, e.g. 0.5 in the XOR tutorial
     * @return a new gradient-descent configuration without momentum, named {@code "sgd"} in model files
     * @throws IllegalArgumentException if {@code rate} is not positive and finite
     */
    public static Sgd learningRate(double rate) {
        return new Sgd(LearningRates.constant(rate), 0, false);
    }

    /**
     * Gradient descent whose learning rate follows a schedule.
     *
     * @param schedule the learning rate per epoch, e.g. {@code LearningRates.stepDecay(0.5, 0.5, 1000)}
     * @return a new gradient-descent configuration without momentum
     */
    public static Sgd learningRate(LearningRate schedule) {
        return new Sgd(checkNotNull(schedule, "learning-rate schedule"), 0, false);
    }

    /**
     * Adds classical momentum μ.
     *
     * @param momentum μ in [0, 1), e.g. 0.9; 0 for plain gradient descent
     * @return a copy of this configuration with that momentum
     * @throws IllegalArgumentException if μ is not in [0, 1)
     */
    public Sgd momentum(double momentum) {
        checkArgument(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got %s", momentum);
        return new Sgd(learningRate, momentum, nesterov);
    }

    /**
     * Uses Nesterov's accelerated gradient: the step looks ahead along the velocity.
     *
     * @return a copy of this configuration stepping with Nesterov momentum
     * @throws IllegalStateException if no momentum was set
     */
    public Sgd nesterov() {
        if (momentum == 0) {
            throw new IllegalStateException("Nesterov momentum needs a momentum; call momentum(0.9) first");
        }
        return new Sgd(learningRate, momentum, true);
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
     * The momentum μ of the velocity {@code v = μ·v - η·g}.
     *
     * @return μ, in [0, 1); 0 for none
     */
    public double momentum() {
        return momentum;
    }

    /**
     * Whether the step looks ahead along the velocity (Nesterov's accelerated gradient).
     *
     * @return true if {@link #nesterov()} was asked for
     */
    public boolean isNesterov() {
        return nesterov;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new SgdState(List.copyOf(parameters));
    }

    @Override
    public String toString() {
        return "sgd(learningRate=" + learningRate + (momentum == 0 ? "" : ", momentum=" + momentum)
                + (nesterov ? ", nesterov" : "") + ")";
    }

    private final class SgdState implements State {

        private final List<Parameter> parameters;
        private final double[][] velocities;
        private final float[][] floatVelocities;

        SgdState(List<Parameter> parameters) {
            this.parameters = parameters;
            this.velocities = momentum > 0 ? Buffers.zerosLike(parameters) : new double[parameters.size()][];
            this.floatVelocities = momentum > 0 ? Buffers.floatZerosLike(parameters) : new float[parameters.size()][];
        }

        @Override
        public void step(int epoch) {
            double rate = learningRate.at(epoch);
            for (int p = 0; p < velocities.length; p++) {
                if (parameters.get(p).value().isFloat()) {
                    stepFloat(p, rate);
                    continue;
                }
                double[] w = parameters.get(p).value().data();
                double[] g = parameters.get(p).gradient().data();
                if (momentum == 0) {
                    // w + (-rate)·g rounds exactly as w - rate·g; the engine vectorizes it.
                    Engines.current().axpy(w.length, -rate, g, w);
                } else {
                    double[] v = velocities[p];
                    for (int i = 0; i < w.length; i++) {
                        v[i] = momentum * v[i] - rate * g[i];
                        w[i] += nesterov ? momentum * v[i] - rate * g[i] : v[i];
                    }
                }
            }
        }

        /** The same step in float, the velocity kept in float. */
        private void stepFloat(int p, double rate) {
            float[] w = parameters.get(p).value().floatData();
            float[] g = parameters.get(p).gradient().floatData();
            float r = (float) rate;
            if (momentum == 0) {
                Engines.current().axpy(w.length, -r, g, w);
                return;
            }
            float mu = (float) momentum;
            float[] v = floatVelocities[p];
            for (int i = 0; i < w.length; i++) {
                v[i] = mu * v[i] - r * g[i];
                w[i] += nesterov ? mu * v[i] - r * g[i] : v[i];
            }
        }
    }
}
