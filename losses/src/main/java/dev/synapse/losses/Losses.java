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
        return SumSquaredError.INSTANCE;
    }

    /** {@code ½Σ(y - ŷ)²}, gradient {@code ŷ - y}. */
    public static Loss halfSumSquaredError() {
        return HalfSumSquaredError.INSTANCE;
    }

    /** {@code Σ(y - ŷ)² / (samples·outputs)}, gradient {@code 2(ŷ - y) / (samples·outputs)}. */
    public static Loss meanSquaredError() {
        return MeanSquaredError.INSTANCE;
    }
}
