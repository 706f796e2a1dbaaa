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

    /**
     * {@code Σ(y - ŷ)²}, gradient {@code 2(ŷ - y)}.
     *
     * @return the sum of squared errors over every sample and output, the tutorials' loss; shared, stateless
     */
    public static Loss sumSquaredError() {
        return SquaredError.SUM;
    }

    /**
     * {@code ½Σ(y - ŷ)²}, gradient {@code ŷ - y}.
     *
     * @return half the sum of squared errors, whose gradient is the plain difference; shared, stateless
     */
    public static Loss halfSumSquaredError() {
        return SquaredError.HALF_SUM;
    }

    /**
     * {@code Σ(y - ŷ)² / (samples·outputs)}, gradient {@code 2(ŷ - y) / (samples·outputs)}.
     *
     * @return the squared error averaged over samples and outputs, so its size does not grow with the batch
     */
    public static Loss meanSquaredError() {
        return SquaredError.MEAN;
    }

    /**
     * FANN's MSE with FANN's default error function, tanh: the value is {@code fann_get_MSE}'s, the gradient FANN's
     * training signal. Pass whether the output layer's activation is symmetric (FANN halves those errors). See
     * {@link FannMse}: this gradient is not the derivative of the value.
     *
     * @param symmetricOutput true when the output activation ranges over -1..1 (e.g. symmetric sigmoid), as FANN asks
     * @return FANN's MSE loss with the tanh error function, named {@code "fann-mse"} or {@code "fann-mse-symmetric"}
     */
    public static FannMse fannMse(boolean symmetricOutput) {
        return new FannMse(symmetricOutput, true);
    }

    /**
     * FANN's MSE with the linear error function (FANN_ERRORFUNC_LINEAR); see {@link FannMse}.
     *
     * @param symmetricOutput true when the output activation ranges over -1..1 (e.g. symmetric sigmoid), as FANN asks
     * @return FANN's MSE loss with the linear error function, named {@code "fann-mse-linear[-symmetric]"}
     */
    public static FannMse fannMseLinear(boolean symmetricOutput) {
        return new FannMse(symmetricOutput, false);
    }

    /**
     * Categorical cross-entropy for one-hot targets after a softmax output, {@code -Σ y·ln p / n}, fused with the
     * softmax into {@code (p - y) / n} with respect to the logits; see {@link CategoricalCrossEntropy}.
     *
     * @return the one-hot categorical cross-entropy, in nats per sample; shared, stateless
     */
    public static CategoricalCrossEntropy categoricalCrossEntropy() {
        return CategoricalCrossEntropy.ONE_HOT;
    }

    /**
     * Categorical cross-entropy for class labels after a softmax output: targets are one column holding each
     * sample's class index 0..k-1; see {@link CategoricalCrossEntropy}.
     *
     * @return the categorical cross-entropy over class-index targets, in nats per sample; shared, stateless
     */
    public static CategoricalCrossEntropy sparseCategoricalCrossEntropy() {
        return CategoricalCrossEntropy.SPARSE;
    }

    /**
     * Binary cross-entropy after a sigmoid output, {@code -Σ[y·ln p + (1 - y)·ln(1 - p)] / (n·k)}, computed from
     * the logit; see {@link BinaryCrossEntropy}.
     *
     * @return the binary cross-entropy, in nats per output; shared, stateless
     */
    public static BinaryCrossEntropy binaryCrossEntropy() {
        return BinaryCrossEntropy.INSTANCE;
    }
}
