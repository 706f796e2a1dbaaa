package dev.synapse.activations;

import dev.synapse.core.Activation;

/**
 * The logistic sigmoid, {@code f(x) = 1 / (1 + e^-x)}, range (0, 1), with {@code f'(x) = y(1 - y)} computed from
 * the output y, as the numpy tutorials compute it.
 */
public final class Sigmoid implements Activation {

    static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {}

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Override
    public double derivative(double x, double y) {
        return y * (1 - y);
    }

    @Override
    public String toString() {
        return name();
    }
}
