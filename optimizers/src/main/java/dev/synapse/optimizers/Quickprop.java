package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * Fahlman's Quickprop as FANN 2.2's {@code fann_update_weights_quickprop} computes it: each weight jumps toward the
 * minimum of a parabola through its last two slopes, with a linear gradient term and a small weight decay.
 *
 * <pre>{@code
 * Sequential.builder()...loss(Losses.fannMse(true)).optimizer(Quickprop.fannDefaults())  // η 0.7, μ 1.75, decay -0.0001
 * Quickprop.fannDefaults().learningRate(0.5).mu(2.0)
 * }</pre>
 *
 * <p>Per weight, in FANN's terms — the slope is the negative gradient summed over the n samples of the batch, which
 * is {@code S = -n·∂L/∂w} for a loss that averages over samples such as {@code Losses.fannMse} — with
 * {@code ε = η / n}, the shrink factor {@code μ / (1 + μ)} and the previous step Δ' and slope s' (both 0 at first):
 * <pre>
 *   s = S + decay·w
 *   if Δ' &gt; 0.001:   Δ = (s &gt; 0 ? ε·s : 0) + (s &gt; shrink·s' ? μ·Δ' : Δ'·s / (s' - s))
 *   if Δ' &lt; -0.001:  Δ = (s &lt; 0 ? ε·s : 0) + (s &lt; shrink·s' ? μ·Δ' : Δ'·s / (s' - s))
 *   otherwise:       Δ = ε·s
 *   w = clip(w + Δ, -1500, 1500);  remember Δ and s
 * </pre>
 * The decay is negative (FANN's default -0.0001), so {@code decay·w} pulls weights toward zero.
 *
 * <p><b>Quickprop is a full-batch algorithm</b>, like FANN's FANN_TRAIN_QUICKPROP: the parabola is fitted through
 * the slopes of whole epochs, so train with {@code Training.epochs(n)} (full batch, the default). It reads the batch
 * size from the training loop ({@link Optimizer.State#step(int, int)}) to turn mean gradients into FANN's summed
 * slopes; with a loss that sums over samples instead of averaging, divide the learning rate and the decay by n.
 */
public final class Quickprop implements Optimizer {

    private final double learningRate;
    private final double mu;
    private final double decay;

    private Quickprop(double learningRate, double mu, double decay) {
        this.learningRate = learningRate;
        this.mu = mu;
        this.decay = decay;
    }

    /**
     * Quickprop with FANN 2.2's defaults: learning rate 0.7, μ 1.75, decay -0.0001 — as the floats FANN stores them in
     * ({@code (double) 0.7f} is 0.699999988079071, {@code (double) -0.0001f} -9.999999747378752E-5).
     *
     * @return a new Quickprop configuration, named {@code "quickprop"} in model files
     */
    public static Quickprop fannDefaults() {
        return new Quickprop(0.7f, 1.75f, -0.0001f);
    }

    /**
     * The learning rate η of the linear term ({@code fann_set_learning_rate}).
     *
     * @param rate η, positive and finite; FANN's default is 0.7
     * @return a copy of this configuration with that rate
     * @throws IllegalArgumentException unless {@code rate} is positive and finite
     */
    public Quickprop learningRate(double rate) {
        LearningRates.checkRate("Quickprop learning rate", rate);
        return new Quickprop(rate, mu, decay);
    }

    /**
     * The largest growth factor μ of a step ({@code fann_set_quickprop_mu}).
     *
     * @param mu μ, positive and finite; FANN's default is 1.75
     * @return a copy of this configuration with that μ
     * @throws IllegalArgumentException unless {@code mu} is positive and finite
     */
    public Quickprop mu(double mu) {
        checkArgument(mu > 0 && Double.isFinite(mu), "Quickprop mu must be positive and finite, got %s", mu);
        return new Quickprop(learningRate, mu, decay);
    }

    /**
     * The weight decay added to each slope as {@code decay·w} ({@code fann_set_quickprop_decay}); FANN's default is
     * -0.0001, and it should stay small and not positive.
     *
     * @param decay the decay factor, in (-1, 0]; 0 for none
     * @return a copy of this configuration with that decay
     * @throws IllegalArgumentException unless {@code decay} is in (-1, 0]
     */
    public Quickprop decay(double decay) {
        checkArgument(decay <= 0 && decay > -1, "Quickprop decay must be in (-1, 0], e.g. -0.0001, got %s", decay);
        return new Quickprop(learningRate, mu, decay);
    }

    /**
     * The learning rate η of the linear term, {@code ε = η / n}.
     *
     * @return η, positive and finite
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * The maximum growth factor μ of a step.
     *
     * @return μ, positive and finite
     */
    public double mu() {
        return mu;
    }

    /**
     * The weight decay, not positive.
     *
     * @return the decay factor, in (-1, 0]
     */
    public double decay() {
        return decay;
    }

    @Override
    public String name() {
        return "quickprop";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new QuickpropState(List.copyOf(parameters));
    }

    @Override
    public String toString() {
        return "quickprop(learningRate=" + learningRate + ", mu=" + mu + ", decay=" + decay + ")";
    }

    private final class QuickpropState implements State {

        private final List<Parameter> parameters;
        private final double[][] previousSteps;
        private final double[][] previousSlopes;

        private final float[][] floatPreviousSteps;
        private final float[][] floatPreviousSlopes;

        QuickpropState(List<Parameter> parameters) {
            this.parameters = parameters;
            this.previousSteps = Buffers.zerosLike(parameters);
            this.previousSlopes = Buffers.zerosLike(parameters);
            this.floatPreviousSteps = Buffers.floatZerosLike(parameters);
            this.floatPreviousSlopes = Buffers.floatZerosLike(parameters);
        }

        /** Without a batch size the gradient is taken as FANN's slope of a single sample. */
        @Override
        public void step(int epoch) {
            step(epoch, 1);
        }

        @Override
        public void step(int epoch, int batchSize) {
            double epsilon = learningRate / batchSize;
            double shrink = mu / (1.0 + mu);
            for (int p = 0; p < previousSteps.length; p++) {
                if (parameters.get(p).value().isFloat()) {
                    stepFloat(p, batchSize, (float) epsilon, (float) shrink);
                    continue;
                }
                double[] w = parameters.get(p).value().data();
                double[] g = parameters.get(p).gradient().data();
                double[] steps = previousSteps[p];
                double[] slopes = previousSlopes[p];
                for (int i = 0; i < w.length; i++) {
                    double weight = w[i];
                    double previousStep = steps[i];
                    double slope = -batchSize * g[i] + decay * weight;
                    double previousSlope = slopes[i];
                    double next = 0;
                    if (previousStep > 0.001) {
                        if (slope > 0) {
                            next += epsilon * slope;
                        }
                        next += slope > shrink * previousSlope
                                ? mu * previousStep
                                : previousStep * slope / (previousSlope - slope);
                    } else if (previousStep < -0.001) {
                        if (slope < 0) {
                            next += epsilon * slope;
                        }
                        next += slope < shrink * previousSlope
                                ? mu * previousStep
                                : previousStep * slope / (previousSlope - slope);
                    } else {
                        next += epsilon * slope;
                    }
                    steps[i] = next;
                    weight += next;
                    w[i] = Math.max(-Rprop.WEIGHT_LIMIT, Math.min(Rprop.WEIGHT_LIMIT, weight));
                    slopes[i] = slope;
                }
            }
        }
    
        /** The same step in float: steps, slopes and weights in float, the settings rounded to float. */
        private void stepFloat(int p, int batchSize, float epsilon, float shrink) {
            float[] w = parameters.get(p).value().floatData();
            float[] g = parameters.get(p).gradient().floatData();
            float[] steps = floatPreviousSteps[p];
            float[] slopes = floatPreviousSlopes[p];
            float m = (float) mu;
            float d = (float) decay;
            float limit = (float) Rprop.WEIGHT_LIMIT;
            for (int i = 0; i < w.length; i++) {
                float previousStep = steps[i];
                float slope = -batchSize * g[i] + d * w[i];
                float previousSlope = slopes[i];
                float next = 0;
                if (previousStep > 0.001f || previousStep < -0.001f) {
                    boolean up = previousStep > 0;
                    if (up ? slope > 0 : slope < 0) {
                        next += epsilon * slope;
                    }
                    next += (up ? slope > shrink * previousSlope : slope < shrink * previousSlope)
                            ? m * previousStep
                            : previousStep * slope / (previousSlope - slope);
                } else {
                    next += epsilon * slope;
                }
                steps[i] = next;
                w[i] = Math.max(-limit, Math.min(limit, w[i] + next));
                slopes[i] = slope;
            }
        }
    }
}
