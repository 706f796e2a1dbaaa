package dev.synapse.core.engine;

import java.util.Arrays;

/**
 * The machinery engines share: shape-based dispatch of products, packing, blocking and threading, plus scalar
 * element-wise passes. A subclass supplies one register-tiled micro-kernel; packing turns all three product forms
 * (A·B, Aᵀ·B, A·Bᵀ) into the same panel layout, so one kernel serves them all.
 *
 * <p>Four paths, chosen per call from the shape:
 * <ul>
 *   <li><b>small</b> — plain loops ordered for contiguous access, no packing, no threads, no allocation: the
 *       tutorial networks (a 4×3 batch by a 3×4 weight matrix) and shapes shorter than one tile on both sides or with k below 4;
 *   <li><b>packed</b> — the BLIS scheme: B is packed into k-blocks of {@code nr}-wide column panels, A into
 *       {@code mr}-high row panels, and the micro-kernel multiplies one panel pair into an {@code mr×nr} tile of C
 *       held in registers. A small row-major A (at most {@code synapse.inPlaceA} doubles per thread, 64K by
 *       default) is read in place instead, its rows strided, and so is a transposed A (the gradient form Aᵀ·B), whose
 *       mr values per step lie side by side. Packing buffers are per thread and reused, so a warm
 *       loop allocates nothing;
 *   <li><b>swapped</b> — C narrower than one tile but long (an output layer of 10 units on a batch of 64, with
 *       16-column tiles): {@code Cᵀ = Bᵀ·Aᵀ} along the packed path, written into C transposed;
 *   <li><b>threaded</b> — products of at least {@link #THREADED_FLOPS} floating-point operations split C into
 *       {@link Engines#threads()} column or row ranges, one per thread, the caller's thread taking the first.
 * </ul>
 *
 * <p>Float products ({@code float[]}, for float32 matrices) take the same four paths with a float micro-kernel of
 * their own tile shape ({@link #floatKernel}); their driver reads A where it lies and gives exactly the bits of the
 * definition in {@link Engine}, whatever the path, block or thread count.
 *
 * <p>Block sizes suit a core with 32 KB L1 and 512 KB L2 (k-blocks of 256, B blocks of 128 columns); the system
 * properties {@code synapse.kc} and {@code synapse.nc} override them for tuning on other machines.
 */
public abstract class PackedEngine implements Engine {

    /** How a product is computed; {@link #multiply(Path, Product, double[], double[], double[], int, int, int, boolean)} forces one, for tests and benchmarks. */
    public enum Path {
        /** Plain loops: no packing, no threads. */
        SMALL,
        /** Packed panels and the micro-kernel on the caller's thread. */
        PACKED,
        /**
         * C narrower than one tile computed as {@code Cᵀ = Bᵀ·Aᵀ} along the packed path, so that C's long side runs
         * across the kernel's vector columns: an output layer of 10 units against 16 lanes on AVX-512. An engine may
         * compute A·B and A·Bᵀ in this shape its own way ({@link #narrowProduct}).
         */
        SWAPPED,
        /** Packed panels, split over every thread of {@link Engines#threads()}. */
        THREADED
    }

    /** Products with {@code m·n·k} below this take the small path. */
    public static final long PACKED_VOLUME = 32L * 32 * 32;
    /** C needs at least this many columns for the swapped path. */
    static final int SWAPPED_MIN_COLUMNS = 4;
    /** Products of at least this many floating-point operations ({@code 2mnk}) use every thread. */
    public static final long THREADED_FLOPS = 4_000_000L;

    /** The k-block: a product's shared dimension is taken this many steps at a time. */
    static final int KC = Integer.getInteger("synapse.kc", 256);
    /** The column block of B packed at once, rounded down to whole tiles. */
    static final int NC = Integer.getInteger("synapse.nc", 128);
    /**
     * A row-major A of at most this many doubles (per thread) is read in place rather than packed: it stays in L2,
     * and packing it cost as much as the product for W3's layers (64×784, 64×128).
     */
    private static final long IN_PLACE_A = Long.getLong("synapse.inPlaceA", 64 * 1024);

