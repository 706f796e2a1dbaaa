package dev.synapse.activations;

import dev.synapse.core.Activation;
import dev.synapse.core.OutputRange;
import java.util.Optional;

/** The hyperbolic tangent, range (-1, 1), with {@code f'(x) = 1 - y²} computed from the output y. */
public final class Tanh implements Activation {

    static final Tanh INSTANCE = new Tanh();

    private Tanh() {}

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x, double y) {
        return 1 - y * y;
    }

    /** {@code [-1, 1]}: single-output accuracy thresholds at 0. */
    @Override
    public Optional<OutputRange> outputRange() {
        return Optional.of(OutputRange.SYMMETRIC);
    }

    @Override
    public String toString() {
        return name();
    }
}
