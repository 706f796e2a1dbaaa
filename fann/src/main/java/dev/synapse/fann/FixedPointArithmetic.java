package dev.synapse.fann;

/**
 * The integer arithmetic of libfixedfann's {@code fann_run} (FANN 2.2, {@code fann_type} = C {@code int}), as the
 * x86-64 build Debian ships computes it: 32-bit products and sums that wrap on overflow, products shifted right
 * arithmetically (so a negative product is truncated towards minus infinity, not towards zero), C's integer
 * division (towards zero), and C's conversion of a double to int, which on x86-64 gives {@code Integer.MIN_VALUE}
 * for a value out of range, where Java's cast would saturate.
 */
final class FixedPointArithmetic {

    private FixedPointArithmetic() {}

    /**
     * FANN's {@code fann_mult(x, y)}: {@code (x * y) >> decimal_point} in int arithmetic. The shift floors, so
     * {@code -1 · 1} at decimal point 1 is -1, not 0.
     */
    static int multiply(int x, int y, int decimalPoint) {
        return (x * y) >> decimalPoint;
    }

    /** C's {@code (int) value} on x86-64 (cvttsd2si): towards zero; NaN and values out of int range give INT_MIN. */
    static int truncate(double value) {
        return value > -2147483649.0 && value < 2147483648.0 ? (int) value : Integer.MIN_VALUE;
    }

    /**
     * FANN's {@code fann_stepwise} in int arithmetic: {@code min} below {@code v[0]}, {@code max} from
     * {@code v[5]} on, and between two neighbouring points the straight line through them,
     * {@code (r[i+1] - r[i]) · (sum - v[i]) / (v[i+1] - v[i]) + r[i]}, divided as C divides. The comparisons nest as
     * FANN's macro nests them (the fifth point first, then the third), which decides the segment when the points
     * are not ascending.
     *
     * @param v      six sums, starting at {@code offset}
     * @param r      the six results at those sums
     * @param offset where the six sums start in {@code v}
     */
    static int stepwise(int[] v, int offset, int[] r, int min, int max, int sum) {
        if (sum < v[offset + 4]) {
            if (sum < v[offset + 2]) {
                if (sum < v[offset + 1]) {
                    return sum < v[offset] ? min : line(v, offset, r, 0, sum);
                }
                return line(v, offset, r, 1, sum);
            }
            return sum < v[offset + 3] ? line(v, offset, r, 2, sum) : line(v, offset, r, 3, sum);
        }
        return sum < v[offset + 5] ? line(v, offset, r, 4, sum) : max;
    }

    /** FANN's {@code fann_linear_func} between points {@code i} and {@code i + 1}. */
    private static int line(int[] v, int offset, int[] r, int i, int sum) {
        return (r[i + 1] - r[i]) * (sum - v[offset + i]) / (v[offset + i + 1] - v[offset + i]) + r[i];
    }

    /**
     * {@code value} in fixed point, rounded half away from zero as FANN's examples convert inputs
     * ({@code (int) (v < 0 ? v - 0.5 : v + 0.5)} of {@code v = value · multiplier}).
     *
     * @throws IllegalArgumentException if {@code value} is not finite or its fixed-point value does not fit an int
     */
    static int toFixed(double value, int multiplier, String what) {
        double scaled = value * multiplier;
        double rounded = scaled < 0 ? scaled - 0.5 : scaled + 0.5;
        if (!(rounded > -2147483649.0 && rounded < 2147483648.0)) {
            throw new IllegalArgumentException(what + " is " + value + ", which fixed point with multiplier "
                    + multiplier + " cannot hold (libfixedfann's int); give a value within about ±"
                    + (double) Integer.MAX_VALUE / multiplier + ", and within ±1 for results libfixedfann promises");
        }
        return (int) rounded;
    }
}
