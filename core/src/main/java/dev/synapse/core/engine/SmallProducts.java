package dev.synapse.core.engine;

import java.util.Arrays;

/**
 * Products for tiny and skinny shapes: plain loops ordered so the innermost loop walks contiguous memory, with no
 * packing, no threads and no allocation once warm (the engine's per-thread buffer holds a transposed copy where a
 * loop would otherwise stride). What a 3→4→1 network on 4 samples should pay: nothing but the arithmetic.
 */
final class SmallProducts {

    private SmallProducts() {}

    /** Products up to this volume (m·n·k) compute each element of C as one dot product. */
    static final int TINY_VOLUME = 4096;

    /** {@code engine} lends its per-thread buffer to the loops that transpose an operand. */
    static void multiply(PackedEngine engine, Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        if ((long) m * n * k <= TINY_VOLUME) {
            tiny(form, a, b, c, m, n, k, accumulate);
            return;
        }
        switch (form) {
            case A_B -> ab(a, b, c, m, n, k, accumulate);
            case AT_B -> atb(engine, a, b, c, m, n, k, accumulate);
            case A_BT -> abt(engine, a, b, c, m, n, k, accumulate);
        }
    }

    /*
     * One strided dot product per element of C: C is written once, nothing is cleared first, and no loop is long
     * enough for vectorized pre- and post-loops to pay off. Elements are computed in 2×2 blocks, four independent
     * sums at a time: a single sum waits on its previous add at every step (k adds in a row, four cycles each),
     * which made this loop two thirds of a W1 epoch. Each sum still runs over p from 0, as the other loops do, so
     * a tutorial network gets the same bits whichever path it takes.
     */
    private static void tiny(Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        int aRowStride = form == Product.AT_B ? 1 : k;
        int aStep = form == Product.AT_B ? m : 1;
        int bColStride = form == Product.A_BT ? k : 1;
        int bStep = form == Product.A_BT ? 1 : n;
        int i = 0;
        for (; i + 1 < m; i += 2) {
            int a0 = i * aRowStride;
            int a1 = a0 + aRowStride;
            int c0 = i * n;
            int c1 = c0 + n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                int b0 = j * bColStride;
                int b1 = b0 + bColStride;
                double s00 = 0;
                double s01 = 0;
                double s10 = 0;
                double s11 = 0;
                for (int p = 0, ap = 0, bp = 0; p < k; p++, ap += aStep, bp += bStep) {
                    double x0 = a[a0 + ap];
                    double x1 = a[a1 + ap];
                    double y0 = b[b0 + bp];
                    double y1 = b[b1 + bp];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                }
                store(c, c0 + j, s00, accumulate);
                store(c, c0 + j + 1, s01, accumulate);
                store(c, c1 + j, s10, accumulate);
                store(c, c1 + j + 1, s11, accumulate);
            }
            if (j < n) {
                int b0 = j * bColStride;
                double s0 = 0;
                double s1 = 0;
                for (int p = 0, ap = 0, bp = b0; p < k; p++, ap += aStep, bp += bStep) {
                    double y = b[bp];
                    s0 += a[a0 + ap] * y;
                    s1 += a[a1 + ap] * y;
                }
                store(c, c0 + j, s0, accumulate);
                store(c, c1 + j, s1, accumulate);
            }
        }
        if (i < m) {
            int a0 = i * aRowStride;
            int c0 = i * n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                int b0 = j * bColStride;
                int b1 = b0 + bColStride;
                double s0 = 0;
                double s1 = 0;
                for (int p = 0, ap = a0, bp = 0; p < k; p++, ap += aStep, bp += bStep) {
                    double x = a[ap];
                    s0 += x * b[b0 + bp];
                    s1 += x * b[b1 + bp];
                }
                store(c, c0 + j, s0, accumulate);
                store(c, c0 + j + 1, s1, accumulate);
            }
            if (j < n) {
                double s = 0;
                for (int p = 0, ap = a0, bp = j * bColStride; p < k; p++, ap += aStep, bp += bStep) {
                    s += a[ap] * b[bp];
                }
                store(c, c0 + j, s, accumulate);
            }
        }
    }

    private static void store(double[] c, int index, double sum, boolean accumulate) {
        c[index] = accumulate ? c[index] + sum : sum;
    }

    /** Below this many columns of C (or inner dimension, for A·Bᵀ) a loop over them is too short to pay for itself. */
    static final int FEW = 8;

    // i-p-j order: the inner loop streams a row of B into a row of C.
    private static void ab(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (n < FEW) {
            abFewColumns(a, b, c, m, n, k, accumulate);
            return;
        }
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0.0);
        }
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            int aRow = i * k;
            for (int p = 0; p < k; p++) {
                double aip = a[aRow + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += aip * b[bRow + j];
                }
            }
        }
    }

    /*
     * An output layer of one or two units: rows of A four at a time are dotted with B's columns two at a time, eight
     * independent sums, so one load of B feeds four sums and no sum waits on its own previous add (two sums a row
     * left W2's 4062×2×32 waiting on add latency). Each sum still runs over p from 0, as in the other loops.
     */
    private static void abFewColumns(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        int i = 0;
        for (; i + 3 < m; i += 4) {
            int a0 = i * k;
            int a1 = a0 + k;
            int a2 = a1 + k;
            int a3 = a2 + k;
            int c0 = i * n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                double s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
                for (int p = 0, bi = j; p < k; p++, bi += n) {
                    double y0 = b[bi];
                    double y1 = b[bi + 1];
                    double x0 = a[a0 + p];
                    double x1 = a[a1 + p];
                    double x2 = a[a2 + p];
                    double x3 = a[a3 + p];
                    s00 += x0 * y0;
                    s01 += x0 * y1;
                    s10 += x1 * y0;
                    s11 += x1 * y1;
                    s20 += x2 * y0;
                    s21 += x2 * y1;
                    s30 += x3 * y0;
                    s31 += x3 * y1;
                }
                store(c, c0 + j, s00, accumulate);
                store(c, c0 + j + 1, s01, accumulate);
                store(c, c0 + n + j, s10, accumulate);
                store(c, c0 + n + j + 1, s11, accumulate);
                store(c, c0 + 2 * n + j, s20, accumulate);
                store(c, c0 + 2 * n + j + 1, s21, accumulate);
                store(c, c0 + 3 * n + j, s30, accumulate);
                store(c, c0 + 3 * n + j + 1, s31, accumulate);
            }
            if (j < n) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int p = 0, bi = j; p < k; p++, bi += n) {
                    double y = b[bi];
                    s0 += a[a0 + p] * y;
                    s1 += a[a1 + p] * y;
                    s2 += a[a2 + p] * y;
                    s3 += a[a3 + p] * y;
                }
                store(c, c0 + j, s0, accumulate);
                store(c, c0 + n + j, s1, accumulate);
                store(c, c0 + 2 * n + j, s2, accumulate);
                store(c, c0 + 3 * n + j, s3, accumulate);
            }
        }
        for (; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0, bi = j; p < k; p++, bi += n) {
                    s += a[aRow + p] * b[bi];
                }
                store(c, cRow + j, s, accumulate);
            }
        }
    }

    // A is stored k×m: row p of A and row p of B both stream, scattered into C by rows.
    private static void atb(PackedEngine engine, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (n < FEW) {
            // Few columns: the loop over rows of C is the long one. It runs along a transposed copy of C, contiguous
            // where C's column is strided, so the JIT vectorizes it (W2's 32×2×4062 ran at 1.7 GFLOP/s down C's
            // columns). Each element still adds its products in order of p onto its starting value: the same bits.
            double[] ct = engine.transposeBuffer(m * n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    ct[j * m + i] = accumulate ? c[i * n + j] : 0;
                }
            }
            for (int p = 0; p < k; p++) {
                int aRow = p * m;
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    double bpj = b[bRow + j];
                    int ctRow = j * m;
                    for (int i = 0; i < m; i++) {
                        ct[ctRow + i] += a[aRow + i] * bpj;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[i * n + j] = ct[j * m + i];
                }
            }
            return;
        }
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0.0);
        }
        for (int p = 0; p < k; p++) {
            int aRow = p * m;
            int bRow = p * n;
            for (int i = 0; i < m; i++) {
                double api = a[aRow + i];
                int cRow = i * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += api * b[bRow + j];
                }
            }
        }
    }

    // B is stored n×k: each element of C is a dot product of two contiguous rows.
    private static void abt(PackedEngine engine, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (k < FEW) {
            // A short inner dimension (the gradient through a layer of one or two units): i-p-j order, so the long
            // loop runs along a row of C, and along a row of B's transposed copy, which the JIT vectorizes where
            // B's column (stride k) it did not. The same sums in the same order.
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0.0);
            }
            double[] bt = engine.transposeBuffer(k * n);
            for (int j = 0; j < n; j++) {
                for (int p = 0; p < k; p++) {
                    bt[p * n + j] = b[j * k + p];
                }
            }
            for (int i = 0; i < m; i++) {
                int aRow = i * k;
                int cRow = i * n;
                for (int p = 0; p < k; p++) {
                    double aip = a[aRow + p];
                    int btRow = p * n;
                    for (int j = 0; j < n; j++) {
                        c[cRow + j] += aip * bt[btRow + j];
                    }
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                int bRow = j * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aRow + p] * b[bRow + p];
                }
                c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
            }
        }
    }
}
