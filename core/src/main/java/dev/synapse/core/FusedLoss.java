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

    /** Whether {@link #fusedValue} and {@link #fusedGradient} hold after the activation named {@code activation}. */
    boolean fusesWith(String activation);

    /**
     * The loss of a batch from its pre-activations.
     *
     * @param preActivation the last layer's {@code z}, batch × outputs
     * @param predicted     {@code f(z)}, the model's output
     * @param target        batch × {@link #targetWidth(int)}
     */
    double fusedValue(Matrix preActivation, Matrix predicted, Matrix target);

    /** Writes {@code ∂L/∂z}, the gradient of {@link #fusedValue} with respect to {@code preActivation}. */
    void fusedGradient(Matrix preActivation, Matrix predicted, Matrix target, Matrix gradient);
}
