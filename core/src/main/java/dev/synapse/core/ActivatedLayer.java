package dev.synapse.core;

/**
 * A layer whose output is an activation {@code f} of a pre-activation {@code z} it keeps in its state (a dense
 * layer: {@code z = x·W + b}), so that a {@link FusedLoss} made for {@code f} can start the backward pass from
 * {@code ∂L/∂z}: cross-entropy through softmax or sigmoid is then {@code p - y}, with no Jacobian and no
 * {@code ln 0}. The model uses this path when its last layer is an activated layer and its loss
 * {@linkplain FusedLoss#fusesWith fuses with} the layer's activation; otherwise it calls {@link #backward}.
 */
public interface ActivatedLayer extends Layer {

    /**
     * The pre-activation {@code z} of the batch that {@link #forward} (or {@link #forwardTraining}) last wrote into
     * {@code state}: batch × {@link #outputSize()}, a view of the state, not a copy.
     *
     * @param state the state matrix the training loop passed to the last forward call
     * @return the pre-activations, sharing storage with {@code state}
     */
    Matrix preActivation(Matrix state);

    /**
     * Backpropagates from the gradient with respect to the pre-activation: adds the parameter gradients and writes
     * the input gradient, as {@link #backward} does after it has applied the activation's derivative.
     *
     * @param input                 the batch given to {@link #forward}
     * @param state                 the state {@link #forward} wrote; the layer may overwrite it here
     * @param preActivationGradient {@code ∂L/∂z}, batch × {@link #outputSize()}; the layer may overwrite it
     * @param inputGradient         where to write the gradient with respect to {@code input}; null for the first
     *                              layer
     */
    void backwardFromPreActivation(Matrix input, Matrix state, Matrix preActivationGradient, Matrix inputGradient);
}
