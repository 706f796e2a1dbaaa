package dev.synapse.engine.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = A·B for C narrower than one tile (an output layer of 10 units) with A row-major: every element of C is the dot
 * product of a row of A with a row of Bᵀ, both contiguous, so the vectors run along k. Nothing of A is packed, where
 * the swapped packed product copies all of it (and that copy was most of its time at 64×10×128).
 *
 * <p>Each element's sum is taken in one fixed order, whatever the JIT has compiled: lane l adds the products
 * {@code p ≡ l (mod lanes)} in order, with fused multiply-adds; the lanes are then added from the first to the last,
 * then the products past the last whole vector, in order. No floating-point reduction operator is used: its order
 * is left to the implementation.
 */
final class NarrowProducts {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private NarrowProducts() {}

    /**
     * {@code c = a · btᵀ} (or {@code c += …}): a is m×k row-major, bt is n×k row-major (B transposed), c is m×n.
     *
     * @param lanes scratch of at least {@code 8 · lanes} doubles, overwritten
     */
    static void multiply(double[] a, double[] bt, double[] c, int m, int n, int k, boolean accumulate,
            double[] lanes) {
        if ((long) m * k > a.length || (long) n * k > bt.length || (long) m * n > c.length || lanes.length < 8 * L) {
            throw new IndexOutOfBoundsException("operands shorter than m = " + m + ", n = " + n + ", k = " + k);
        }
        int bound = S.loopBound(k);
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int j = 0;
            for (; j + 1 < n; j += 2) {
                block4x2(a, i * k, bt, j * k, k, bound, lanes);
                for (int r = 0; r < 4; r++) {
                    for (int s = 0; s < 2; s++) {
                        store(c, (i + r) * n + j + s, finish(lanes, (r * 2 + s) * L, a, (i + r) * k, bt,
                                (j + s) * k, bound, k), accumulate);
                    }
                }
            }
            for (; j < n; j++) {
                for (int r = 0; r < 4; r++) {
                    store(c, (i + r) * n + j, dot(a, (i + r) * k, bt, j * k, k, bound, lanes), accumulate);
                }
            }
        }
        for (; i < m; i++) {
            for (int j = 0; j < n; j++) {
                store(c, i * n + j, dot(a, i * k, bt, j * k, k, bound, lanes), accumulate);
            }
        }
    }

    /*
     * Eight sums, four rows of A against two rows of Bᵀ: each step loads six vectors for eight fused multiply-adds,
     * and eight independent chains cover the FMA latency. The lane sums go to lanes[(2r + s)·L ...].
     */
    private static void block4x2(double[] a, int a0, double[] bt, int b0, int k, int bound, double[] lanes) {
        DoubleVector s00 = DoubleVector.zero(S), s01 = DoubleVector.zero(S);
        DoubleVector s10 = DoubleVector.zero(S), s11 = DoubleVector.zero(S);
        DoubleVector s20 = DoubleVector.zero(S), s21 = DoubleVector.zero(S);
        DoubleVector s30 = DoubleVector.zero(S), s31 = DoubleVector.zero(S);
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        int b1 = b0 + k;
        for (int p = 0; p < bound; p += L) {
            DoubleVector y0 = DoubleVector.fromArray(S, bt, b0 + p);
            DoubleVector y1 = DoubleVector.fromArray(S, bt, b1 + p);
            DoubleVector x = DoubleVector.fromArray(S, a, a0 + p);
            s00 = x.fma(y0, s00);
            s01 = x.fma(y1, s01);
            x = DoubleVector.fromArray(S, a, a1 + p);
            s10 = x.fma(y0, s10);
            s11 = x.fma(y1, s11);
            x = DoubleVector.fromArray(S, a, a2 + p);
            s20 = x.fma(y0, s20);
            s21 = x.fma(y1, s21);
            x = DoubleVector.fromArray(S, a, a3 + p);
            s30 = x.fma(y0, s30);
            s31 = x.fma(y1, s31);
        }
        s00.intoArray(lanes, 0);
        s01.intoArray(lanes, L);
        s10.intoArray(lanes, 2 * L);
        s11.intoArray(lanes, 3 * L);
        s20.intoArray(lanes, 4 * L);
        s21.intoArray(lanes, 5 * L);
        s30.intoArray(lanes, 6 * L);
        s31.intoArray(lanes, 7 * L);
    }

    /** One dot product in the same order as a block's: lane sums, then the lanes in order, then the tail. */
    private static double dot(double[] a, int aRow, double[] bt, int bRow, int k, int bound, double[] lanes) {
        DoubleVector sum = DoubleVector.zero(S);
        for (int p = 0; p < bound; p += L) {
            sum = DoubleVector.fromArray(S, a, aRow + p).fma(DoubleVector.fromArray(S, bt, bRow + p), sum);
        }
        sum.intoArray(lanes, 0);
        return finish(lanes, 0, a, aRow, bt, bRow, bound, k);
    }

    /** The lanes at {@code lanes[off ...]} added in order, then the products from {@code bound} to k. */
    private static double finish(double[] lanes, int off, double[] a, int aRow, double[] bt, int bRow, int bound,
            int k) {
        double total = 0;
        for (int l = 0; l < L; l++) {
            total += lanes[off + l];
        }
        for (int p = bound; p < k; p++) {
            total = Math.fma(a[aRow + p], bt[bRow + p], total);
        }
        return total;
    }

    private static void store(double[] c, int index, double sum, boolean accumulate) {
        c[index] = accumulate ? c[index] + sum : sum;
    }
}
