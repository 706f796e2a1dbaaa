package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.Arrays;
import java.util.List;

/**
 * Resilient backpropagation, iRPROP−, exactly as FANN 2.2's {@code fann_update_weights_irpropm} computes it: every
 * weight has its own step size, which grows while its gradient keeps its sign and shrinks when the sign flips; only
 * the sign of the gradient is used, never its size, so the learning rate plays no part.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(Rprop.fannDefaults())          // increase 1.2f, decrease 0.5, steps in [0, 50], first 0.1f
 * Rprop.fannDefaults().increaseFactor(1.1).deltaMax(10)
 * }</pre>
 *
 * <p>Per weight, with FANN's slope {@code s = -∂L/∂w} (FANN accumulates the negative gradient), the previous slope
 * {@code s'} and the previous step {@code Δ'} (starting at {@code deltaZero}):
 * <pre>
 *   Δ' = max(Δ', 0.0001)
 *   if s'·s ≥ 0:  Δ = min(Δ'·increase, deltaMax)
 *   else:         Δ = max(Δ'·decrease, deltaMin);  s = 0
 *   w = s &lt; 0 ? w - Δ : w + Δ,  then clipped to [-1500, 1500]
 *   remember Δ and s
 * </pre>
 * Two FANN details follow from this and are kept: the first step is {@code deltaZero·increase} (0.12), and a weight
 * whose slope is zero — including right after a sign flip, where the slope is set to zero — moves up by Δ rather than
 * standing still as in Igel and Hüsken's paper. Synapse's gradient has the opposite sign of FANN's slope; the
 * update above is written in FANN's terms so it can be compared line by line.
 *
 * <p><b>RPROP is a full-batch algorithm</b>: train with {@code Training.epochs(n)} (full batch, the default), so each
 * step sees the gradient of the whole data set, as FANN's FANN_TRAIN_RPROP does; on mini-batches the signs are noisy
 * and the step sizes do not settle. The state (steps and previous slopes) lives in the model's optimizer state and
 * carries over from one {@code fit} to the next, as FANN's does between {@code fann_train_epoch} calls.
 */
public final class Rprop implements Optimizer {

    /** The clip FANN applies to every weight after an RPROP or Quickprop step. */
    static final double WEIGHT_LIMIT = 1500;

    private final double increaseFactor;
    private final double decreaseFactor;
    private final double deltaMin;
    private final double deltaMax;
    private final double deltaZero;

    private Rprop(double increaseFactor, double decreaseFactor, double deltaMin, double deltaMax, double deltaZero) {
        this.increaseFactor = increaseFactor;
        this.decreaseFactor = decreaseFactor;
        this.deltaMin = deltaMin;
        this.deltaMax = deltaMax;
        this.deltaZero = deltaZero;
    }

    /**
     * iRPROP− with FANN 2.2's defaults: increase 1.2, decrease 0.5, delta min 0, delta max 50, initial step 0.1 —
     * as the floats FANN stores them in ({@code (double) 1.2f} is 1.2000000476837158, {@code (double) 0.1f}
     * 0.10000000149011612), so runs take FANN's steps bit for bit rather than drifting apart over long oscillations.
     *
     * @return a new iRPROP− configuration, named {@code "rprop"} in model files
     */
    public static Rprop fannDefaults() {
        return new Rprop(1.2f, 0.5f, 0.0f, 50.0f, 0.1f);
    }

    /**
     * How much a step grows while the gradient keeps its sign ({@code fann_set_rprop_increase_factor}).
     *
     * @param factor η⁺, finite and greater than 1; FANN's default is 1.2
     * @return a copy of this configuration with that factor
     * @throws IllegalArgumentException unless the factor is finite and greater than 1
     */
    public Rprop increaseFactor(double factor) {
        checkArgument(factor > 1 && Double.isFinite(factor), "RPROP increase factor must be > 1 and finite, got %s",
                factor);
        return new Rprop(factor, decreaseFactor, deltaMin, deltaMax, deltaZero);
    }

    /**
     * How much a step shrinks when the gradient changes sign ({@code fann_set_rprop_decrease_factor}).
     *
     * @param factor η⁻, in (0, 1); FANN's default is 0.5
     * @return a copy of this configuration with that factor
     * @throws IllegalArgumentException unless the factor is in (0, 1)
     */
    public Rprop decreaseFactor(double factor) {
        checkArgument(factor > 0 && factor < 1, "RPROP decrease factor must be in (0, 1), got %s", factor);
        return new Rprop(increaseFactor, factor, deltaMin, deltaMax, deltaZero);
    }

    /**
     * The smallest step ({@code fann_set_rprop_delta_min}).
     *
     * @param min the smallest step size, from 0 up to {@link #deltaMax()}; FANN's default is 0
     * @return a copy of this configuration with that minimum
     * @throws IllegalArgumentException unless {@code 0 <= min <= deltaMax}
     */
    public Rprop deltaMin(double min) {
        checkArgument(min >= 0 && min <= deltaMax, "RPROP delta min must be in [0, delta max = %s], got %s", deltaMax,
                min);
        return new Rprop(increaseFactor, decreaseFactor, min, deltaMax, deltaZero);
    }

