package dev.synapse.layers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Activation;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Product;

/** The checks and the weighted sum {@code z = x·W + b} that the built-in layers share. */
final class Affine {

    private Affine() {}

    /**
     * Throws unless {@code input} has {@code width} columns; {@code layer} names the layer kind in the message.
     *
     * @throws IllegalArgumentException if the width differs
     */
    /**
     * Checks the parameters a layer is built from: weights with at least one row and column, and a bias (or null)
     * of one row with a column per unit.
     */
    static void checkShapes(String layer, Matrix weights, Matrix bias) {
        checkArgument(weights.rows() > 0 && weights.cols() > 0, "%s weights must not be empty, got %s", layer,
                weights.shape());
        checkArgument(bias == null || bias.hasShape(1, weights.cols()), "%s bias must be 1x%s to match weights %s,"
                + " got %s", layer, weights.cols(), weights.shape(), bias == null ? "" : bias.shape());
    }

    static void checkInput(String layer, Matrix input, int width) {
        if (input.cols() != width) {
            throw new IllegalArgumentException(layer + " layer expects " + width + " inputs per sample but got "
                    + input.cols() + " (input " + input.shape() + ")");
        }
    }

    /** {@code z = x·W}, plus the bias row when there is one. */
    static void sum(Matrix input, Parameter weights, Parameter bias, Matrix z) {
        Matrix.multiply(Product.A_B, input, weights.value(), z, false);
        if (bias != null) {
            z.addRowVector(bias.value());
        }
    }

    /** {@code y = f(z)} over the whole matrix, through the activation's array form of the matrices' precision. */
    static void activate(Activation activation, Matrix z, Matrix y) {
        if (z.isFloat()) {
            activation.apply(z.floatData(), y.floatData());
        } else {
            activation.apply(z.data(), y.data());
        }
    }

    /** {@code delta = gradient ∘ f'(z, y)}, through the activation's array form of the matrices' precision. */
    static void activationBackward(Activation activation, Matrix z, Matrix y, Matrix gradient, Matrix delta) {
        if (z.isFloat()) {
            activation.backward(z.floatData(), y.floatData(), gradient.floatData(), delta.floatData());
        } else {
            activation.backward(z.data(), y.data(), gradient.data(), delta.data());
        }
    }

    /** {@code m} in {@code precision}, or null for a null {@code m} (a layer without bias). */
    static Matrix convert(Matrix m, Precision precision) {
        return m == null ? null : m.toPrecision(precision);
    }

    /**
     * Throws unless a backward pass can go through {@code activation}.
     *
     * @throws IllegalStateException for a threshold, which has no gradient
     */
    static void checkTrainable(Activation activation) {
        if (!activation.isDifferentiable()) {
            throw new IllegalStateException("cannot train through activation '" + activation.name()
                    + "': it is a threshold without a gradient and serves inference only; train with a smooth"
                    + " activation (for example its sigmoid counterpart) and switch afterwards");
        }
    }
}
