package dev.synapse.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector engine's float32 arithmetic on {@link FloatVector#SPECIES_PREFERRED} (16 floats on AVX-512, 8 on AVX2):
 * the product's micro-kernel and the element-wise passes. Each pass handles whole vectors and then a scalar tail
 * that computes exactly what {@link dev.synapse.core.engine.Engine}'s float defaults compute, so a short array and
 * the tail of a long one give the defaults' bits.
 *
 * <p>{@code exp} and the sigmoid compute in float with {@link FloatMath#exp} (exp within 1 ulp, the sigmoid within
 * 2), the same bits interpreted or compiled. Every float vector here is of species {@link #S}: a second float vector class (a
 * half-width species, once used to widen halves to double) left C2 on JDK 17 without a constant vector length in
 * the product kernel ("missing constant") and the kernel fell back to boxed vectors (W3 in float32: 14,000
 * samples/s).
 */
final class FloatKernels {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the float tile. */
    static final int MR = 6;
    /** Columns of the float tile: two vectors. */
    static final int NR = 2 * L;

    private FloatKernels() {}

    /*
     * As the double kernel: 12 accumulators, two vectors of B and one broadcast of A, 15 registers, which AVX2's 16
     * hold too (8 rows, 19 registers, measured 3-7% faster on AVX-512 but would spill on AVX2). Each lane's
     * accumulator starts from the tile and takes one fused multiply-add per step: the chain the definition names.
     * Rows adjacent at each step (a zero-padded edge panel, or a transposed A read in place) get a loop with constant
     * row offsets, as the double kernel's packed panels do.
     */
    static void kernel(int kc, float[] a, int aOff, int aRowStride, int aStepStride, float[] b, int bOff,
            float[] tile) {
        if (kc > 0 && ((long) aOff + 5L * aRowStride + (long) (kc - 1) * aStepStride >= a.length
                || bOff + kc * NR > b.length)) {
            throw new IndexOutOfBoundsException("operands shorter than kc = " + kc);
        }
        if (aRowStride == 1) {
            adjacentRowsKernel(kc, a, aOff, aStepStride, b, bOff, tile);
        } else {
            stridedKernel(kc, a, aOff, aRowStride, aStepStride, b, bOff, tile);
        }
    }

