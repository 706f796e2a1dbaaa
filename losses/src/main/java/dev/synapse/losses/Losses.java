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
}
