package dev.synapse.docs;

import dev.synapse.core.Activation;

// snippet:softsign-class
/** Softsign, x / (1 + |x|): like tanh, but it approaches ±1 polynomially, so it saturates more slowly. */
public final class Softsign implements Activation {
    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public double value(double x) {
        return x / (1 + Math.abs(x));
    }

    @Override
    public double derivative(double x, double y) {
        double d = 1 + Math.abs(x);
        return 1 / (d * d);
    }
}
// end-snippet
