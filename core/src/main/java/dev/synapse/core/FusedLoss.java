package dev.synapse.core;

/**
 * A loss that, after the output activation it is made for, is computed from the pre-activation {@code z} and
 * differentiated with respect to it directly: categorical cross-entropy after softmax is
 * {@code logsumexp(z) - Σ y·z} with gradient {@code (p - y) / n}, finite for logits of ±1000 where
 * {@code -Σ y ln p} and its chain rule through softmax's Jacobian are not.
 *
 * <p>The model takes this path when its last layer is an {@link ActivatedLayer} whose
 * {@link Layer#outputActivation()} this loss {@link #fusesWith}; everywhere else (a custom last layer,
 * {@link GradientCheck#assertLoss}) the plain {@link #value} and {@link #gradient} apply, which the fused forms
 * equal wherever both are finite. Check the fused gradient with {@link GradientCheck#fusedLoss}.
 */
public interface FusedLoss extends Loss {

    /**
     * Whether {@link #fusedValue} and {@link #fusedGradient} hold after the activation named {@code activation}.
     *
     * @param activation the name of the output layer's activation, e.g. {@code "softmax"}
     * @return true if the fused formulas apply after that activation
     */
    boolean fusesWith(String activation);

    /**
     * The loss of a batch from its pre-activations.
     *
     * @return the loss of the batch, the same number as {@link #value} on {@code predicted}
     * @param preActivation the last layer's {@code z}, batch × outputs
     * @param predicted     {@code f(z)}, the model's output
     * @param target        batch × {@link #targetWidth(int)}
     */
    double fusedValue(Matrix preActivation, Matrix predicted, Matrix target);

    /**
     * Writes {@code ∂L/∂z}, the gradient of {@link #fusedValue} with respect to {@code preActivation}.
     *
     * @param preActivation the last layer's {@code z}, batch × outputs
     * @param predicted {@code f(z)}, the model's output
     * @param target batch × {@link #targetWidth(int)}
     * @param gradient where {@code ∂L/∂z} goes, batch × outputs
     */
    void fusedGradient(Matrix preActivation, Matrix predicted, Matrix target, Matrix gradient);
}