    /**
     * The largest step ({@code fann_set_rprop_delta_max}).
     *
     * @param max the largest step size, finite and at least {@link #deltaMin()}; FANN's default is 50
     * @return a copy of this configuration with that maximum
     * @throws IllegalArgumentException unless {@code max} is finite and at least deltaMin
     */
    public Rprop deltaMax(double max) {
        checkArgument(max >= deltaMin && Double.isFinite(max) && max > 0,
                "RPROP delta max must be positive, finite and at least delta min = %s, got %s", deltaMin, max);
        return new Rprop(increaseFactor, decreaseFactor, deltaMin, max, deltaZero);
    }

    /**
     * The step every weight starts with ({@code fann_set_rprop_delta_zero}).
     *
     * @param step the first step size of every weight, positive and finite; FANN's default is 0.1
     * @return a copy of this configuration with that first step
     * @throws IllegalArgumentException unless {@code step} is positive and finite
     */
    public Rprop deltaZero(double step) {
        checkArgument(step > 0 && Double.isFinite(step), "RPROP initial step must be positive and finite, got %s", step);
        return new Rprop(increaseFactor, decreaseFactor, deltaMin, deltaMax, step);
    }

    /**
     * How much a step grows while the gradient keeps its sign.
     *
     * @return η⁺, greater than 1
     */
    public double increaseFactor() {
        return increaseFactor;
    }

    /**
     * How much a step shrinks when the gradient changes sign.
     *
     * @return η⁻, in (0, 1)
     */
    public double decreaseFactor() {
        return decreaseFactor;
    }

    /**
     * The smallest step.
     *
     * @return the smallest step size, not negative
     */
    public double deltaMin() {
        return deltaMin;
    }

    /**
     * The largest step.
     *
     * @return the largest step size, at least {@link #deltaMin()}
     */
    public double deltaMax() {
        return deltaMax;
    }

    /**
     * The step every weight starts with.
     *
     * @return the first step size, positive
     */
    public double deltaZero() {
        return deltaZero;
    }

    @Override
    public String name() {
        return "rprop";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new RpropState(List.copyOf(parameters));
    }

    @Override
    public String toString() {
        return "rprop(increase=" + increaseFactor + ", decrease=" + decreaseFactor + ", deltaMin=" + deltaMin
                + ", deltaMax=" + deltaMax + ", deltaZero=" + deltaZero + ")";
    }

    private final class RpropState implements State {

        private final List<Parameter> parameters;
        private final double[][] steps;
        private final double[][] previousSlopes;
        private final float[][] floatSteps;
        private final float[][] floatPreviousSlopes;

        RpropState(List<Parameter> parameters) {
            this.parameters = parameters;
            this.steps = Buffers.zerosLike(parameters);
            this.previousSlopes = Buffers.zerosLike(parameters);
            this.floatSteps = Buffers.floatZerosLike(parameters);
            this.floatPreviousSlopes = Buffers.floatZerosLike(parameters);
            for (int p = 0; p < steps.length; p++) {
                if (steps[p] != null) {
                    Arrays.fill(steps[p], deltaZero);
                } else {
                    Arrays.fill(floatSteps[p], (float) deltaZero);
                }
            }
        }

        @Override
        public void step(int epoch) {
            for (int p = 0; p < steps.length; p++) {
                if (parameters.get(p).value().isFloat()) {
                    stepFloat(p);
                    continue;
                }
                double[] w = parameters.get(p).value().data();
                double[] g = parameters.get(p).gradient().data();
                double[] step = steps[p];
                double[] previous = previousSlopes[p];
                for (int i = 0; i < w.length; i++) {
                    double previousStep = Math.max(step[i], 0.0001);
                    double slope = -g[i];
                    double next;
                    if (previous[i] * slope >= 0) {
                        next = Math.min(previousStep * increaseFactor, deltaMax);
                    } else {
                        next = Math.max(previousStep * decreaseFactor, deltaMin);
                        slope = 0;
                    }
                    if (slope < 0) {
                        w[i] = Math.max(w[i] - next, -WEIGHT_LIMIT);
                    } else {
                        w[i] = Math.min(w[i] + next, WEIGHT_LIMIT);
                    }
                    step[i] = next;
                    previous[i] = slope;
                }
            }
        }
    
        /** The same step in float: steps, slopes and weights in float, the factors and limits rounded to float. */
        private void stepFloat(int p) {
            float[] w = parameters.get(p).value().floatData();
            float[] g = parameters.get(p).gradient().floatData();
            float[] step = floatSteps[p];
            float[] previous = floatPreviousSlopes[p];
            float increase = (float) increaseFactor;
            float decrease = (float) decreaseFactor;
            float max = (float) deltaMax;
            float min = (float) deltaMin;
            float limit = (float) WEIGHT_LIMIT;
            for (int i = 0; i < w.length; i++) {
                float previousStep = Math.max(step[i], 0.0001f);
                float slope = -g[i];
                float next;
                if (previous[i] * slope >= 0) {
                    next = Math.min(previousStep * increase, max);
                } else {
                    next = Math.max(previousStep * decrease, min);
                    slope = 0;
                }
                w[i] = slope < 0 ? Math.max(w[i] - next, -limit) : Math.min(w[i] + next, limit);
                step[i] = next;
                previous[i] = slope;
            }
        }
    }
}
