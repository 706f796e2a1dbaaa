package dev.synapse.core.engine;

import java.util.Arrays;

/**
 * The double products of a {@link PackedEngine} on its packed paths: per k-block A packed in mr-high panels (or read
 * where it lies) and B in nr-wide ones, each tile of C computed by the engine's micro-kernel and merged into C
 * ({@link PackedEngine#merge}); the swapped order {@code Cᵀ = Bᵀ·Aᵀ} for a C narrower than a tile; and the threaded
 * split of C into one range of whole tiles per thread. Every element of C is one chain of {@code Math.fma} over k
 * in order (the definition in {@link Engine}), so every path, block size and thread count gives the same bits.
 * {@link FloatProducts} is the float twin; the engine's overridable steps ({@code kernel}, {@code merge},
 * {@code copyRuns}, {@code narrowProduct}) stay on the engine, which a subclass such as the Vector API engine
 * specializes.
 */
final class DoubleProducts {

    /**
     * A row-major A of at most this many doubles (per thread) is read in place rather than packed: it stays in L2,
     * and packing it cost as much as the product for W3's layers (64×784, 64×128).
     */
    private static final long IN_PLACE_A = Long.getLong("synapse.inPlaceA", 64 * 1024);

    private final PackedEngine engine;
    private final int mr;
    private final int nr;
    private final int nc;
    private final Job job = new Job();

    DoubleProducts(PackedEngine engine, int mr, int nr) {
        this.engine = engine;
        this.mr = mr;
        this.nr = nr;
        this.nc = Math.max(nr, PackedEngine.NC / nr * nr);
    }

    /** C = op(A)·op(B) along {@code path}, whatever the shape; see {@link PackedEngine#multiply}. */
    void multiply(PackedEngine.Path path, Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        switch (path) {
            case SMALL -> SmallProducts.multiply(engine, form, a, b, c, m, n, k, accumulate);
            case PACKED -> packed(form, a, b, c, m, n, k, accumulate, 0, m, 0, n);
            case SWAPPED -> swapped(form, a, b, c, m, n, k, accumulate);
            case THREADED -> threaded(form, a, b, c, m, n, k, accumulate);
        }
    }

    private void threaded(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        WorkerPool pool = Engines.pool();
        // Each thread packs its share of one operand and all of the other: split C by rows (every thread packs all
        // of B, k×n) when B is the smaller, by columns (all of A, m×k) otherwise. Square products split by rows:
        // 49 GFLOP/s against 43 by columns, n = 1024 on 2 cores.
        boolean byColumns = n > m;
        int tiles = byColumns ? (n + nr - 1) / nr : (m + mr - 1) / mr;
        int parts = Math.min(pool.threads(), tiles);
        if (parts < 2 || !pool.tryLock()) {
            packed(form, a, b, c, m, n, k, accumulate, 0, m, 0, n);
            return;
        }
        try {
            job.set(form, a, b, c, m, n, k, accumulate, byColumns, tiles);
            pool.run(job, parts);
        } finally {
            job.clear();
            pool.unlock();
        }
    }

    /** One threaded product; reused while this engine holds the pool, so a hand-off allocates nothing. */
    private final class Job implements WorkerPool.Task {
        private Product form;
        private double[] a;
        private double[] b;
        private double[] c;
        private int m;
        private int n;
        private int k;
        private boolean accumulate;
        private boolean byColumns;
        private int tiles;

        void set(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate,
                boolean byColumns, int tiles) {
            this.form = form;
            this.a = a;
            this.b = b;
            this.c = c;
            this.m = m;
            this.n = n;
            this.k = k;
            this.accumulate = accumulate;
            this.byColumns = byColumns;
            this.tiles = tiles;
        }

        void clear() {
            a = b = c = null;
        }

        @Override
        public void run(int part, int parts) {
            int first = (int) ((long) tiles * part / parts);
            int last = (int) ((long) tiles * (part + 1) / parts);
            if (byColumns) {
                packed(form, a, b, c, m, n, k, accumulate, 0, m, first * nr, Math.min(n, last * nr));
            } else {
                packed(form, a, b, c, m, n, k, accumulate, first * mr, Math.min(m, last * mr), 0, n);
            }
        }
    }

