package dev.synapse.losses;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/**
 * Half the sum of squared errors, {@code L = ½Σ(y - ŷ)²}, with gradient {@code ∂L/∂ŷ = ŷ - y}. Gives the same
 * steps as {@link SumSquaredError} at twice the learning rate: the tutorials' learning rates apply as printed.
 */
public final class HalfSumSquaredError implements Loss {

    static final HalfSumSquaredError INSTANCE = new HalfSumSquaredError();

    private HalfSumSquaredError() {}

    @Override
    public String name() {
        return "half-sse";
    }

    @Override
    public Reduction reduction() {
        return Reduction.SUM;
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        SquaredErrors.checkShapes(name(), predicted, target);
        return 0.5 * SquaredErrors.sum(predicted, target);
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        SquaredErrors.checkShapes(name(), predicted, target);
        SquaredErrors.scaledDifference(1, predicted, target, gradient);
    }

    @Override
    public String toString() {
        return name();
    }
}