    private final int mr;
    private final int nr;
    private final int nc;
    private final ThreadLocal<PackingBuffers> buffers;
    private final Job job = new Job();
    private final ParallelRanges ranges = new ParallelRanges(this);
    private final int floatMr;
    private final int floatNr;
    private final FloatProducts floatProducts;

    /**
     * An engine whose float micro-kernel has the same tile shape as its double one.
     *
     * @param mr rows of the micro-kernel's tile of C
     * @param nr columns of the micro-kernel's tile of C
     */
    protected PackedEngine(int mr, int nr) {
        this(mr, nr, mr, nr);
    }

    /**
     * An engine with a float micro-kernel of its own tile shape, e.g. twice as many columns for twice the lanes.
     *
     * @param mr rows of the double micro-kernel's tile of C
     * @param nr columns of the double micro-kernel's tile of C
     * @param floatMr rows of the float micro-kernel's tile of C
     * @param floatNr columns of the float micro-kernel's tile of C
     */
    protected PackedEngine(int mr, int nr, int floatMr, int floatNr) {
        this.mr = mr;
        this.nr = nr;
        this.nc = Math.max(nr, NC / nr * nr);
        this.buffers = ThreadLocal.withInitial(PackingBuffers::new);
        this.floatMr = floatMr;
        this.floatNr = floatNr;
        this.floatProducts = new FloatProducts(this, floatMr, floatNr);
    }

    /**
     * The micro-kernel: {@code tile = Apanel · Bpanel} over {@code kc} steps, where
     * {@code a[aOff + i·aRowStride + p·aStepStride]} is A(i, p) (strides 1 and mr for a packed panel, the row length
     * and 1 for rows of a row-major A read in place), {@code b[bOff + p·nr + j]} is B(p, j), and the mr×nr result
     * goes to {@code tile[i·nr + j]}. The
     * driver then adds or copies the tile into C. Writing to a small buffer rather than into C keeps the kernel
     * small: a Vector API kernel that also loads, adds and stores C grows past C2's inlining budget on JDK 17 and
     * falls back to boxed vectors.
     *
     * @param kc the number of steps p, the shared dimension of this block
     * @param a the array holding A's panel
     * @param aOff where A(0, 0) is in {@code a}
     * @param aRowStride the distance in {@code a} from A(i, p) to A(i + 1, p)
     * @param aStepStride the distance in {@code a} from A(i, p) to A(i, p + 1)
     * @param b the packed panel of B, {@code nr} values per step
     * @param bOff where B(0, 0) is in {@code b}
     * @param tile where the mr × nr result goes, overwritten
     */
    protected abstract void kernel(int kc, double[] a, int aOff, int aRowStride, int aStepStride, double[] b, int bOff,
            double[] tile);

    /**
     * The float micro-kernel, as {@link #kernel} but in float and <em>from</em> the tile: it adds
     * {@code Apanel · Bpanel} to the {@code floatMr × floatNr} values already in {@code tile} (C's elements, or zeros),
     * each element as one chain {@code t = Math.fma(A(i, p), B(p, j), t)} over p in order, and writes the results
     * back to {@code tile}. The chain must be exactly that (no other summation order, no separate multiply and add):
     * it is what makes every engine's float product the same bits (see {@link Engine}).
     *
     * @param kc the number of steps p, the shared dimension of this block
     * @param a the array holding A's rows
     * @param aOff where A(0, 0) is in {@code a}
     * @param aRowStride the distance in {@code a} from A(i, p) to A(i + 1, p)
     * @param aStepStride the distance in {@code a} from A(i, p) to A(i, p + 1)
     * @param b the packed panel of B, {@code floatNr} values per step
     * @param bOff where B(0, 0) is in {@code b}
     * @param tile the floatMr × floatNr accumulators, rows floatNr apart: read, then overwritten
     */
    protected abstract void floatKernel(int kc, float[] a, int aOff, int aRowStride, int aStepStride, float[] b,
            int bOff, float[] tile);

    /**
     * Rows of the float micro-kernel's tile.
     *
     * @return the rows of A one float kernel call covers
     */
    public final int floatTileRows() {
        return floatMr;
    }

