package dev.synapse.losses;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/**
 * The squared-error losses over every output of every sample of a batch of n samples with k outputs:
 * <ul>
 *   <li>{@code sse}, the sum of squared errors, {@code L = Σ(y - ŷ)²}, gradient {@code 2(ŷ - y)}: with learning rate
 *       0.5 this is the numpy tutorials' update;
 *   <li>{@code half-sse}, {@code L = ½Σ(y - ŷ)²}, gradient {@code ŷ - y}: the same steps at twice the learning rate,
 *       so the tutorials' learning rates apply as printed;
 *   <li>{@code mse}, the mean squared error, {@code L = Σ(y - ŷ)² / (n·k)}, gradient {@code 2(ŷ - y) / (n·k)}.
 * </ul>
 * Created through {@link Losses}.
 */
public final class SquaredError implements Loss {

    static final SquaredError SUM = new SquaredError("sse", 1, false);
    static final SquaredError HALF_SUM = new SquaredError("half-sse", 0.5, false);
    static final SquaredError MEAN = new SquaredError("mse", 1, true);

    private final String name;
    private final double factor;
    private final boolean perElement;

    private SquaredError(String name, double factor, boolean perElement) {
        this.name = name;
        this.factor = factor;
        this.perElement = perElement;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Reduction reduction() {
        return perElement ? Reduction.MEAN : Reduction.SUM;
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        checkShapes(name, predicted, target);
        double sum = factor * sum(predicted, target);
        return perElement ? sum / predicted.size() : sum;
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        checkShapes(name, predicted, target);
        scaledDifference(perElement ? 2 * factor / predicted.size() : 2 * factor, predicted, target, gradient);
    }

    @Override
    public String toString() {
        return name;
    }

    // The arithmetic FannMse shares.

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
