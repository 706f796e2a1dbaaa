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

    /** A parameter holding {@code value} (not copied) with a zero gradient; {@code name} is e.g. "weights". */
    public Parameter(String name, Matrix value) {
        this.name = checkNotNull(name, "name");
        this.value = checkNotNull(value, "value of parameter %s", name);
        this.gradient = new Matrix(value.rows(), value.cols());
    }

    public String name() {
        return name;
    }

    public Matrix value() {
        return value;
    }

    public Matrix gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
