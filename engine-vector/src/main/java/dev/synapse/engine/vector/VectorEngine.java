package dev.synapse.engine.vector;

import dev.synapse.core.engine.PackedEngine;
import dev.synapse.core.engine.Product;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * An engine on the JDK's Vector API: a 6-row × 2-vector tile of C updated with fused multiply-adds over packed
 * panels (all three product forms share it, since packing normalizes them), and vectorized element-wise passes,
 * including the sigmoid on a vector {@code exp} of its own ({@code VectorMath}) that gives the same bits whether
 * the JIT has compiled it or not.
 *
 * <p>Found by {@link java.util.ServiceLoader} when this module is on the class path and the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; without the flag its classes cannot link and Synapse silently uses
 * the pure-Java engine. Results agree with the pure-Java engine to rounding: products sum in a different order
 * (each element of C still over k in one fixed order, whatever the thread count), and the vector {@code exp} is
 * within 1 ulp of {@link StrictMath#exp}. Every operation is one that IEEE 754 defines exactly, so a run repeats bit
 * for bit on the same CPU type and JDK.
 *
 * <p>float32 runs on {@link FloatKernels}: a 6-row × 2-vector tile of floats (16 lanes on AVX-512, 8 on AVX2) and
 * vectorized float passes. Float products give exactly the pure-Java engine's bits (see
 * {@link dev.synapse.core.engine.Engine}); the scalar tails compute what the defaults do.
 */
