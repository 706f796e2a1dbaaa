package dev.synapse.core.engine;

import java.util.Arrays;

/**
 * Products for tiny and skinny shapes: plain loops ordered so the innermost loop walks contiguous memory, with no
 * packing, no threads and no allocation. What a 3→4→1 network on 4 samples should pay: nothing but the arithmetic.
 */
final class SmallProducts {

    private SmallProducts() {}

    /** Products up to this volume (m·n·k) compute each element of C as one dot product. */
    static final int TINY_VOLUME = 4096;

    static void multiply(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if ((long) m * n * k <= TINY_VOLUME) {
            tiny(form, a, b, c, m, n, k, accumulate);
            return;
        }
        switch (form) {
            case A_B -> ab(a, b, c, m, n, k, accumulate);
            case AT_B -> atb(a, b, c, m, n, k, accumulate);
            case A_BT -> abt(a, b, c, m, n, k, accumulate);
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
     * An output layer of one or two units: each row of A is dotted with B's columns two at a time, so one load of
     * A feeds two independent sums and no loop runs over the handful of columns.
     */
    private static void abFewColumns(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            int j = 0;
            for (; j + 1 < n; j += 2) {
                double s0 = 0;
                double s1 = 0;
                for (int p = 0, bi = j; p < k; p++, bi += n) {
                    double ap = a[aRow + p];
                    s0 += ap * b[bi];
                    s1 += ap * b[bi + 1];
                }
                c[cRow + j] = accumulate ? c[cRow + j] + s0 : s0;
                c[cRow + j + 1] = accumulate ? c[cRow + j + 1] + s1 : s1;
            }
            if (j < n) {
                double s = 0;
                for (int p = 0, bi = j; p < k; p++, bi += n) {
                    s += a[aRow + p] * b[bi];
                }
                c[cRow + j] = accumulate ? c[cRow + j] + s : s;
            }
        }
    }

    // A is stored k×m: row p of A and row p of B both stream, scattered into C by rows.
    private static void atb(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0.0);
        }
        if (n < FEW) {
            // Few columns: the loop over rows of C is the long one; B's handful of values per step stay in registers.
            for (int p = 0; p < k; p++) {
                int aRow = p * m;
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    double bpj = b[bRow + j];
                    for (int i = 0, ci = j; i < m; i++, ci += n) {
                        c[ci] += a[aRow + i] * bpj;
                    }
                }
            }
            return;
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
    private static void abt(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (k < FEW) {
            // A short inner dimension (the gradient through a layer of one or two units): i-p-j order, so the long
            // loop runs along a row of C and reads B down a column.
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0.0);
            }
            for (int i = 0; i < m; i++) {
                int aRow = i * k;
                int cRow = i * n;
                for (int p = 0; p < k; p++) {
                    double aip = a[aRow + p];
                    for (int j = 0, bi = p; j < n; j++, bi += k) {
                        c[cRow + j] += aip * b[bi];
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
