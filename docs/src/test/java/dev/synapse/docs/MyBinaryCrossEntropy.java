package dev.synapse.docs;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

// snippet:cross-entropy-loss
/**
 * Binary cross-entropy for outputs in (0, 1), {@code L = -Σ[y ln p + (1 - y) ln(1 - p)]}, with gradient
 * {@code ∂L/∂p = (p - y) / (p (1 - p))}. Predictions are clamped to [1e-12, 1 - 1e-12] so ln stays finite.
 */
public final class MyBinaryCrossEntropy implements Loss {
    private static final double EPSILON = 1e-12;

    @Override public String name() { return "my-binary-cross-entropy"; }
    @Override public Reduction reduction() { return Reduction.SUM; }

    @Override
    public double value(Matrix predicted, Matrix target) {
        double[] p = predicted.data(), y = target.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], EPSILON), 1 - EPSILON);
            sum -= y[i] * Math.log(q) + (1 - y[i]) * Math.log(1 - q);
        }
        return sum;
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        double[] p = predicted.data(), y = target.data(), g = gradient.data();
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(Math.max(p[i], EPSILON), 1 - EPSILON);
            g[i] = (q - y[i]) / (q * (1 - q));
        }
    }
}
// end-snippet
