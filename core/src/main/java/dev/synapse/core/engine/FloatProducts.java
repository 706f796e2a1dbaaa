package dev.synapse.core.engine;

import java.util.Arrays;

/**
 * The float products of a {@link PackedEngine}: the engine's float micro-kernel over packed panels of B, with A read
 * where it lies, every element of C one chain of {@code Math.fma} over k in order (the definition in
 * {@link Engine}), so that every path, block size and thread count gives the same bits.
 *
 * <p>Each operand is a strided view: A(i, p) is {@code x[i·xRow + p·xStep]}, B(p, j) is {@code y[p·yStep + j·yCol]}
 * and C(i, j) is {@code c[i·cRow + j·cCol]}. The three product forms are three choices of strides, and the swapped
 * path ({@code Cᵀ = Bᵀ·Aᵀ}, for a C narrower than one tile) is one more: nothing is transposed, A is never packed.
 * The kernel reads A's rows in place (a row-major A with its rows k apart, a transposed one with mr adjacent values
 * per step), so only the bottom edge of fewer than mr rows is copied, zero-padded, into a panel. The kernel starts
 * from the tile's values (C's elements, or zeros), so a k-block continues the chain the previous one left in C.
 */
final class FloatProducts {

    private final PackedEngine engine;
    private final int mr;
    private final int nr;
    private final int nc;
    /** What a tile starts from on a product's first k-block: copied, which is faster than filling 0 in a loop. */
    private final float[] zeroTile;
    private final Job job = new Job();

    FloatProducts(PackedEngine engine, int mr, int nr) {
        this.engine = engine;
        this.mr = mr;
        this.nr = nr;
        this.zeroTile = new float[mr * nr];
        this.nc = Math.max(nr, PackedEngine.NC / nr * nr);
    }

