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
 * <p>The engine chooses the path; {@link DoubleProducts} and {@link FloatProducts} drive the double and the float
 * products along it. Float products ({@code float[]}, for float32 matrices) take the same four paths with a float
 * micro-kernel of their own tile shape ({@link #floatKernel}); their driver reads A where it lies and gives exactly
 * the bits of the definition in {@link Engine}, whatever the path, block or thread count. What a subclass may
 * specialize stays here: the two kernels, and the double products' merge, run copy and narrow product.
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
    private final int mr;
    private final int nr;
    private final ThreadLocal<PackingBuffers> buffers;
    private final ParallelRanges ranges = new ParallelRanges(this);
    private final int floatMr;
    private final int floatNr;
    private final DoubleProducts doubleProducts;
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
        this.buffers = ThreadLocal.withInitial(PackingBuffers::new);
        this.floatMr = floatMr;
        this.floatNr = floatNr;
        this.doubleProducts = new DoubleProducts(this, mr, nr);
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
        doubleProducts.multiply(path, form, a, b, c, m, n, k, accumulate);
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
