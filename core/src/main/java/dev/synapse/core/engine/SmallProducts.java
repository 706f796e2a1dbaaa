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
     * enough for vectorized pre- and post-loops to pay off. The sum runs over p from 0, as the other loops do, so a
     * tutorial network gets the same bits whichever path it takes.
     */
    private static void tiny(Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        int aRowStride = form == Product.AT_B ? 1 : k;
        int aStep = form == Product.AT_B ? m : 1;
        int bColStride = form == Product.A_BT ? k : 1;
        int bStep = form == Product.A_BT ? 1 : n;
        for (int i = 0; i < m; i++) {
            int aRow = i * aRowStride;
            int cRow = i * n;
            for (int j = 0; j < n; j++) {
                int ai = aRow;
                int bi = j * bColStride;
                double sum = 0;
                for (int p = 0; p < k; p++, ai += aStep, bi += bStep) {
                    sum += a[ai] * b[bi];
                }
                c[cRow + j] = accumulate ? c[cRow + j] + sum : sum;
            }
        }
    }

    // i-p-j order: the inner loop streams a row of B into a row of C.
    private static void ab(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (n == 1) {
            // A matrix-vector product: dot products of rows of A with the column B.
            for (int i = 0; i < m; i++) {
                int aRow = i * k;
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[aRow + p] * b[p];
                }
                c[i] = accumulate ? c[i] + sum : sum;
            }
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

    // A is stored k×m: row p of A and row p of B both stream, scattered into C by rows.
    private static void atb(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
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
    private static void abt(double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
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
