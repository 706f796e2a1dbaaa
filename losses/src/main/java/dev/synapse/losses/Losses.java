package dev.synapse.losses;

import dev.synapse.core.Loss;

/**
 * The built-in losses.
 *
 * <pre>{@code
 * Sequential.builder()...loss(Losses.sumSquaredError())
 * }</pre>
 */
public final class Losses {

    private Losses() {}

    /** {@code Σ(y - ŷ)²}, gradient {@code 2(ŷ - y)}. */
    public static Loss sumSquaredError() {
        return SquaredError.SUM;
    }

    /** {@code ½Σ(y - ŷ)²}, gradient {@code ŷ - y}. */
    public static Loss halfSumSquaredError() {
        return SquaredError.HALF_SUM;
    }

    /** {@code Σ(y - ŷ)² / (samples·outputs)}, gradient {@code 2(ŷ - y) / (samples·outputs)}. */
    public static Loss meanSquaredError() {
        return SquaredError.MEAN;
    }

    /**
     * FANN's MSE with FANN's default error function, tanh: the value is {@code fann_get_MSE}'s, the gradient FANN's
     * training signal. Pass whether the output layer's activation is symmetric (FANN halves those errors). See
     * {@link FannMse}: this gradient is not the derivative of the value.
     */
    public static FannMse fannMse(boolean symmetricOutput) {
        return new FannMse(symmetricOutput, true);
    }

    /** FANN's MSE with the linear error function (FANN_ERRORFUNC_LINEAR); see {@link FannMse}. */
    public static FannMse fannMseLinear(boolean symmetricOutput) {
        return new FannMse(symmetricOutput, false);
    }

    /**
     * Categorical cross-entropy for one-hot targets after a softmax output, {@code -Σ y·ln p / n}, fused with the
     * softmax into {@code (p - y) / n} with respect to the logits; see {@link CategoricalCrossEntropy}.
     */
    public static CategoricalCrossEntropy categoricalCrossEntropy() {
        return CategoricalCrossEntropy.ONE_HOT;
    }

    /**
     * Categorical cross-entropy for class labels after a softmax output: targets are one column holding each
     * sample's class index 0..k-1; see {@link CategoricalCrossEntropy}.
     */
    public static CategoricalCrossEntropy sparseCategoricalCrossEntropy() {
        return CategoricalCrossEntropy.SPARSE;
    }

    /**
     * Binary cross-entropy after a sigmoid output, {@code -Σ[y·ln p + (1 - y)·ln(1 - p)] / (n·k)}, computed from
     * the logit; see {@link BinaryCrossEntropy}.
     */
    public static BinaryCrossEntropy binaryCrossEntropy() {
        return BinaryCrossEntropy.INSTANCE;
    }
}
