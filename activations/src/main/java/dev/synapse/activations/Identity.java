package dev.synapse.activations;

import dev.synapse.core.Activation;

/** The identity, {@code f(x) = x}, {@code f'(x) = 1}: a linear output, as regression needs. */
public final class Identity implements Activation {

    static final Identity INSTANCE = new Identity();

    private Identity() {}

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x, double y) {
        return 1;
    }

    @Override
    public void apply(double[] in, double[] out) {
        if (in != out) {
            System.arraycopy(in, 0, out, 0, in.length);
        }
    }

    @Override
    public void apply(float[] in, float[] out) {
        if (in != out) {
            System.arraycopy(in, 0, out, 0, in.length);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