    /**
     * Columns of the float micro-kernel's tile.
     *
     * @return the columns of B one float kernel call covers
     */
    public final int floatTileColumns() {
        return floatNr;
    }

    /**
     * Rows of the micro-kernel's tile.
     *
     * @return mr, the rows of A one kernel call covers
     */
    public final int tileRows() {
        return mr;
    }

    /**
     * Columns of the micro-kernel's tile.
     *
     * @return nr, the columns of B one kernel call covers
     */
    public final int tileColumns() {
        return nr;
    }

    /**
     * The path {@link #multiply(Product, double[], double[], double[], int, int, int, boolean)} takes for a shape.
     *
     * @param m the rows of C
     * @param n the columns of C
     * @param k the shared dimension
     * @return the path taken: small shapes skip packing, large ones use every thread
     */
    public Path pathFor(int m, int n, int k) {
        return pathFor(m, n, k, mr, nr);
    }

    /**
     * The path {@link #multiply(Product, float[], float[], float[], int, int, int, boolean)} takes for a shape.
     *
     * @param m the rows of C
     * @param n the columns of C
     * @param k the shared dimension
     * @return the path taken, by the same rules as for doubles with the float tile
     */
    public Path floatPathFor(int m, int n, int k) {
        return pathFor(m, n, k, floatMr, floatNr);
    }

    private static Path pathFor(int m, int n, int k, int mr, int nr) {
        long volume = (long) m * n * k;
        if (volume < PACKED_VOLUME || k < 4) {
            return Path.SMALL;
        }
        if (n < nr) {
            // Under 4 columns the small loops win: packing the long operand would cost more than its few products
            // (4062×2×32: 3.7 GFLOP/s swapped against 4.1 in the loops).
            return m >= nr && n >= SWAPPED_MIN_COLUMNS ? Path.SWAPPED : Path.SMALL;
        }
        if (m < mr) {
            return Path.SMALL;
        }
        return 2 * volume >= THREADED_FLOPS && Engines.threads() > 1 ? Path.THREADED : Path.PACKED;
    }

    @Override
    public void multiply(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate) {
        multiply(pathFor(m, n, k), form, a, b, c, m, n, k, accumulate);
    }

    @Override
    public void multiply(Product form, float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        floatProducts.multiply(floatPathFor(m, n, k), form, a, b, c, m, n, k, accumulate);
    }

    /**
     * The float product computed along {@code path}, whatever the shape; every path gives the same bits.
     *
     * @param path the path to take, whatever {@link #floatPathFor} would choose
     * @param form which product: A·B, Aᵀ·B or A·Bᵀ
     * @param a A in row-major order, as {@code form} lays it out
     * @param b B in row-major order, as {@code form} lays it out
     * @param c C in row-major order, m × n
     * @param m the rows of C
     * @param n the columns of C
     * @param k the shared dimension
     * @param accumulate true to add the product to C, false to overwrite C
     */
    public final void multiply(Path path, Product form, float[] a, float[] b, float[] c, int m, int n, int k,
            boolean accumulate) {
        floatProducts.multiply(path, form, a, b, c, m, n, k, accumulate);
    }

