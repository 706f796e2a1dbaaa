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

    /** {@code f(x) = x}. */
    public static Activation identity() {
        return Identity.INSTANCE;
    }

    /** {@code f(x) = 1 / (1 + e^-x)}. */
    public static Activation sigmoid() {
        return Sigmoid.INSTANCE;
    }

    /** {@code f(x) = tanh(x)}. */
    public static Activation tanh() {
        return Tanh.INSTANCE;
    }

    /** {@code f(x) = max(0, x)}. */
    public static Activation relu() {
        return Relu.INSTANCE;
    }

    /** Leaky ReLU with slope 0.01 for negative inputs. */
    public static Activation leakyRelu() {
        return new LeakyRelu(0.01);
    }

    /**
     * Leaky ReLU, {@code f(x) = x > 0 ? x : slope·x}.
     *
     * @throws IllegalArgumentException if {@code slope} is not in [0, 1)
     */
    public static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    /** {@code f(x) = ln(1 + e^x)}. */
    public static Activation softplus() {
        return Softplus.INSTANCE;
    }

    /**
     * Softmax over each sample's outputs, {@code p_j = e^(z_j) / Σ_k e^(z_k)}, for the last layer of a classifier:
     * {@code Dense.units(10).activation(softmax())} with {@code Losses.categoricalCrossEntropy()} or
     * {@code Losses.sparseCategoricalCrossEntropy()}. A {@link RowActivation}, not an {@link Activation}: see
     * {@link Softmax}.
     */
    public static RowActivation softmax() {
        return Softmax.INSTANCE;
    }
}
