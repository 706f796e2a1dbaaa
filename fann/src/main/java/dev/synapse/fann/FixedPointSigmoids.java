package dev.synapse.fann;

import static dev.synapse.fann.FixedPointArithmetic.truncate;

/**
 * The six points of libfixedfann's stepwise sigmoids for one multiplier, as FANN 2.2's {@code fann_update_stepwise}
 * computes them when {@code fann_create_from_file} loads a fixed-point file: the results (FANN_SIGMOID's 0.005,
 * 0.05, 0.25, 0.75, 0.95, 0.995 and FANN_SIGMOID_SYMMETRIC's ±0.99, ±0.9, ±0.5 in fixed point, each rounded and
 * kept one step inside the range) and the sums at which the sigmoid reaches them, in fixed point squared. A neuron
 * divides those sums by its steepness; {@code fann_run} compares its unscaled sum with the quotients.
 *
 * <p>The sums are worked out as FANN's C does: the ratio in single precision, its logarithm and the rest in double,
 * converted to int as x86-64 converts; from decimal point 16 on they exceed an int and all become INT_MIN, so
 * libfixedfann's sigmoids stop working there, and so do these.
 */
final class FixedPointSigmoids {

    /** FANN_SIGMOID's results, its sums, FANN_SIGMOID_SYMMETRIC's results and its sums: six each. */
    final int[] results = new int[6];
    final int[] sums = new int[6];
    final int[] symmetricResults = new int[6];
    final int[] symmetricSums = new int[6];

    FixedPointSigmoids(int multiplier) {
        // The multiplier is an unsigned int in FANN; every value here is small enough for int arithmetic.
        double m = multiplier;
        results[0] = Math.max(truncate(m / 200.0 + 0.5), 1);
        results[1] = Math.max(truncate(m / 20.0 + 0.5), 1);
        results[2] = Math.max(truncate(m / 4.0 + 0.5), 1);
        results[3] = Math.min(multiplier - truncate(m / 4.0 + 0.5), multiplier - 1);
        results[4] = Math.min(multiplier - truncate(m / 20.0 + 0.5), multiplier - 1);
        results[5] = Math.min(multiplier - truncate(m / 200.0 + 0.5), multiplier - 1);
        symmetricResults[0] = Math.max(truncate(m / 100.0 - m - 0.5), 1 - multiplier);
        symmetricResults[1] = Math.max(truncate(m / 10.0 - m - 0.5), 1 - multiplier);
        symmetricResults[2] = Math.max(truncate(m / 2.0 - m - 0.5), 1 - multiplier);
        symmetricResults[3] = Math.min(multiplier - truncate(m / 2.0 + 0.5), multiplier - 1);
        symmetricResults[4] = Math.min(multiplier - truncate(m / 10.0 + 0.5), multiplier - 1);
        symmetricResults[5] = Math.min(multiplier - truncate(m / 100.0 + 1.0), multiplier - 1);
        float mf = multiplier;
        for (int i = 0; i < 6; i++) {
            // C: log(multiplier / (float) r - 1), the argument a float.
            float ratio = mf / (float) results[i] - 1;
            sums[i] = truncate(StrictMath.log(ratio) * mf / -2.0 * mf);
            float r = symmetricResults[i];
            float symmetricRatio = (mf - r) / (r + mf);
            symmetricSums[i] = truncate(StrictMath.log(symmetricRatio) * mf / -2.0 * mf);
        }
    }
}