    /**
     * The product computed along {@code path}, whatever the shape.
     *
     * @param path the path to take, whatever {@link #pathFor} would choose
     * @param form which product: A·B, Aᵀ·B or A·Bᵀ
     * @param a A in row-major order, as {@code form} lays it out
     * @param b B in row-major order, as {@code form} lays it out
     * @param c C in row-major order, m × n
     * @param m the rows of C
     * @param n the columns of C
     * @param k the shared dimension
     * @param accumulate true to add the product to C, false to overwrite C
     */
    public final void multiply(Path path, Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        if (m == 0 || n == 0) {
            return;
        }
        switch (path) {
            case SMALL -> SmallProducts.multiply(this, form, a, b, c, m, n, k, accumulate);
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
        if (form != Product.AT_B && narrowProduct(form, a, b, c, m, n, k, accumulate)) {
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
        PackingBuffers buf = buffers.get();
        int kcMax = Math.min(KC, k);
        int rows = i1 - i0;
        // Rows [0, inPlace) are read from A where it lies; the rest are packed. A transposed A (k×m) gives the
        // kernel mr adjacent values per step, one cache line, at any size: packing it cost as much as the kernel in
        // W2's gradient xᵀ·δ (125×32, k = 4062).
        int inPlace = aTransposed || (long) rows * k <= IN_PLACE_A ? rows / mr * mr : 0;
        double[] aPack = buf.a(kcMax * roundUp(rows - inPlace, mr));
        double[] bPack = buf.b(kcMax * roundUp(Math.min(nc, j1 - j0), nr));
        double[] tile = buf.tile(mr * nr);
        for (int pc = 0; pc < k; pc += KC) {
            int kb = Math.min(KC, k - pc);
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
                            kernel(kb, a, pc * m + i0 + ir, 1, m, bPack, jr * kb, tile);
                        } else if (ir < inPlace) {
                            kernel(kb, a, (i0 + ir) * k + pc, k, 1, bPack, jr * kb, tile);
                        } else {
                            kernel(kb, aPack, (ir - inPlace) * kb, 1, mr, bPack, jr * kb, tile);
                        }
                        int width = Math.min(nr, nb - jr);
                        if (cTransposed) {
                            mergeTransposed(tile, c, (jc + jr) * m + i0 + ir, m, height, width, add);
                        } else {
                            merge(tile, c, cRow + jr, n, height, width, add);
                        }
                    }
                }
            }
        }
    }

    /**
     * C narrower than one tile with A row-major (the forms A·B and A·Bᵀ), for an engine with a better way than the
     * swapped packed product; this one has none. An override must sum each element of C in one fixed order.
     *
     * @param form {@link Product#A_B} or {@link Product#A_BT}
     * @param a A, m × k row-major
     * @param b B in row-major order, as {@code form} lays it out
     * @param c C, m × n row-major
     * @param m the rows of C
     * @param n the columns of C, fewer than one tile
     * @param k the shared dimension, at least 1
     * @param accumulate true to add the product to C, false to overwrite C
     * @return true if C was computed, false to take the swapped packed product
     */
    protected boolean narrowProduct(Product form, double[] a, double[] b, double[] c, int m, int n, int k,
            boolean accumulate) {
        return false;
    }

    /** As {@link #merge}, into C stored transposed: the tile's (i, j) goes to {@code c[cOff + j·ldc + i]}. */
    private void mergeTransposed(double[] tile, double[] c, int cOff, int ldc, int height, int width, boolean add) {
        for (int j = 0; j < width; j++) {
            int column = cOff + j * ldc;
            for (int i = 0; i < height; i++) {
                double v = tile[i * nr + j];
                c[column + i] = add ? c[column + i] + v : v;
            }
        }
    }

    /**
     * Adds or copies the first {@code height × width} of the tile (rows {@code nr} apart) into C at {@code cOff}
     * (rows {@code ldc} apart). Runs once per micro-kernel call, so an engine may override it with wider loads
     * and stores; the override must give the same result.
     *
     * @param tile the kernel's result, rows {@code nr} apart
     * @param c the result matrix C
     * @param cOff where the tile's first element goes in {@code c}
     * @param ldc the row length of C
     * @param height the rows to merge, at most mr (fewer at C's bottom edge)
     * @param width the columns to merge, at most nr (fewer at C's right edge)
     * @param add true to add into C, false to overwrite
     */
    protected void merge(double[] tile, double[] c, int cOff, int ldc, int height, int width, boolean add) {
        for (int i = 0; i < height; i++) {
            int row = cOff + i * ldc;
            int t = i * nr;
            if (add) {
                for (int j = 0; j < width; j++) {
                    c[row + j] += tile[t + j];
                }
            } else {
                System.arraycopy(tile, t, c, row, width);
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
                copyRuns(b, pc * n + jc + jr, n, dst, d, kb);
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

    /**
     * Copies {@code runs} runs of {@code nr} doubles, the first at {@code src[srcOff]} and each next one
     * {@code srcStride} further on, to {@code dst[dstOff]} onwards with no gaps: how a full-width panel of a row-major
     * B is packed. An engine may override it with vector loads and stores; the copy must be exact.
     *
     * @param src the array read from
     * @param srcOff where the first run starts in {@code src}
     * @param srcStride the distance in {@code src} from one run's start to the next
     * @param dst the array written to
     * @param dstOff where the first run goes in {@code dst}
     * @param runs the number of runs to copy
     */
    protected void copyRuns(double[] src, int srcOff, int srcStride, double[] dst, int dstOff, int runs) {
        // A loop, not System.arraycopy: for a handful of doubles the call costs more than the copy.
        for (int r = 0, s = srcOff, d = dstOff; r < runs; r++, s += srcStride, d += nr) {
            for (int j = 0; j < nr; j++) {
                dst[d + j] = src[s + j];
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }


    /** This thread's packing buffers, shared by the double and the float products. */
    final PackingBuffers packingBuffers() {
        return buffers.get();
    }

    /**
     * This thread's room for a transposed copy of an operand (the narrow and few-column products), grown on demand
     * and then reused, so a warm loop allocates nothing. Its contents are left over from the last use.
     *
     * @param size the doubles needed
     * @return an array of at least {@code size} doubles
     */
    protected final double[] transposeBuffer(int size) {
        return buffers.get().transposed(size);
    }

    /**
     * This thread's mr × nr result tile, free for other scratch outside a packed product (e.g. lane sums).
     *
     * @return an array of at least {@code tileRows() · tileColumns()} doubles
     */
    protected final double[] tileBuffer() {
        return buffers.get().tile(mr * nr);
    }

    // ---------------------------------------------------------------- element-wise passes, scalar

    @Override
    public final void forEachRange(int n, RangePass pass) {
        ranges.forEachRange(n, pass);
    }

    @Override
    public final void axpy(int n, double alpha, double[] x, double[] y) {
        ranges.axpy(n, alpha, x, y);
    }

    @Override
    public final void axpy(int n, float alpha, float[] x, float[] y) {
        ranges.axpy(n, alpha, x, y);
    }

    /**
     * {@code y[i] += alpha · x[i]} for {@code from <= i < to}: one range of {@link #axpy(int, double, double[],
     * double[]) axpy}, which splits large arrays across threads.
     *
     * @param from the first index
     * @param to one past the last index
     * @param alpha the factor
     * @param x the array read
     * @param y the array added to
     */
    protected void axpyRange(int from, int to, double alpha, double[] x, double[] y) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * The float twin of {@link #axpyRange(int, int, double, double[], double[])}, with two roundings (product, then
     * sum), as {@link Engine#axpy(int, float, float[], float[])} defines.
     *
     * @param from the first index
     * @param to one past the last index
     * @param alpha the factor
     * @param x the array read
     * @param y the array added to
     */
    protected void axpyRange(int from, int to, float alpha, float[] x, float[] y) {
        for (int i = from; i < to; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public void addRowVector(double[] x, int rows, int cols, double[] row) {
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            for (int c = 0; c < cols; c++) {
                x[offset + c] += row[c];
            }
        }
    }

    @Override
    public void columnSums(double[] x, int rows, int cols, double[] out, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(out, 0, cols, 0.0);
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += x[offset + c];
            }
        }
    }

    @Override
    public void sigmoid(double[] in, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = 1 / (1 + Math.exp(-in[i]));
        }
    }

    @Override
    public void sigmoidBackward(double[] y, double[] gradOut, double[] gradIn, int n) {
        for (int i = 0; i < n; i++) {
            double v = y[i];
            gradIn[i] = gradOut[i] * (v * (1 - v));
        }
    }

    @Override
    public void relu(double[] in, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            double v = in[i];
            out[i] = v > 0 ? v : 0;
        }
    }

    @Override
    public void reluBackward(double[] x, double[] gradOut, double[] gradIn, int n) {
        for (int i = 0; i < n; i++) {
            gradIn[i] = x[i] > 0 ? gradOut[i] : 0;
        }
    }

    @Override
    public String toString() {
        return name() + "[tile " + mr + "x" + nr + ", threads " + Engines.threads() + "]";
    }
}
