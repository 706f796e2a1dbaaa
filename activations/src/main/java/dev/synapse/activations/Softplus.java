package dev.synapse.activations;

import dev.synapse.core.Activation;

/**
 * Softplus, {@code f(x) = ln(1 + e^x)}, a smooth ReLU; {@code f'(x) = 1 / (1 + e^-x)}, the sigmoid. Computed as
 * {@code max(x, 0) + ln(1 + e^-|x|)} so large inputs neither overflow nor lose precision.
 */
public final class Softplus implements Activation {

    static final Softplus INSTANCE = new Softplus();

    private Softplus() {}

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public double value(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x, double y) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public String toString() {
        return name();
    }
}
