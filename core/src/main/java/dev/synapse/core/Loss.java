package dev.synapse.core;

import java.util.Optional;

/**
 * What training minimizes: a number computed from a batch of predictions and targets, and its gradient.
 *
 * <p>Implementations state both formulas in their Javadoc, e.g. sum of squared errors {@code Σ(y-ŷ)²} with
 * gradient {@code 2(ŷ-y)}. Check a new loss with {@link GradientCheck#assertLoss(Loss, Matrix, Matrix)}.
 *
 * <p>By default a loss takes targets shaped like the predictions, any values, after any output activation; the
 * cross-entropies narrow that ({@link #targetWidth}, {@link #checkTargets}, {@link #checkOutput}), and a
 * {@link FusedLoss} also works from the pre-activation of the output activation it is made for.
 */
public interface Loss {

    /** How per-batch values combine into the loss of an epoch. */
    enum Reduction {
        /** The loss is a sum over samples: an epoch's loss is the sum of its batches' losses. */
        SUM,
        /** The loss is a mean over samples: an epoch's loss is the mean of its batches' losses weighted by size. */
        MEAN
    }

    /**
     * Stable name used in model files and messages, e.g. {@code "sse"}.
     *
     * @return a non-blank name, unique among registered losses
     */
    String name();

    /**
     * How batch values combine over an epoch.
     *
     * @return whether the epoch's loss is the sum or the mean of its batches' losses
     */
    Reduction reduction();

    /**
     * The loss of a batch; {@code target} is {@link #targetWidth(int) targetWidth(predicted.cols())} wide.
     *
     * @param predicted the model's output, batch × outputs
     * @param target the targets, batch × {@link #targetWidth(int)}
     * @return the loss of the batch, finite for finite inputs
     */
    double value(Matrix predicted, Matrix target);

    /**
     * Writes the gradient of {@link #value} with respect to {@code predicted} into {@code gradient}.
     *
     * @param predicted the model's output, batch × outputs
     * @param target the targets, batch × {@link #targetWidth(int)}
     * @param gradient where {@code ∂L/∂ŷ} goes, batch × outputs
     */
    void gradient(Matrix predicted, Matrix target, Matrix gradient);

    /**
     * The error of one output as this loss sees it, {@code target - predicted} unless the loss says otherwise (FANN's
     * MSE halves it for symmetric outputs). Metrics count an output as a bit fail when the magnitude of this error
     * reaches the bit-fail limit, as FANN does.
     *
     * @param predicted one output of the model
     * @param target its target
     * @return the signed error; its magnitude is compared with the bit-fail limit
     */
    default double error(double predicted, double target) {
        return target - predicted;
    }

    /**
     * Target values per sample for a model with {@code outputs} outputs: {@code outputs}, unless the loss takes
     * something else (sparse categorical cross-entropy takes one class index per sample).
     *
     * @param outputs the model's outputs per sample
     * @return the target matrix's columns
     */
    default int targetWidth(int outputs) {
        return outputs;
    }

    /**
     * Checks the values of a whole target matrix before training or evaluation, once per call; accepts anything
     * finite by default (the model checks finiteness and width itself).
     *
     * @param targets the whole target matrix, samples × {@link #targetWidth(int)}
     * @param outputs the model's outputs per sample
     * @throws IllegalArgumentException naming the row, the value and what is expected, if a target is invalid
     */
    default void checkTargets(Matrix targets, int outputs) {}

    /**
     * Checks that this loss can follow the model's last layer, at {@code build()}; accepts any by default.
     *
     * @param layer      the last layer as messages should name it, e.g. {@code "layer 1 (dense)"}
     * @param activation the last layer's {@link Layer#outputActivation()}
     * @throws IllegalStateException naming the layer, its activation and the fix, if the pair cannot work
     */
    default void checkOutput(String layer, Optional<String> activation) {}
}
