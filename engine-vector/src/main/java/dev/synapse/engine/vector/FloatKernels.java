package dev.synapse.engine.vector;

import jdk.incubator.vector.DoubleVector;
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
 * <p>{@code exp} and the sigmoid widen each half vector to double, use {@link VectorMath#exp} and round the result
 * to float once: within 1 ulp of float (the double exp is within 1 ulp of double), the same bits interpreted or
 * compiled, and no float polynomial of its own to verify.
 */
final class FloatKernels {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of the float tile. */
    static final int MR = 6;
    /** Columns of the float tile: two vectors. */
    static final int NR = 2 * L;
    /**
     * The upper half of a float vector, where a double vector's floats go when narrowed as part -1. Halves of S are
     * reached through S itself (convertShape's parts), never through a half-size float species: a second float vector
     * class in the shared Vector API code left C2 without a constant vector length in the product kernel on JDK 17
     * ("missing constant"), and the kernel fell back to boxed vectors (W3 in float32: 14,000 samples/s).
     */
    private static final VectorMask<Float> UPPER = upperHalf();

    private FloatKernels() {}

    private static VectorMask<Float> upperHalf() {
        boolean[] upper = new boolean[L];
        for (int i = L / 2; i < L; i++) {
            upper[i] = true;
        }
        return VectorMask.fromArray(S, upper, 0);
    }

    /*
     * As the double kernel: 12 accumulators, two vectors of B and one broadcast of A, 15 registers. Each lane's
     * accumulator starts from the tile and takes one fused multiply-add per step: the chain the definition names.
     */
    static void kernel(int kc, float[] a, int aOff, int aRowStride, int aStepStride, float[] b, int bOff,
            float[] tile) {
        if (kc > 0 && ((long) aOff + 5L * aRowStride + (long) (kc - 1) * aStepStride >= a.length
                || bOff + kc * NR > b.length)) {
            throw new IndexOutOfBoundsException("operands shorter than kc = " + kc);
        }
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

    static void axpy(int n, float alpha, float[] x, float[] y) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, y, i).add(FloatVector.fromArray(S, x, i).mul(alpha)).intoArray(y, i);
        }
        for (; i < n; i++) {
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
            FloatVector x = FloatVector.fromArray(S, in, i);
            narrow(VectorMath.exp(widen(x, 0)), VectorMath.exp(widen(x, 1))).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = (float) Math.exp(in[i]);
        }
    }

    static void sigmoid(float[] in, float[] out, int n) {
        DoubleVector one = DoubleVector.broadcast(VectorMath.S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector x = FloatVector.fromArray(S, in, i);
            DoubleVector low = one.div(VectorMath.exp(widen(x, 0).neg()).add(one));
            DoubleVector high = one.div(VectorMath.exp(widen(x, 1).neg()).add(one));
            narrow(low, high).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-in[i])));
        }
    }

    /** Half {@code part} (0: the lower lanes, 1: the upper) of {@code x}, widened exactly to double. */
    private static DoubleVector widen(FloatVector x, int part) {
        return (DoubleVector) x.convertShape(VectorOperators.F2D, VectorMath.S, part);
    }

    /** {@code low}'s lanes then {@code high}'s, each rounded once to float. */
    private static FloatVector narrow(DoubleVector low, DoubleVector high) {
        FloatVector lower = (FloatVector) low.convertShape(VectorOperators.D2F, S, 0);
        FloatVector upper = (FloatVector) high.convertShape(VectorOperators.D2F, S, -1);
        return lower.blend(upper, UPPER);
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
