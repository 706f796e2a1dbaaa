package dev.synapse.activations;

import dev.synapse.core.Activation;
import dev.synapse.core.RowActivation;

/**
 * The built-in activations.
 *
 * <pre>{@code
 * import static dev.synapse.activations.Activations.sigmoid;
 * Dense.units(4).activation(sigmoid())
 * }</pre>
 *
 * <p>To write your own, implement {@link Activation} (three methods) or call
 * {@link Activation#of(String, java.util.function.DoubleUnaryOperator, java.util.function.DoubleBinaryOperator)}.
 */
public final class Activations {

    private Activations() {}

    /**
     * {@code f(x) = x}.
     *
     * @return the identity, named {@code "identity"}: a linear output for regression; shared, stateless
     */
    public static Activation identity() {
        return Identity.INSTANCE;
    }

    /**
     * {@code f(x) = 1 / (1 + e^-x)}.
     *
     * @return the logistic sigmoid, named {@code "sigmoid"}, range (0, 1); shared, stateless
     */
    public static Activation sigmoid() {
        return Sigmoid.INSTANCE;
    }

    /**
     * {@code f(x) = tanh(x)}.
     *
     * @return the hyperbolic tangent, named {@code "tanh"}, range (-1, 1); shared, stateless
     */
    public static Activation tanh() {
        return Tanh.INSTANCE;
    }

    /**
     * {@code f(x) = max(0, x)}.
     *
     * @return the rectified linear unit, named {@code "relu"}, range [0, ∞); shared, stateless
     */
    public static Activation relu() {
        return Relu.INSTANCE;
    }

    /**
     * Leaky ReLU with slope 0.01 for negative inputs.
     *
     * @return a leaky ReLU, named {@code "leaky-relu"}, with slope 0.01
     */
    public static Activation leakyRelu() {
        return new LeakyRelu(0.01);
    }

    /**
     * Leaky ReLU, {@code f(x) = x > 0 ? x : slope·x}.
     *
     * @param slope the factor applied to negative inputs, in [0, 1); 0 gives a plain ReLU
     * @return a leaky ReLU, named {@code "leaky-relu"}, saved with its slope
     * @throws IllegalArgumentException if {@code slope} is not in [0, 1)
     */
    public static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /**
     * {@code f(x) = ln(1 + e^x)}.
     *
     * @return softplus, named {@code "softplus"}, a smooth ReLU with range (0, ∞); shared, stateless
     */
    public static Activation softplus() {
        return Softplus.INSTANCE;
    }

    /**
     * Softmax over each sample's outputs, {@code p_j = e^(z_j) / Σ_k e^(z_k)}, for the last layer of a classifier:
     * {@code Dense.units(10).activation(softmax())} with {@code Losses.categoricalCrossEntropy()} or
     * {@code Losses.sparseCategoricalCrossEntropy()}. A {@link RowActivation}, not an {@link Activation}: see
     * {@link Softmax}.
     *
     * @return softmax, named {@code "softmax"}, each row's outputs in (0, 1) summing to 1; shared, stateless
     */
    public static RowActivation softmax() {
        return Softmax.INSTANCE;
    }
}
