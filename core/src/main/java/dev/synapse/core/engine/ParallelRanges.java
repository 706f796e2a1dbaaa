package dev.synapse.core.engine;

/**
 * A {@link PackedEngine}'s element-wise passes over large arrays, split into one contiguous range per thread of the
 * {@link WorkerPool}: {@link Engine#forEachRange} and the engine's axpy. Each element is computed by one range, by
 * the same code as on one thread, so the split changes no bit. Arrays below {@link #MIN_ELEMENTS}, a single thread,
 * or a pool another thread is using run on the caller's thread alone.
 *
 * <p>Why it pays beyond the arithmetic: a threaded product leaves each thread's share of a weight gradient in that
 * core's cache, and the optimizer's update then reads it. Updated on one thread, half the gradient crosses between
 * cores: float32 W5's Adam update was 46% of the training thread's profile samples, SGD's axpy 27% of float32 W3's.
 * The split matches the products' split of a tall gradient by rows (contiguous halves of the array).
 *
 * <p>One pass at a time uses this object, while its caller holds the pool's lock; the fields are set under it, so
 * a hand-off allocates nothing.
 */
final class ParallelRanges implements WorkerPool.Task {

    /**
     * The smallest array split across threads: a hand-off costs a few microseconds, an axpy of this many floats
     * about as much on one thread. {@code -Dsynapse.parallelElements=n} tunes it.
     */
    static final int MIN_ELEMENTS = Integer.getInteger("synapse.parallelElements", 1 << 15);

    /** Ranges start at multiples of 16 elements (a 64-byte cache line of floats), so no line is written by two threads. */
    private static final int ALIGN = 16;

    private enum Kind { PASS, AXPY, FLOAT_AXPY }

    private final PackedEngine engine;
    private Kind kind;
    private int n;
    private Engine.RangePass pass;
    private double alpha;
    private double[] x;
    private double[] y;
    private float floatAlpha;
    private float[] floatX;
    private float[] floatY;

    ParallelRanges(PackedEngine engine) {
        this.engine = engine;
    }

    void forEachRange(int n, Engine.RangePass pass) {
        WorkerPool pool = lockedPool(n);
        if (pool == null) {
            pass.run(0, n);
            return;
        }
        try {
            this.kind = Kind.PASS;
            this.pass = pass;
            start(pool, n);
        } finally {
            this.pass = null;
            pool.unlock();
        }
    }

    void axpy(int n, double alpha, double[] x, double[] y) {
        WorkerPool pool = lockedPool(n);
        if (pool == null) {
            engine.axpyRange(0, n, alpha, x, y);
            return;
        }
        try {
            this.kind = Kind.AXPY;
            this.alpha = alpha;
            this.x = x;
            this.y = y;
            start(pool, n);
        } finally {
            this.x = this.y = null;
            pool.unlock();
        }
    }

    void axpy(int n, float alpha, float[] x, float[] y) {
        WorkerPool pool = lockedPool(n);
        if (pool == null) {
            engine.axpyRange(0, n, alpha, x, y);
            return;
        }
        try {
            this.kind = Kind.FLOAT_AXPY;
            this.floatAlpha = alpha;
            this.floatX = x;
            this.floatY = y;
            start(pool, n);
        } finally {
            this.floatX = this.floatY = null;
            pool.unlock();
        }
    }

    /** The pool, locked for this pass, or null when the pass should run on the caller's thread. */
    private static WorkerPool lockedPool(int n) {
        if (n < MIN_ELEMENTS || Engines.threads() < 2) {
            return null;
        }
        WorkerPool pool = Engines.pool();
        return pool.tryLock() ? pool : null;
    }

    private void start(WorkerPool pool, int n) {
        this.n = n;
        pool.run(this, pool.threads());
    }

    @Override
    public void run(int part, int parts) {
        int from = bound(part, parts);
        int to = bound(part + 1, parts);
        if (from >= to) {
            return;
        }
        switch (kind) {
            case PASS -> pass.run(from, to);
            case AXPY -> engine.axpyRange(from, to, alpha, x, y);
            case FLOAT_AXPY -> engine.axpyRange(from, to, floatAlpha, floatX, floatY);
        }
    }

    private int bound(int part, int parts) {
        return part == parts ? n : (int) ((long) n * part / parts) & -ALIGN;
    }
}