    void multiply(PackedEngine.Path path, Product form, float[] a, float[] b, float[] c, int m, int n, int k,
            boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0f);
            }
            return;
        }
        int aRow = form == Product.AT_B ? 1 : k;
        int aStep = form == Product.AT_B ? m : 1;
        int bStep = form == Product.A_BT ? 1 : n;
        int bCol = form == Product.A_BT ? k : 1;
        switch (path) {
            case SMALL -> small(a, aRow, aStep, b, bStep, bCol, c, m, n, k, accumulate);
            case PACKED -> block(a, aRow, aStep, b, bStep, bCol, c, n, 1, k, accumulate, 0, m, 0, n);
            // Cᵀ = Bᵀ·Aᵀ: Bᵀ(i, p) = B(p, i), Aᵀ(p, j) = A(j, p), Cᵀ(i, j) = C(j, i).
            case SWAPPED -> block(b, bCol, bStep, a, aStep, aRow, c, 1, n, k, accumulate, 0, n, 0, m);
            case THREADED -> {
                if (n < nr && m >= nr) {
                    threaded(b, bCol, bStep, a, aStep, aRow, c, 1, n, n, m, k, accumulate);
                } else {
                    threaded(a, aRow, aStep, b, bStep, bCol, c, n, 1, m, n, k, accumulate);
                }
            }
        }
    }

    /*
     * The definition, one chain per element, for shapes too small for packing to pay. Four columns at a time: one
     * chain waits on its previous fma at every step (four cycles each), four independent chains do not, and each is
     * still the element's own chain over p in order.
     */
    private static void small(float[] x, int xRow, int xStep, float[] y, int yStep, int yCol, float[] c, int m,
            int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int xi = i * xRow;
            int ci = i * n;
            int j = 0;
            for (; j + 3 < n; j += 4) {
                float s0 = accumulate ? c[ci + j] : 0f;
                float s1 = accumulate ? c[ci + j + 1] : 0f;
                float s2 = accumulate ? c[ci + j + 2] : 0f;
                float s3 = accumulate ? c[ci + j + 3] : 0f;
                for (int p = 0, xp = xi, yp = j * yCol; p < k; p++, xp += xStep, yp += yStep) {
                    float v = x[xp];
                    s0 = Math.fma(v, y[yp], s0);
                    s1 = Math.fma(v, y[yp + yCol], s1);
                    s2 = Math.fma(v, y[yp + 2 * yCol], s2);
                    s3 = Math.fma(v, y[yp + 3 * yCol], s3);
                }
                c[ci + j] = s0;
                c[ci + j + 1] = s1;
                c[ci + j + 2] = s2;
                c[ci + j + 3] = s3;
            }
            for (; j < n; j++) {
                float s = accumulate ? c[ci + j] : 0f;
                for (int p = 0, xp = xi, yp = j * yCol; p < k; p++, xp += xStep, yp += yStep) {
                    s = Math.fma(x[xp], y[yp], s);
                }
                c[ci + j] = s;
            }
        }
    }

    /*
     * Split C (as oriented) into one range of whole tiles per thread, by columns when C is wider than tall, as the
     * double products do. Each element is computed by one thread in the one order, so the split changes no bit.
     */
    private void threaded(float[] x, int xRow, int xStep, float[] y, int yStep, int yCol, float[] c, int cRow,
            int cCol, int m, int n, int k, boolean accumulate) {
        WorkerPool pool = Engines.pool();
        boolean byColumns = n > m;
        int tiles = byColumns ? (n + nr - 1) / nr : (m + mr - 1) / mr;
        int parts = Math.min(pool.threads(), tiles);
        if (parts < 2 || !pool.tryLock()) {
            block(x, xRow, xStep, y, yStep, yCol, c, cRow, cCol, k, accumulate, 0, m, 0, n);
            return;
        }
        try {
            job.set(x, xRow, xStep, y, yStep, yCol, c, cRow, cCol, m, n, k, accumulate, byColumns, tiles);
            pool.run(job, parts);
        } finally {
            job.clear();
            pool.unlock();
        }
    }

    /*
     * Rows [i0, i1) and columns [j0, j1) of C = A·B. Per k-block: B is packed in column blocks of nc (nr-wide panels,
     * p-major), the bottom rows of A that do not fill a tile into one zero-padded panel; then each tile of C is
     * loaded (or zeroed on the first block), run through the kernel and stored back.
     */
    private void block(float[] x, int xRow, int xStep, float[] y, int yStep, int yCol, float[] c, int cRow, int cCol,
            int k, boolean accumulate, int i0, int i1, int j0, int j1) {
        PackingBuffers buf = engine.packingBuffers();
        int kcMax = Math.min(PackedEngine.KC, k);
        float[] yPack = buf.floatB(kcMax * roundUp(Math.min(nc, j1 - j0), nr));
        float[] xEdge = buf.floatA(kcMax * mr);
        float[] tile = buf.floatTile(mr * nr);
        int full = i0 + (i1 - i0) / mr * mr;
        for (int pc = 0; pc < k; pc += PackedEngine.KC) {
            int kb = Math.min(PackedEngine.KC, k - pc);
            boolean fromC = accumulate || pc > 0;
            if (full < i1) {
                packEdge(x, xRow, xStep, full, i1 - full, pc, kb, xEdge);
            }
            for (int jc = j0; jc < j1; jc += nc) {
                int nb = Math.min(nc, j1 - jc);
                packPanels(y, yStep, yCol, pc, kb, jc, nb, yPack);
                for (int ir = i0; ir < i1; ir += mr) {
                    int height = Math.min(mr, i1 - ir);
                    for (int jr = 0; jr < nb; jr += nr) {
                        int width = Math.min(nr, nb - jr);
                        int cOff = ir * cRow + (jc + jr) * cCol;
                        loadTile(c, cOff, cRow, cCol, height, width, fromC, tile);
                        if (height == mr) {
                            engine.floatKernel(kb, x, ir * xRow + pc * xStep, xRow, xStep, yPack, jr * kb, tile);
                        } else {
                            engine.floatKernel(kb, xEdge, 0, 1, mr, yPack, jr * kb, tile);
                        }
                        storeTile(tile, c, cOff, cRow, cCol, height, width);
                    }
                }
            }
        }
    }

    private void loadTile(float[] c, int cOff, int cRow, int cCol, int height, int width, boolean fromC,
            float[] tile) {
        if (!fromC) {
            System.arraycopy(zeroTile, 0, tile, 0, mr * nr);
            return;
        }
        if (cCol == 1 && height == mr && width == nr) {
            for (int i = 0; i < mr; i++) {
                System.arraycopy(c, cOff + i * cRow, tile, i * nr, nr);
            }
            return;
        }
        for (int i = 0; i < mr; i++) {
            for (int j = 0; j < nr; j++) {
                tile[i * nr + j] = i < height && j < width ? c[cOff + i * cRow + j * cCol] : 0f;
            }
        }
    }

    private void storeTile(float[] tile, float[] c, int cOff, int cRow, int cCol, int height, int width) {
        if (cCol == 1) {
            for (int i = 0; i < height; i++) {
                System.arraycopy(tile, i * nr, c, cOff + i * cRow, width);
            }
            return;
        }
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                c[cOff + i * cRow + j * cCol] = tile[i * nr + j];
            }
        }
    }

    /** Rows [i0, i0 + height) of A, steps [pc, pc + kb), into one mr-high panel, p-major, zero-padded. */
    private void packEdge(float[] x, int xRow, int xStep, int i0, int height, int pc, int kb, float[] dst) {
        if (xStep == 1) {
            // A row-major: read each row where it is contiguous.
            for (int i = 0; i < height; i++) {
                int src = (i0 + i) * xRow + pc;
                for (int p = 0, d = i; p < kb; p++, d += mr) {
                    dst[d] = x[src + p];
                }
            }
            for (int i = height; i < mr; i++) {
                for (int p = 0, d = i; p < kb; p++, d += mr) {
                    dst[d] = 0f;
                }
            }
            return;
        }
        for (int p = 0; p < kb; p++) {
            for (int i = 0; i < mr; i++) {
                dst[p * mr + i] = i < height ? x[(i0 + i) * xRow + (pc + p) * xStep] : 0f;
            }
        }
    }

    /** B(pc..pc+kb, jc..jc+nb) into nr-wide panels, p-major inside each, zero-padding the last panel. */
    private void packPanels(float[] y, int yStep, int yCol, int pc, int kb, int jc, int nb, float[] dst) {
        for (int jr = 0; jr < nb; jr += nr) {
            int width = Math.min(nr, nb - jr);
            int d = jr * kb;
            if (yCol == 1) {
                // B row-major: each step's nr values are one run. A loop with a variable stride here was 29% of
                // W4's float32 time.
                for (int p = 0; p < kb; p++, d += nr) {
                    System.arraycopy(y, (pc + p) * yStep + jc + jr, dst, d, width);
                    if (width < nr) {
                        Arrays.fill(dst, d + width, d + nr, 0f);
                    }
                }
                continue;
            }
            if (yStep == 1) {
                // B stored transposed (A·Bᵀ): read each column of B where it is contiguous, along the steps.
                for (int j = 0; j < nr; j++) {
                    if (j < width) {
                        int src = pc + (jc + jr + j) * yCol;
                        for (int p = 0, dj = d + j; p < kb; p++, dj += nr) {
                            dst[dj] = y[src + p];
                        }
                    } else {
                        for (int p = 0, dj = d + j; p < kb; p++, dj += nr) {
                            dst[dj] = 0f;
                        }
                    }
                }
                continue;
            }
            for (int p = 0; p < kb; p++, d += nr) {
                int src = (pc + p) * yStep + (jc + jr) * yCol;
                for (int j = 0; j < width; j++) {
                    dst[d + j] = y[src + j * yCol];
                }
                for (int j = width; j < nr; j++) {
                    dst[d + j] = 0f;
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }

    /** One threaded product; reused while this engine holds the pool, so a hand-off allocates nothing. */
    private final class Job implements WorkerPool.Task {
        private float[] x;
        private float[] y;
        private float[] c;
        private int xRow;
        private int xStep;
        private int yStep;
        private int yCol;
        private int cRow;
        private int cCol;
        private int m;
        private int n;
        private int k;
        private boolean accumulate;
        private boolean byColumns;
        private int tiles;

        void set(float[] x, int xRow, int xStep, float[] y, int yStep, int yCol, float[] c, int cRow, int cCol, int m,
                int n, int k, boolean accumulate, boolean byColumns, int tiles) {
            this.x = x;
            this.xRow = xRow;
            this.xStep = xStep;
            this.y = y;
            this.yStep = yStep;
            this.yCol = yCol;
            this.c = c;
            this.cRow = cRow;
            this.cCol = cCol;
            this.m = m;
            this.n = n;
            this.k = k;
            this.accumulate = accumulate;
            this.byColumns = byColumns;
            this.tiles = tiles;
        }

        void clear() {
            x = y = c = null;
        }

        @Override
        public void run(int part, int parts) {
            int first = (int) ((long) tiles * part / parts);
            int last = (int) ((long) tiles * (part + 1) / parts);
            if (byColumns) {
                block(x, xRow, xStep, y, yStep, yCol, c, cRow, cCol, k, accumulate, 0, m, first * nr,
                        Math.min(n, last * nr));
            } else {
                block(x, xRow, xStep, y, yStep, yCol, c, cRow, cCol, k, accumulate, first * mr, Math.min(m, last * mr),
                        0, n);
            }
        }
    }
}
