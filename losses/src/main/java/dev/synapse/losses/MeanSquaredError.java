package dev.synapse.losses;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/**
 * The mean squared error over every output of every sample of a batch of n samples with k outputs,
 * {@code L = Σ(y - ŷ)² / (n·k)}, with gradient {@code ∂L/∂ŷ = 2(ŷ - y) / (n·k)}.
 */
public final class MeanSquaredError implements Loss {

    static final MeanSquaredError INSTANCE = new MeanSquaredError();

    private MeanSquaredError() {}

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public Reduction reduction() {
        return Reduction.MEAN;
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        SquaredErrors.checkShapes(name(), predicted, target);
        return SquaredErrors.sum(predicted, target) / predicted.size();
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        SquaredErrors.checkShapes(name(), predicted, target);
        SquaredErrors.scaledDifference(2.0 / predicted.size(), predicted, target, gradient);
    }

    @Override
    public String toString() {
        return name();
    }
}