    private static void adjacentRowsKernel(int kc, float[] a, int aOff, int aStepStride, float[] b, int bOff,
            float[] tile) {
        FloatVector t00 = FloatVector.fromArray(S, tile, 0), t01 = FloatVector.fromArray(S, tile, L);
        FloatVector t10 = FloatVector.fromArray(S, tile, NR), t11 = FloatVector.fromArray(S, tile, NR + L);
        FloatVector t20 = FloatVector.fromArray(S, tile, 2 * NR), t21 = FloatVector.fromArray(S, tile, 2 * NR + L);
        FloatVector t30 = FloatVector.fromArray(S, tile, 3 * NR), t31 = FloatVector.fromArray(S, tile, 3 * NR + L);
        FloatVector t40 = FloatVector.fromArray(S, tile, 4 * NR), t41 = FloatVector.fromArray(S, tile, 4 * NR + L);
        FloatVector t50 = FloatVector.fromArray(S, tile, 5 * NR), t51 = FloatVector.fromArray(S, tile, 5 * NR + L);
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += aStepStride, bi += NR) {
            FloatVector y0 = FloatVector.fromArray(S, b, bi);
            FloatVector y1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            t00 = x.fma(y0, t00);
            t01 = x.fma(y1, t01);
            x = FloatVector.broadcast(S, a[ai + 1]);
            t10 = x.fma(y0, t10);
            t11 = x.fma(y1, t11);
            x = FloatVector.broadcast(S, a[ai + 2]);
            t20 = x.fma(y0, t20);
            t21 = x.fma(y1, t21);
            x = FloatVector.broadcast(S, a[ai + 3]);
            t30 = x.fma(y0, t30);
            t31 = x.fma(y1, t31);
            x = FloatVector.broadcast(S, a[ai + 4]);
            t40 = x.fma(y0, t40);
            t41 = x.fma(y1, t41);
            x = FloatVector.broadcast(S, a[ai + 5]);
            t50 = x.fma(y0, t50);
            t51 = x.fma(y1, t51);
        }
        t00.intoArray(tile, 0);
        t01.intoArray(tile, L);
        t10.intoArray(tile, NR);
        t11.intoArray(tile, NR + L);
        t20.intoArray(tile, 2 * NR);
        t21.intoArray(tile, 2 * NR + L);
        t30.intoArray(tile, 3 * NR);
        t31.intoArray(tile, 3 * NR + L);
        t40.intoArray(tile, 4 * NR);
        t41.intoArray(tile, 4 * NR + L);
        t50.intoArray(tile, 5 * NR);
        t51.intoArray(tile, 5 * NR + L);
    }

    private static void stridedKernel(int kc, float[] a, int aOff, int aRowStride, int aStepStride, float[] b,
            int bOff, float[] tile) {
        FloatVector t00 = FloatVector.fromArray(S, tile, 0), t01 = FloatVector.fromArray(S, tile, L);
        FloatVector t10 = FloatVector.fromArray(S, tile, NR), t11 = FloatVector.fromArray(S, tile, NR + L);
        FloatVector t20 = FloatVector.fromArray(S, tile, 2 * NR), t21 = FloatVector.fromArray(S, tile, 2 * NR + L);
        FloatVector t30 = FloatVector.fromArray(S, tile, 3 * NR), t31 = FloatVector.fromArray(S, tile, 3 * NR + L);
        FloatVector t40 = FloatVector.fromArray(S, tile, 4 * NR), t41 = FloatVector.fromArray(S, tile, 4 * NR + L);
        FloatVector t50 = FloatVector.fromArray(S, tile, 5 * NR), t51 = FloatVector.fromArray(S, tile, 5 * NR + L);
        int r1 = aRowStride;
        int r2 = 2 * aRowStride;
        int r3 = 3 * aRowStride;
        int r4 = 4 * aRowStride;
        int r5 = 5 * aRowStride;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += aStepStride, bi += NR) {
            FloatVector y0 = FloatVector.fromArray(S, b, bi);
            FloatVector y1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            t00 = x.fma(y0, t00);
            t01 = x.fma(y1, t01);
            x = FloatVector.broadcast(S, a[ai + r1]);
            t10 = x.fma(y0, t10);
            t11 = x.fma(y1, t11);
            x = FloatVector.broadcast(S, a[ai + r2]);
            t20 = x.fma(y0, t20);
            t21 = x.fma(y1, t21);
            x = FloatVector.broadcast(S, a[ai + r3]);
            t30 = x.fma(y0, t30);
            t31 = x.fma(y1, t31);
            x = FloatVector.broadcast(S, a[ai + r4]);
            t40 = x.fma(y0, t40);
            t41 = x.fma(y1, t41);
            x = FloatVector.broadcast(S, a[ai + r5]);
            t50 = x.fma(y0, t50);
            t51 = x.fma(y1, t51);
        }
        t00.intoArray(tile, 0);
        t01.intoArray(tile, L);
        t10.intoArray(tile, NR);
        t11.intoArray(tile, NR + L);
        t20.intoArray(tile, 2 * NR);
        t21.intoArray(tile, 2 * NR + L);
        t30.intoArray(tile, 3 * NR);
        t31.intoArray(tile, 3 * NR + L);
        t40.intoArray(tile, 4 * NR);
        t41.intoArray(tile, 4 * NR + L);
        t50.intoArray(tile, 5 * NR);
        t51.intoArray(tile, 5 * NR + L);
    }

    static void axpy(int from, int to, float alpha, float[] x, float[] y) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector.fromArray(S, y, i).add(FloatVector.fromArray(S, x, i).mul(alpha)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void addRowVector(float[] x, int rows, int cols, float[] row) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, x, offset + c).add(FloatVector.fromArray(S, row, c)).intoArray(x, offset + c);
            }
            for (; c < cols; c++) {
                x[offset + c] += row[c];
            }
        }
    }

    static void columnSums(float[] x, int rows, int cols, float[] out, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, 0, cols, 0f);
        }
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, out, c).add(FloatVector.fromArray(S, x, offset + c)).intoArray(out, c);
            }
            for (; c < cols; c++) {
                out[c] += x[offset + c];
            }
        }
    }

    static void exp(float[] in, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatMath.exp(FloatVector.fromArray(S, in, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = (float) Math.exp(in[i]);
        }
    }

    /*
     * 1 / (1 + e^-x), except below -80, where e^-x would overflow float (the sigmoid of -88.77 is the subnormal
     * 2.8e-39, not 1 / ∞) and the sigmoid equals e^x to far below an ulp (e^x / (1 + e^x) with e^x < 1.9e-35).
     */
    static void sigmoid(float[] in, float[] out, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            VectorMask<Float> tiny = x.compare(VectorOperators.LT, -80f);
            FloatVector e = FloatMath.exp(x.neg().blend(x, tiny));
            one.div(e.add(one)).blend(e, tiny).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-in[i])));
        }
    }

    static void sigmoidBackward(float[] y, float[] gradOut, float[] gradIn, int n) {
        FloatVector one = FloatVector.broadcast(S, 1f);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, y, i);
            FloatVector.fromArray(S, gradOut, i).mul(v.mul(one.sub(v))).intoArray(gradIn, i);
        }
        for (; i < n; i++) {
            float v = y[i];
            gradIn[i] = gradOut[i] * (v * (1 - v));
        }
    }

    static void relu(float[] in, float[] out, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, in, i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            zero.blend(v, positive).intoArray(out, i);
        }
        for (; i < n; i++) {
            float v = in[i];
            out[i] = v > 0 ? v : 0;
        }
    }

    static void reluBackward(float[] x, float[] gradOut, float[] gradIn, int n) {
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, gradOut, i), positive).intoArray(gradIn, i);
        }
        for (; i < n; i++) {
            gradIn[i] = x[i] > 0 ? gradOut[i] : 0;
        }
    }
}