public final class VectorEngine extends PackedEngine {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int MR = 6;
    private static final int NR = 2 * L;
    /** Used by {@link java.util.ServiceLoader}; fails with a {@link LinkageError} without the Vector API module. */
    public VectorEngine() {
        super(MR, NR, FloatKernels.MR, FloatKernels.NR);
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int priority() {
        return 10;
    }

    /**
     * Doubles per vector register, e.g. 4 with AVX2.
     *
     * @return the lanes of the preferred double species here: 2 with SSE or NEON, 4 with AVX2, 8 with AVX-512
     */
    public int lanes() {
        return L;
    }

    /*
     * 12 accumulators, two vectors of B and one broadcast of A: 15 of the 16 AVX2 registers, so the tile never
     * leaves registers. Each step does 12 fused multiply-adds for 2 vector loads and 6 scalar loads. Rows adjacent at
     * each step (a packed panel, or a transposed A read in place) get their own loop with constant row offsets: the
     * strided loop's extra index arithmetic measured 30 GFLOP/s against 35 at n = 1024 on one core.
     */
    @Override
    protected void kernel(int kc, double[] a, int aOff, int aRowStride, int aStepStride, double[] b, int bOff,
            double[] tile) {
        // One check up front; loop bounds on the A index let C2 drop most per-step checks (~10% at n = 512).
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

    /** A's six rows adjacent at each step: a packed panel (steps MR apart) or a transposed A read in place. */
    private static void adjacentRowsKernel(int kc, double[] a, int aOff, int aStepStride, double[] b, int bOff,
            double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += aStepStride, bi += NR) {
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
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    private static void stridedKernel(int kc, double[] a, int aOff, int aRowStride, int aStepStride, double[] b,
            int bOff, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = DoubleVector.zero(S);
        DoubleVector c10 = DoubleVector.zero(S), c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S), c21 = DoubleVector.zero(S);
        DoubleVector c30 = DoubleVector.zero(S), c31 = DoubleVector.zero(S);
        DoubleVector c40 = DoubleVector.zero(S), c41 = DoubleVector.zero(S);
        DoubleVector c50 = DoubleVector.zero(S), c51 = DoubleVector.zero(S);
        int r1 = aRowStride;
        int r2 = 2 * aRowStride;
        int r3 = 3 * aRowStride;
        int r4 = 4 * aRowStride;
        int r5 = 5 * aRowStride;
        for (int p = 0, ai = aOff, bi = bOff; p < kc; p++, ai += aStepStride, bi += NR) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, b, bi + L);
            DoubleVector x = DoubleVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = DoubleVector.broadcast(S, a[ai + r1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = DoubleVector.broadcast(S, a[ai + r2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = DoubleVector.broadcast(S, a[ai + r3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = DoubleVector.broadcast(S, a[ai + r4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = DoubleVector.broadcast(S, a[ai + r5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
    }

    /** A full tile moves as 12 vectors; an edge tile takes the scalar loop. Same sums as the scalar merge. */
    @Override
    protected void merge(double[] tile, double[] c, int cOff, int ldc, int height, int width, boolean add) {
        if (height != MR || width != NR) {
            super.merge(tile, c, cOff, ldc, height, width, add);
            return;
        }
        for (int i = 0; i < MR; i++) {
            int row = cOff + i * ldc;
            DoubleVector t0 = DoubleVector.fromArray(S, tile, i * NR);
            DoubleVector t1 = DoubleVector.fromArray(S, tile, i * NR + L);
            if (add) {
                t0 = t0.add(DoubleVector.fromArray(S, c, row));
                t1 = t1.add(DoubleVector.fromArray(S, c, row + L));
            }
            t0.intoArray(c, row);
            t1.intoArray(c, row + L);
        }
    }

    /**
     * Narrow C with A row-major as dot products along k ({@link NarrowProducts}): A is read where it lies, only B
     * (k × n, a few thousand doubles) is transposed.
     */
    @Override
    protected boolean narrowProduct(Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        double[] bt = b;
        if (form == Product.A_B) {
            bt = transposeBuffer(n * k);
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    bt[j * k + p] = b[p * n + j];
                }
            }
        }
        // The tile (MR × 2 vectors) is free here; it holds the 8 vectors of lane sums NarrowProducts needs.
        NarrowProducts.multiply(a, bt, c, m, n, k, accumulate, tileBuffer());
        return true;
    }

    /** Two vector loads and stores per run, where the scalar loop's per-run copy cost more than the copy. */
    @Override
    protected void copyRuns(double[] src, int srcOff, int srcStride, double[] dst, int dstOff, int runs) {
        if (runs > 0 && (srcOff + (long) (runs - 1) * srcStride + NR > src.length || dstOff + (long) runs * NR > dst.length)) {
            throw new IndexOutOfBoundsException("runs past the end of the source or destination");
        }
        for (int r = 0, s = srcOff, d = dstOff; r < runs; r++, s += srcStride, d += NR) {
            DoubleVector.fromArray(S, src, s).intoArray(dst, d);
            DoubleVector.fromArray(S, src, s + L).intoArray(dst, d + L);
        }
    }

    // ---------------------------------------------------------------- element-wise passes

    /**
     * Below this many elements (or columns, for the row-wise passes) the scalar loops of {@link PackedEngine} win:
     * a tutorial network's 4×4 arrays would pay the vector loads' bounds checks for one or two vectors.
     */
    static final int SCALAR_BELOW = 32;

    @Override
    protected void axpyRange(int from, int to, double alpha, double[] x, double[] y) {
        if (to - from < SCALAR_BELOW) {
            super.axpyRange(from, to, alpha, x, y);
            return;
        }
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            // y + alpha·x with two roundings, as the scalar loop: the engines agree bit for bit here.
            DoubleVector.fromArray(S, y, i).add(DoubleVector.fromArray(S, x, i).mul(alpha)).intoArray(y, i);
        }
        for (; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public void addRowVector(double[] x, int rows, int cols, double[] row) {
        if (cols < SCALAR_BELOW) {
            super.addRowVector(x, rows, cols, row);
            return;
        }
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
        if (cols < SCALAR_BELOW) {
            super.columnSums(x, rows, cols, out, accumulate);
            return;
        }
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

    /*
     * Not VectorOperators.EXP: on x86-64 it computes each lane with Math.exp until C2 compiles the caller and then
     * switches to the SVML stub, whose last bits differ, so one training run gave different weights from the next
     * and predict changed its answer after a few hundred calls. VectorMath.exp measured 1.3 ns per element in this
     * sigmoid over 8K doubles against 0.9 for the SVML operator and 5.5 for a Math.exp loop (JDK 17, AVX-512).
     * Tails and short arrays take Math.exp, which is deterministic too (interpreter and compiled code share one
     * stub) and faster than a scalar polynomial.
     */
    @Override
    public void sigmoid(double[] in, double[] out, int n) {
        if (n < SCALAR_BELOW) {
            super.sigmoid(in, out, n);
            return;
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            DoubleVector e = VectorMath.exp(DoubleVector.fromArray(S, in, i).neg());
            one.div(e.add(one)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = 1 / (1 + Math.exp(-in[i]));
        }
    }

    /** {@code out[i] = e^in[i]}: whole vectors with {@link VectorMath}, a tail or a short array with Math.exp. */
    @Override
    public void exp(double[] in, double[] out, int n) {
        if (n < SCALAR_BELOW) {
            super.exp(in, out, n);
            return;
        }
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            VectorMath.exp(DoubleVector.fromArray(S, in, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = Math.exp(in[i]);
        }
    }

    @Override
    public void sigmoidBackward(double[] y, double[] gradOut, double[] gradIn, int n) {
        if (n < SCALAR_BELOW) {
            super.sigmoidBackward(y, gradOut, gradIn, n);
            return;
        }
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
        if (n < SCALAR_BELOW) {
            super.relu(in, out, n);
            return;
        }
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
        if (n < SCALAR_BELOW) {
            super.reluBackward(x, gradOut, gradIn, n);
            return;
        }
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

    // ---------------------------------------------------------------- float32

    @Override
    protected void floatKernel(int kc, float[] a, int aOff, int aRowStride, int aStepStride, float[] b, int bOff,
            float[] tile) {
        FloatKernels.kernel(kc, a, aOff, aRowStride, aStepStride, b, bOff, tile);
    }

    @Override
    protected void axpyRange(int from, int to, float alpha, float[] x, float[] y) {
        FloatKernels.axpy(from, to, alpha, x, y);
    }

    @Override
    public void addRowVector(float[] x, int rows, int cols, float[] row) {
        FloatKernels.addRowVector(x, rows, cols, row);
    }

    @Override
    public void columnSums(float[] x, int rows, int cols, float[] out, boolean accumulate) {
        FloatKernels.columnSums(x, rows, cols, out, accumulate);
    }

    @Override
    public void exp(float[] in, float[] out, int n) {
        FloatKernels.exp(in, out, n);
    }

    @Override
    public void sigmoid(float[] in, float[] out, int n) {
        FloatKernels.sigmoid(in, out, n);
    }

    @Override
    public void sigmoidBackward(float[] y, float[] gradOut, float[] gradIn, int n) {
        FloatKernels.sigmoidBackward(y, gradOut, gradIn, n);
    }

    @Override
    public void relu(float[] in, float[] out, int n) {
        FloatKernels.relu(in, out, n);
    }

    @Override
    public void reluBackward(float[] x, float[] gradOut, float[] gradIn, int n) {
        FloatKernels.reluBackward(x, gradOut, gradIn, n);
    }
}
