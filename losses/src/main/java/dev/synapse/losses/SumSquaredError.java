package dev.synapse.losses;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/**
 * The sum of squared errors over every output of every sample, {@code L = Σ(y - ŷ)²}, with gradient
 * {@code ∂L/∂ŷ = 2(ŷ - y)}. With learning rate 0.5 this is the numpy tutorials' update.
 */
public final class SumSquaredError implements Loss {

    static final SumSquaredError INSTANCE = new SumSquaredError();

    private SumSquaredError() {}

    @Override
    public String name() {
        return "sse";
    }

    @Override
    public Reduction reduction() {
        return Reduction.SUM;
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        SquaredErrors.checkShapes(name(), predicted, target);
        return SquaredErrors.sum(predicted, target);
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        SquaredErrors.checkShapes(name(), predicted, target);
        SquaredErrors.scaledDifference(2, predicted, target, gradient);
    }

    @Override
    public String toString() {
        return name();
    }
}
