package dev.synapse.optimizers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * Clipping by global norm, Keras' {@code global_clipnorm}, for any optimizer: before each step, when the norm of
 * all gradients together, {@code ‖g‖ = √(Σ over every parameter of Σ g²)}, exceeds the limit c, every gradient is
 * scaled by {@code c / ‖g‖}, so the direction is kept and the norm becomes c.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(GradientClipping.byGlobalNorm(1.0, Adam.defaults()))
 * GradientClipping.byGlobalNorm(5.0, Sgd.learningRate(0.1).momentum(0.9))
 * }</pre>
 *
 * <p>The wrapped optimizer then steps with the clipped gradients, which the clipping writes over the parameters'
 * own gradients (the training loop zeroes them before the next batch). With {@link AdamW} this is Keras' order:
 * clip, decay, update. Two details differ from Keras, and only in the last bit: the scale is {@code c·(1/‖g‖)} as
 * Keras computes it, but gradients whose norm is at most c are left exactly as they are (Keras multiplies them by
 * {@code c·(1/c)}, which can round to just under 1); and a norm that is not finite (an overflowing or NaN
 * gradient) leaves the gradients untouched instead of turning them all into NaN, so the training loop's check of
 * the loss reports the divergence. RPROP uses only the signs of its gradients, so clipping does not change it.
 */
public final class GradientClipping implements Optimizer {

    private final double maxNorm;
    private final Optimizer optimizer;

    private GradientClipping(double maxNorm, Optimizer optimizer) {
        this.maxNorm = maxNorm;
        this.optimizer = optimizer;
    }

    /**
     * {@code optimizer}, with its gradients clipped to a global norm of at most {@code maxNorm} before each step.
     *
     * @param maxNorm the largest global L2 norm over all parameters' gradients, e.g. 1.0
     * @param optimizer the optimizer that steps with the clipped gradients, e.g. {@code Adam.defaults()}
     * @return a new optimizer that clips, then steps as {@code optimizer} does
     * @throws IllegalArgumentException unless {@code maxNorm} is positive and finite
     */
    public static GradientClipping byGlobalNorm(double maxNorm, Optimizer optimizer) {
        checkArgument(maxNorm > 0 && Double.isFinite(maxNorm),
                "the largest global gradient norm must be positive and finite, got %s", maxNorm);
        return new GradientClipping(maxNorm, checkNotNull(optimizer, "optimizer"));
    }

    /**
     * The limit c of the gradients' global norm.
     *
     * @return c, positive and finite
     */
    public double maxNorm() {
        return maxNorm;
    }

    /**
     * The optimizer that steps with the clipped gradients.
     *
     * @return the wrapped optimizer, never null
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * The wrapped optimizer's name with {@code "-clipped"} appended, e.g. {@code "adam-clipped"}: clipping changes
     * the rule, so it does not pass for the plain one.
     */
    @Override
    public String name() {
        return optimizer.name() + "-clipped";
    }

    @Override
    public State start(List<Parameter> parameters) {
        return new ClippingState(List.copyOf(parameters), optimizer.start(parameters));
    }

    @Override
    public String toString() {
        return "clipByGlobalNorm(" + maxNorm + ", " + optimizer + ")";
    }

    /**
     * Scales the gradients of {@code parameters} so that their global norm is at most {@code maxNorm}, and returns
     * the norm they had.
     */
    static double clip(List<Parameter> parameters, double maxNorm) {
        double squares = 0;
        for (Parameter parameter : parameters) {
            // Per parameter first, then summed, as Keras' global_norm adds the tensors' sums of squares.
            squares += parameter.gradient().sumOfSquares();
        }
        double norm = Math.sqrt(squares);
        if (norm > maxNorm && Double.isFinite(norm)) {
            double scale = maxNorm * (1.0 / norm);
            for (Parameter parameter : parameters) {
                // g·scale per element, in the gradient's precision (float32 takes the scale rounded to float).
                parameter.gradient().scale(scale);
            }
        }
        return norm;
    }

    private final class ClippingState implements State {

        private final List<Parameter> parameters;
        private final State inner;

        ClippingState(List<Parameter> parameters, State inner) {
            this.parameters = parameters;
            this.inner = inner;
        }

        @Override
        public void step(int epoch) {
            clip(parameters, maxNorm);
            inner.step(epoch);
        }

        @Override
        public void step(int epoch, int batchSize) {
            clip(parameters, maxNorm);
            inner.step(epoch, batchSize);
        }
    }
}
