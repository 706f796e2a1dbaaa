package dev.synapse.core;

/**
 * What training minimizes: a number computed from a batch of predictions and targets, and its gradient.
 *
 * <p>Implementations state both formulas in their Javadoc, e.g. sum of squared errors {@code Σ(y-ŷ)²} with
 * gradient {@code 2(ŷ-y)}. Check a new loss with {@link GradientCheck#assertLoss(Loss, Matrix, Matrix)}.
 */
public interface Loss {

    /** How per-batch values combine into the loss of an epoch. */
    enum Reduction {
        /** The loss is a sum over samples: an epoch's loss is the sum of its batches' losses. */
        SUM,
        /** The loss is a mean over samples: an epoch's loss is the mean of its batches' losses weighted by size. */
        MEAN
    }

    /** Stable name used in model files and messages, e.g. {@code "sse"}. */
    String name();

    /** How batch values combine over an epoch. */
    Reduction reduction();

    /** The loss of a batch; {@code predicted} and {@code target} have the same shape. */
    double value(Matrix predicted, Matrix target);

    /** Writes the gradient of {@link #value} with respect to {@code predicted} into {@code gradient}. */
    void gradient(Matrix predicted, Matrix target, Matrix gradient);

    /**
     * The error of one output as this loss sees it, {@code target - predicted} unless the loss says otherwise (FANN's
     * MSE halves it for symmetric outputs). Metrics count an output as a bit fail when the magnitude of this error
     * reaches the bit-fail limit, as FANN does.
     */
    default double error(double predicted, double target) {
        return target - predicted;
    }
}
