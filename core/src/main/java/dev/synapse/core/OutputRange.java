package dev.synapse.core;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The closed interval a bounded activation's (or layer's) outputs lie in, e.g. {@code [0, 1]} for the sigmoid and
 * {@code [-1, 1]} for tanh. The training loop's accuracy for a single output thresholds at its {@link #midpoint()}.
 *
 * @param low  the smallest output
 * @param high the largest output
 */
public record OutputRange(double low, double high) {

    /** The sigmoid's and FANN's asymmetric functions' range, {@code [0, 1]}. */
    public static final OutputRange UNIT = new OutputRange(0, 1);
    /** Tanh's and FANN's symmetric functions' range, {@code [-1, 1]}. */
    public static final OutputRange SYMMETRIC = new OutputRange(-1, 1);

    /**
     * An output range from its bounds.
     *
     * @param low the smallest output, finite
     * @param high the largest output, finite and greater than {@code low}
     * @throws IllegalArgumentException unless both bounds are finite and {@code low < high}
     */
    public OutputRange {
        checkArgument(Double.isFinite(low) && Double.isFinite(high) && low < high,
                "an output range needs finite bounds with low < high, got [%s, %s]", low, high);
    }

    /**
     * {@code (low + high) / 2}: 0.5 for the sigmoid, 0 for tanh.
     *
     * @return the middle of the range, the threshold between a low and a high output
     */
    public double midpoint() {
        return (low + high) / 2;
    }

    /**
     * Whether {@code value} is exactly one of the bounds: a saturated unit's output.
     *
     * @param value an output
     * @return true if {@code value} equals {@code low} or {@code high}
     */
    public boolean isBound(double value) {
        return value == low || value == high;
    }
}
