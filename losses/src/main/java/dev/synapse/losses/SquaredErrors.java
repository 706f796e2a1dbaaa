package dev.synapse.losses;

import dev.synapse.core.Matrix;

/** The arithmetic the squared-error losses share: one pass for the value, one for the gradient. */
final class SquaredErrors {

    private SquaredErrors() {}

    static void checkShapes(String loss, Matrix predicted, Matrix target) {
        if (predicted.rows() != target.rows() || predicted.cols() != target.cols()) {
            throw new IllegalArgumentException(loss + ": predictions are " + predicted.shape() + " but targets are "
                    + target.shape() + "; they must have the same shape");
        }
    }

    /** {@code Σ(y - ŷ)²}. */
    static double sum(Matrix predicted, Matrix target) {
        double[] p = predicted.data();
        double[] t = target.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = t[i] - p[i];
            sum += d * d;
        }
        return sum;
    }

    /** {@code gradient = scale · (ŷ - y)}. */
    static void scaledDifference(double scale, Matrix predicted, Matrix target, Matrix gradient) {
        double[] p = predicted.data();
        double[] t = target.data();
        double[] g = gradient.data();
        if (g.length != p.length) {
            throw new IllegalArgumentException("the gradient matrix is " + gradient.shape() + " but predictions are "
                    + predicted.shape());
        }
        for (int i = 0; i < p.length; i++) {
            g[i] = scale * (p[i] - t[i]);
        }
    }
}