    /** Rows [i0, i1) and columns [j0, j1) of C, for one of the three forms. */
    private void packed(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate,
            int i0, int i1, int j0, int j1) {
        packed(form == Product.AT_B, form == Product.A_BT, a, b, c, m, n, k, accumulate, i0, i1, j0, j1, false);
    }

    /*
     * C = A·B as Cᵀ = Bᵀ·Aᵀ: Bᵀ (n×k) takes A's place and Aᵀ (k×m) takes B's, each read from where it lies by the
     * packing routines (which read either layout of either operand), and the tiles of Cᵀ are written into C
     * transposed. A 64×10 C then takes 8 tiles of 6×16 with 10 of 12 rows used, where the direct order needs 11
     * tiles with 10 of 16 columns used (and fell to the scalar loops). Each element is still one chain of fused
     * multiply-adds over k in order. An engine may take A·B and A·Bᵀ its own way first (narrowProduct): transposing
     * all of a row-major A here cost more than its products.
     */
    private void swapped(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) {
                Arrays.fill(c, 0, m * n, 0.0);
            }
            return;
        }
        if (form != Product.AT_B && engine.narrowProduct(form, a, b, c, m, n, k, accumulate)) {
            return;
        }
        // Bᵀ is stored transposed (as k×n) unless B itself is stored n×k; Aᵀ's columns are A's rows unless A is k×m.
        packed(form != Product.A_BT, form != Product.AT_B, b, a, c, n, m, k, accumulate, 0, n, 0, m, true);
    }

    /*
     * Rows [i0, i1) and columns [j0, j1) of C = A·B, with A stored k×m when aTransposed, B stored n×k when
     * bTransposed, and C's element (i, j) at c[i·n + j], or at c[j·m + i] when cTransposed. Per k-block of KC: all of
     * A's rows are packed once (one mr-high micro-panel, 12 KB for the vector engine, sits in L1 while it meets every
     * B micro-panel), and B is packed in column blocks of nc (kc×nc, 256 KB, kept in L2). The innermost loop walks
     * along C's rows, so the tiles merged into C follow each other in memory and the hardware prefetcher streams
     * them; walking down C instead (a new 4 KB page every tile) left the kernel waiting on C and halved its speed.
     */
    private void packed(boolean aTransposed, boolean bTransposed, double[] a, double[] b, double[] c, int m, int n,
            int k, boolean accumulate, int i0, int i1, int j0, int j1, boolean cTransposed) {
        if (k == 0) {
            if (!accumulate) {
                for (int i = i0; i < i1; i++) {
                    Arrays.fill(c, i * n + j0, i * n + j1, 0.0);
                }
            }
            return;
        }
        PackingBuffers buf = engine.packingBuffers();
        int kcMax = Math.min(PackedEngine.KC, k);
        int rows = i1 - i0;
        // Rows [0, inPlace) are read from A where it lies; the rest are packed. A transposed A (k×m) gives the
        // kernel mr adjacent values per step, one cache line, at any size: packing it cost as much as the kernel in
        // W2's gradient xᵀ·δ (125×32, k = 4062).
        int inPlace = aTransposed || (long) rows * k <= IN_PLACE_A ? rows / mr * mr : 0;
        double[] aPack = buf.a(kcMax * roundUp(rows - inPlace, mr));
        double[] bPack = buf.b(kcMax * roundUp(Math.min(nc, j1 - j0), nr));
        double[] tile = buf.tile(mr * nr);
        for (int pc = 0; pc < k; pc += PackedEngine.KC) {
            int kb = Math.min(PackedEngine.KC, k - pc);
            boolean add = accumulate || pc > 0;
            if (inPlace < rows) {
                packA(aTransposed, a, m, k, i0 + inPlace, rows - inPlace, pc, kb, aPack);
            }
            for (int jc = j0; jc < j1; jc += nc) {
                int nb = Math.min(nc, j1 - jc);
                packB(bTransposed, b, n, k, pc, kb, jc, nb, bPack);
                for (int ir = 0; ir < rows; ir += mr) {
                    int height = Math.min(mr, rows - ir);
                    int cRow = (i0 + ir) * n + jc;
                    for (int jr = 0; jr < nb; jr += nr) {
                        if (ir < inPlace && aTransposed) {
                            engine.kernel(kb, a, pc * m + i0 + ir, 1, m, bPack, jr * kb, tile);
                        } else if (ir < inPlace) {
                            engine.kernel(kb, a, (i0 + ir) * k + pc, k, 1, bPack, jr * kb, tile);
                        } else {
                            engine.kernel(kb, aPack, (ir - inPlace) * kb, 1, mr, bPack, jr * kb, tile);
                        }
                        int width = Math.min(nr, nb - jr);
                        if (cTransposed) {
                            mergeTransposed(tile, c, (jc + jr) * m + i0 + ir, m, height, width, add);
                        } else {
                            engine.merge(tile, c, cRow + jr, n, height, width, add);
                        }
                    }
                }
            }
        }
    }

    /**
     * As {@link PackedEngine#merge}, into C stored transposed: the tile's (i, j) goes to {@code c[cOff + j·ldc + i]}.
     */
    private void mergeTransposed(double[] tile, double[] c, int cOff, int ldc, int height, int width, boolean add) {
        for (int j = 0; j < width; j++) {
            int column = cOff + j * ldc;
            for (int i = 0; i < height; i++) {
                double v = tile[i * nr + j];
                c[column + i] = add ? c[column + i] + v : v;
            }
        }
    }

    /** Packs A(ic..ic+mb, pc..pc+kb) into mr-high panels, p-major inside each, zero-padding the last panel. */
    private void packA(boolean transposed, double[] a, int m, int k, int ic, int mb, int pc, int kb, double[] dst) {
        if (transposed) {
            packTransposedA(a, m, ic, mb, pc, kb, dst);
            return;
        }
        int d = 0;
        for (int ir = 0; ir < mb; ir += mr) {
            int height = Math.min(mr, mb - ir);
            for (int i = 0; i < mr; i++) {
                if (i < height) {
                    int src = (ic + ir + i) * k + pc;
                    for (int p = 0; p < kb; p++) {
                        dst[d + p * mr + i] = a[src + p];
                    }
                } else {
                    for (int p = 0; p < kb; p++) {
                        dst[d + p * mr + i] = 0;
                    }
                }
            }
            d += kb * mr;
        }
    }

    /*
     * A is stored k×m: row p holds A(·, p), contiguous in i. Each stored row is read once, front to back, and dealt
     * out to the panels (panel r starts at r·kb·mr, step p at p·mr within it): reading panel by panel instead
     * revisits every row once per panel, and a System.arraycopy per handful of doubles cost more than the copy.
     */
    private void packTransposedA(double[] a, int m, int ic, int mb, int pc, int kb, double[] dst) {
        int panels = (mb + mr - 1) / mr;
        int lastHeight = mb - (panels - 1) * mr;
        for (int p = 0; p < kb; p++) {
            int src = (pc + p) * m + ic;
            int d = p * mr;
            for (int r = 0; r < panels - 1; r++, src += mr, d += kb * mr) {
                for (int i = 0; i < mr; i++) {
                    dst[d + i] = a[src + i];
                }
            }
            for (int i = 0; i < mr; i++) {
                dst[d + i] = i < lastHeight ? a[src + i] : 0;
            }
        }
    }

    /** Packs B(pc..pc+kb, jc..jc+nb) into nr-wide panels, p-major inside each, zero-padding the last panel. */
    private void packB(boolean transposed, double[] b, int n, int k, int pc, int kb, int jc, int nb, double[] dst) {
        int d = 0;
        for (int jr = 0; jr < nb; jr += nr) {
            int width = Math.min(nr, nb - jr);
            if (transposed) {
                // B is stored n×k: row j holds B(·, j), contiguous in p.
                for (int j = 0; j < nr; j++) {
                    if (j < width) {
                        int src = (jc + jr + j) * k + pc;
                        for (int p = 0; p < kb; p++) {
                            dst[d + p * nr + j] = b[src + p];
                        }
                    } else {
                        for (int p = 0; p < kb; p++) {
                            dst[d + p * nr + j] = 0;
                        }
                    }
                }
                d += kb * nr;
            } else if (width == nr) {
                engine.copyRuns(b, pc * n + jc + jr, n, dst, d, kb);
                d += kb * nr;
            } else {
                for (int p = 0; p < kb; p++) {
                    int src = (pc + p) * n + jc + jr;
                    for (int j = 0; j < width; j++) {
                        dst[d + j] = b[src + j];
                    }
                    for (int j = width; j < nr; j++) {
                        dst[d + j] = 0;
                    }
                    d += nr;
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
