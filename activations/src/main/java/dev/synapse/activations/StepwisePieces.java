package dev.synapse.activations;

/**
 * One of FANN's stepwise sigmoids ({@code fann_activation.h}'s {@code fann_stepwise}): six breakpoints in
 * {@code u = s·x}, linear between neighbours, {@code min} below the first and {@code max} from the last.
 *
 * <p>{@link #value(double)} is FANN's tree of comparisons, as FANN writes it. {@link #apply} computes the same
 * numbers for a whole array without that tree: the piece of u is the number of breakpoints at or below it (a sum of
 * comparisons, no branch a processor can mispredict), and the piece's line is read from tables. Each table entry is
 * the very subtraction FANN's {@code fann_linear_func} does per call ({@code r2 - r1}, {@code v2 - v1}), done once,
 * so every result is bit-identical to {@link #value(double)}; the ends are pieces whose rise is 0 and whose base is
 * {@code min} or {@code max}. A NaN or infinite u (which FANN's tree sends to {@code max}) takes the tree.
 */
final class StepwisePieces {

    // The breakpoints and values of fann_activation.h, in u = s·x, exactly as FANN writes them (floats printed to
    // 20 digits).
    static final StepwisePieces SIGMOID = new StepwisePieces(new double[] {-2.64665246009826660156e+00,
            -1.47221946716308593750e+00, -5.49306154251098632812e-01, 5.49306154251098632812e-01,
            1.47221934795379638672e+00, 2.64665293693542480469e+00}, new double[] {4.99999988824129104614e-03,
            5.00000007450580596924e-02, 2.50000000000000000000e-01, 7.50000000000000000000e-01,
            9.49999988079071044922e-01, 9.95000004768371582031e-01}, 0, 1);
    static final StepwisePieces SYMMETRIC = new StepwisePieces(new double[] {-2.64665293693542480469e+00,
            -1.47221934795379638672e+00, -5.49306154251098632812e-01, 5.49306154251098632812e-01,
            1.47221934795379638672e+00, 2.64665293693542480469e+00}, new double[] {-9.90000009536743164062e-01,
            -8.99999976158142089844e-01, -5.00000000000000000000e-01, 5.00000000000000000000e-01,
            8.99999976158142089844e-01, 9.90000009536743164062e-01}, -1, 1);

    private final double[] v;
    private final double[] r;
    private final double min;
    private final double max;
    // Piece k (k breakpoints at or below u) is rise[k] * (u - from[k]) / run[k] + base[k].
    private final double[] from = new double[7];
    private final double[] rise = new double[7];
    private final double[] run = new double[7];
    private final double[] base = new double[7];

    private StepwisePieces(double[] v, double[] r, double min, double max) {
        this.v = v;
        this.r = r;
        this.min = min;
        this.max = max;
        run[0] = 1;
        base[0] = min;
        for (int k = 1; k < 6; k++) {
            from[k] = v[k - 1];
            rise[k] = r[k] - r[k - 1];
            run[k] = v[k] - v[k - 1];
            base[k] = r[k - 1];
        }
        run[6] = 1;
        base[6] = max;
    }

    /** FANN's {@code fann_stepwise} at u, with the same comparisons in the same order. */
    double value(double u) {
        if (u < v[4]) {
            if (u < v[2]) {
                if (u < v[1]) {
                    return u < v[0] ? min : line(v[0], r[0], v[1], r[1], u);
                }
                return line(v[1], r[1], v[2], r[2], u);
            }
            return u < v[3] ? line(v[2], r[2], v[3], r[3], u) : line(v[3], r[3], v[4], r[4], u);
        }
        return u < v[5] ? line(v[4], r[4], v[5], r[5], u) : max;
    }

    /** fann_activation.h's {@code fann_linear_func}: the line through (v1, r1) and (v2, r2) at u. */
    private static double line(double v1, double r1, double v2, double r2, double u) {
        return (r2 - r1) * (u - v1) / (v2 - v1) + r1;
    }

    /**
     * {@code out[i] = value(clip(s·in[i]))} for the first {@code in.length} elements, where clip limits the scaled
     * sum to ±maxSum as FANN's {@code fann_run} does; {@code out} may be {@code in}.
     */
    void apply(double[] in, double[] out, double steepness, double maxSum) {
        double v0 = v[0];
        double v1 = v[1];
        double v2 = v[2];
        double v3 = v[3];
        double v4 = v[4];
        double v5 = v[5];
        for (int i = 0; i < in.length; i++) {
            double u = steepness * in[i];
            u = u > maxSum ? maxSum : u < -maxSum ? -maxSum : u;
            if (!(Math.abs(u) <= Double.MAX_VALUE)) {
                out[i] = value(u);
                continue;
            }
            int k = (u < v0 ? 0 : 1) + (u < v1 ? 0 : 1) + (u < v2 ? 0 : 1) + (u < v3 ? 0 : 1) + (u < v4 ? 0 : 1)
                    + (u < v5 ? 0 : 1);
            out[i] = rise[k] * (u - from[k]) / run[k] + base[k];
        }
    }
}
