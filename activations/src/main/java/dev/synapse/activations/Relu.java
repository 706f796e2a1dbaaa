package dev.synapse.activations;

import dev.synapse.core.Activation;
import dev.synapse.core.engine.Engines;

/**
 * The rectified linear unit, {@code f(x) = max(0, x)}; {@code f'(x)} is 1 for x &gt; 0 and 0 otherwise (the kink at
 * 0 takes the left slope, as most frameworks do).
 */
public final class Relu implements Activation {

    static final Relu INSTANCE = new Relu();

    private Relu() {}

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : 0;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1 : 0;
    }

    /** The whole array in one engine pass (vectorized where the engine is). */
    @Override
    public void apply(double[] in, double[] out) {
        Engines.current().relu(in, out, in.length);
    }

    @Override
    public void backward(double[] x, double[] y, double[] gradientOut, double[] gradientIn) {
        Engines.current().reluBackward(x, gradientOut, gradientIn, x.length);
    }

    @Override
    public void apply(float[] in, float[] out) {
        Engines.current().relu(in, out, in.length);
    }

    @Override
    public void backward(float[] x, float[] y, float[] gradientOut, float[] gradientIn) {
        Engines.current().reluBackward(x, gradientOut, gradientIn, x.length);
    }

    @Override
    public String toString() {
        return name();
    }
}
