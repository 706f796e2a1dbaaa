package dev.synapse.core;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * A trainable tensor: its value and the gradient of the loss with respect to it, of the same shape.
 *
 * <p>A layer owns its parameters; during training, {@link Layer#backward} adds into {@link #gradient()} and an
 * {@link Optimizer} moves {@link #value()} against it. The training loop clears gradients before each batch.
 */
public final class Parameter {

    private final String name;
    private final Matrix value;
    private final Matrix gradient;

    /**
     * A parameter holding {@code value} (not copied) with a zero gradient of its precision; {@code name} is e.g.
     * "weights".
     *
     * @param name the parameter's name within its layer, e.g. {@code "weights"} or {@code "bias"}
     * @param value the parameter's values, used (and trained) in place
     */
    public Parameter(String name, Matrix value) {
        this.name = checkNotNull(name, "name");
        this.value = checkNotNull(value, "value of parameter %s", name);
        this.gradient = new Matrix(value.rows(), value.cols(), value.precision());
    }

    /**
     * The parameter's name within its layer, e.g. {@code "weights"}.
     *
     * @return the name given at construction
     */
    public String name() {
        return name;
    }

    /**
     * The values the optimizer moves, not a copy.
     *
     * @return the value matrix, trained in place
     */
    public Matrix value() {
        return value;
    }

    /**
     * The gradient that {@code backward} adds into and the optimizer reads, not a copy.
     *
     * @return the gradient matrix, the shape of {@link #value()}
     */
    public Matrix gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
