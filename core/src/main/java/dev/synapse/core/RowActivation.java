package dev.synapse.core;

import java.util.Map;

/**
 * An activation applied to each sample's whole row of pre-activations at once, such as softmax, whose every output
 * depends on the whole row; a dense layer takes one where it takes an {@link Activation}:
 *
 * <pre>{@code
 * Sequential.builder().input(784)
 *         .add(Dense.units(128).activation(relu()))
 *         .add(Dense.units(10).activation(softmax()))     // a RowActivation
 *         .loss(Losses.sparseCategoricalCrossEntropy())
 * }</pre>
 *
 * <p>Why a type of its own: {@link Activation} is a scalar function with a scalar derivative, and stays one. A
 * row-wise function has a full Jacobian per row; {@link #backward} applies it (so any loss can follow), but the
 * loss it is made for does better: a {@link FusedLoss} such as categorical cross-entropy takes the gradient with
 * respect to the pre-activation directly ({@code (p - y) / n}), skipping the Jacobian and staying finite where the
 * chain rule through {@code ln p} would not. The layer keeps the pre-activation for that ({@link ActivatedLayer}).
 * Implementations are stateless and thread-safe.
 */
public interface RowActivation {

    /**
     * Stable name used in model files and messages, e.g. {@code "softmax"}.
     *
     * @return a non-blank name, unique among registered activations
     */
    String name();

    /**
     * The values the activation was configured with, by name, so a model file can rebuild it; empty if none.
     *
     * @return the settings by name; empty by default
     */
    default Map<String, Double> arguments() {
        return Map.of();
    }

    /**
     * Writes {@code f(row)} for every row of {@code in} into the same row of {@code out}; {@code out} may be
     * {@code in}.
     *
     * @param in the pre-activations, batch × width
     * @param out where the activations go, the shape of {@code in}
     */
    void apply(Matrix in, Matrix out);

    /**
     * The chain rule, row by row: {@code gradientIn = J(row)ᵀ · gradientOut} where J is the Jacobian of f at the
     * row of {@code in} whose value is the row of {@code out}. {@code gradientIn} may be {@code in} but not
     * {@code gradientOut}.
     *
     * @param in the pre-activations of the forward pass
     * @param out the outputs of the forward pass
     * @param gradientOut the loss' gradient with respect to {@code out}
     * @param gradientIn where the gradient with respect to {@code in} goes
     */
    void backward(Matrix in, Matrix out, Matrix gradientOut, Matrix gradientIn);
}
