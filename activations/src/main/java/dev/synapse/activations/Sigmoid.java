package dev.synapse.activations;

import dev.synapse.core.Activation;
import dev.synapse.core.OutputRange;
import dev.synapse.core.engine.Engines;
import java.util.Optional;

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

    /** The whole array in one engine pass (vectorized where the engine is). */
    @Override
    public void apply(double[] in, double[] out) {
        Engines.current().sigmoid(in, out, in.length);
    }

    @Override
    public void backward(double[] x, double[] y, double[] gradientOut, double[] gradientIn) {
        Engines.current().sigmoidBackward(y, gradientOut, gradientIn, x.length);
    }

    @Override
    public void apply(float[] in, float[] out) {
        Engines.current().sigmoid(in, out, in.length);
    }

    @Override
    public void backward(float[] x, float[] y, float[] gradientOut, float[] gradientIn) {
        Engines.current().sigmoidBackward(y, gradientOut, gradientIn, x.length);
    }

    /** {@code [0, 1]}: single-output accuracy thresholds at 0.5. */
    @Override
    public Optional<OutputRange> outputRange() {
        return Optional.of(OutputRange.UNIT);
    }

    @Override
    public String toString() {
        return name();
    }
}
