package dev.synapse.engine.vector;

import dev.synapse.core.engine.PackedEngine;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * An engine on the JDK's Vector API: a 6-row × 2-vector tile of C updated with fused multiply-adds over packed
 * panels (all three product forms share it, since packing normalizes them), and vectorized element-wise passes,
 * including a polynomial {@code exp} for the sigmoid.
 *
 * <p>Found by {@link java.util.ServiceLoader} when this module is on the class path and the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; without the flag its classes cannot link and Synapse silently uses
 * the pure-Java engine. Results agree with the pure-Java engine to rounding: products sum in a different order,
 * and {@code exp} is within 2 ulps of {@link Math#exp}.
 */
public final class VectorEngine extends PackedEngine {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 6;
    private static final int NR = 2 * L;

    /** Used by {@link java.util.ServiceLoader}; fails with a {@link LinkageError} without the Vector API module. */
    public VectorEngine() {
        super(MR, NR);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 10;
    }

    /** Doubles per vector register, e.g. 4 with AVX2. */
    public int lanes() {
        return L;
    }

    /*
     * 12 accumulators, two vectors of B and one broadcast of A: 15 of the 16 AVX2 registers, so the tile never
     * leaves registers. Each step does 12 fused multiply-adds for 2 vector loads and 6 scalar loads.
     */
    @Override
    protected void kernel(int kc, double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, int ldc,
            boolean add) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += MR, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        store(c00, c01, c, cOff, add);
        store(c10, c11, c, cOff + ldc, add);
        store(c20, c21, c, cOff + 2 * ldc, add);
        store(c30, c31, c, cOff + 3 * ldc, add);
        store(c40, c41, c, cOff + 4 * ldc, add);
        store(c50, c51, c, cOff + 5 * ldc, add);
    }

    private static void store(DoubleVector v0, DoubleVector v1, double[] c, int o, boolean add) {
        if (add) {
            v0 = v0.add(DoubleVector.fromArray(S, c, o));
            v1 = v1.add(DoubleVector.fromArray(S, c, o + L));
        }
        v0.intoArray(c, o);
        v1.intoArray(c, o + L);
    }

    // ---------------------------------------------------------------- element-wise passes

    @Override
    public void axpy(int n, double alpha, double[] x, double[] y) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            // y + alpha·x with two roundings, as the scalar loop: the engines agree bit for bit here.
            DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, x, i).mul(alpha)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public void addRowVector(double[] x, int rows, int cols, double[] row) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                DoubleVector.fromArray(S, x, offset + c).add(DoubleVector.fromArray(S, row, c)).intoArray(x, offset + c);
            }
            for (; c < cols; c++) {
                x[offset + c] += row[c];
            }
        }
    }

    @Override
    public void columnSums(double[] x, int rows, int cols, double[] out, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, 0, cols, 0.0);
        }
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                DoubleVector.fromArray(S, out, c).add(DoubleVector.fromArray(S, x, offset + c)).intoArray(out, c);
            }
            for (; c < cols; c++) {
                out[c] += x[offset + c];
            }
        }
    }

    @Override
    public void sigmoid(double[] in, double[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector e = exp(DoubleVector.fromArray(S, in, i).neg());
            DoubleVector.broadcast(S, 1.0).div(e.add(1.0)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = 1 / (1 + Math.exp(-in[i]));
        }
    }

    @Override
    public void sigmoidBackward(double[] y, double[] gradOut, double[] gradIn, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, y, i);
            DoubleVector.fromArray(S, gradOut, i).mul(v.mul(DoubleVector.broadcast(S, 1.0).sub(v))).intoArray(gradIn, i);
        }
        for (; i < n; i++) {
            double v = y[i];
            gradIn[i] = gradOut[i] * (v * (1 - v));
        }
    }

    @Override
    public void relu(double[] in, double[] out, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector v = DoubleVector.fromArray(S, in, i);
            VectorMask<Double> positive = v.compare(VectorOperators.GT, 0.0);
            zero.blend(v, positive).intoArray(out, i);
        }
        for (; i < n; i++) {
            double v = in[i];
            out[i] = v > 0 ? v : 0;
        }
    }

    @Override
    public void reluBackward(double[] x, double[] gradOut, double[] gradIn, int n) {
        DoubleVector zero = DoubleVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Double> positive = DoubleVector.fromArray(S, x, i).compare(VectorOperators.GT, 0.0);
            zero.blend(DoubleVector.fromArray(S, gradOut, i), positive).intoArray(gradIn, i);
        }
        for (; i < n; i++) {
            gradIn[i] = x[i] > 0 ? gradOut[i] : 0;
        }
    }

    // ---------------------------------------------------------------- exp

    private static final double LOG2E = 1.4426950408889634;
    /** ln 2 split so that n·LN2_HI is exact for |n| < 2^11 (fdlibm's constants). */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds to an integer held in the low bits of the mantissa. */
    private static final double ROUND = 0x1.8p52;
    private static final long ROUND_BITS = Double.doubleToRawLongBits(ROUND);
    private static final double LIMIT = 709.0;
    /** 1/i! for i = 13 down to 2: |r| ≤ ln2/2 makes the first omitted term, r^14/14!, below 5e-18. */
    private static final double[] TAYLOR = {
        1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0, 1.0 / 362880.0, 1.0 / 40320.0,
        1.0 / 5040.0, 1.0 / 720.0, 1.0 / 120.0, 1.0 / 24.0, 1.0 / 6.0, 0.5};

    /**
     * {@code e^x}, lane by lane, within 2 ulps of {@link Math#exp} for |x| ≤ 709; x is clamped to ±709 (so the
     * sigmoid saturates to 0 and 1 as it should) and NaN stays NaN. Cody–Waite reduction x = n·ln2 + r, a Taylor
     * polynomial for e^r, and 2^n built in the exponent bits.
     */
    static DoubleVector exp(DoubleVector x) {
        x = x.max(-LIMIT).min(LIMIT);
        DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUND));
        DoubleVector n = t.sub(ROUND);
        DoubleVector r = n.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = n.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(S, TAYLOR[0]);
        for (int i = 1; i < TAYLOR.length; i++) {
            p = p.fma(r, DoubleVector.broadcast(S, TAYLOR[i]));
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        p = p.fma(r, one).fma(r, one);
        LongVector scale = ((LongVector) t.reinterpretAsLongs()).sub(ROUND_BITS - 1023).lanewise(VectorOperators.LSHL, 52);
        return p.mul(scale.reinterpretAsDoubles());
    }
}
