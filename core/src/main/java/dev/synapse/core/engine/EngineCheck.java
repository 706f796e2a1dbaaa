package dev.synapse.core.engine;

import java.util.Random;

/**
 * The contract every {@link Engine} must meet, as a check any engine's tests can call: each product form, with
 * and without accumulation, over every shape from 1×1×1 to 17×17×17 and a few large ones, against a plain
 * reference loop; and each element-wise pass against its scalar formula.
 *
 * <pre>{@code
 * @Test void vectorEngineMatchesTheReference() {
 *     EngineCheck.assertConforms(new VectorEngine());
 * }
 * }</pre>
 *
 * <p>For a {@link PackedEngine} every path (small, packed, threaded) is forced over every shape, so the micro-kernel
 * and its edge tiles are exercised on small shapes too. Products must agree to a relative {@code 1e-13} of
 * {@code Σ|a||b|} (a different summation order); element-wise passes to 4 ulps of the result, and {@code exp}
 * to 1 ulp of {@link StrictMath#exp} with its edge cases exact. A packed engine must also give the same bits on the
 * packed path as on the threaded one for every thread count: each element of C summed over k in one order.
 */
public final class EngineCheck {

    /** The largest dimension of the exhaustive small-shape sweep. */
    public static final int SMALL_LIMIT = 17;

    /** A few large shapes {m, n, k}, odd so that every edge tile and block boundary is crossed. */
    static final int[][] LARGE_SHAPES = {{130, 257, 65}, {64, 128, 784}, {61, 37, 700}, {257, 300, 520}, {9, 1030, 33}};

    private EngineCheck() {}

    /**
     * Runs every check on {@code engine}.
     *
     * @param engine the engine under test, e.g. a new {@code ServiceLoader} engine in its own test
     * @throws AssertionError naming the first element, shape, form and path that disagrees
     */
    public static void assertConforms(Engine engine) {
        assertSmallShapes(engine);
        assertLargeShapes(engine);
        assertElementWise(engine);
        assertRanges(engine);
        assertExp(engine);
    }

    /**
     * {@link Engine#forEachRange} and axpy on arrays large enough to be split, with 1 to 4 threads (restoring
     * {@link Engines#threads()} afterwards): every index visited exactly once, by ranges that cover it without
     * overlapping, axpy's result the scalar formula's bits, and an exception thrown by a range rethrown.
     *
     * @param engine the engine under test
     */
    public static void assertRanges(Engine engine) {
        int before = Engines.threads();
        Random random = new Random(23);
        int large = 3 * ParallelRanges.MIN_ELEMENTS + 37;
        double[] x = fill(new double[large], random);
        double[] y = fill(new double[large], random);
        try {
            for (int threads = 1; threads <= 4; threads++) {
                Engines.setThreads(threads);
                for (int n : new int[] {0, 1, 17, ParallelRanges.MIN_ELEMENTS - 1, ParallelRanges.MIN_ELEMENTS, large}) {
                    int[] visits = new int[n];
                    engine.forEachRange(n, (from, to) -> {
                        for (int i = from; i < to; i++) {
                            visits[i]++;
                        }
                    });
                    for (int i = 0; i < n; i++) {
                        if (visits[i] != 1) {
                            throw new AssertionError(engine.name() + ": forEachRange over " + n + " elements on "
                                    + threads + " threads visits index " + i + " " + visits[i] + " times");
                        }
                    }
                    double[] sum = y.clone();
                    engine.axpy(n, 0.625, x, sum);
                    for (int i = 0; i < large; i++) {
                        double expected = i < n ? y[i] + 0.625 * x[i] : y[i];
                        if (Double.doubleToRawLongBits(sum[i]) != Double.doubleToRawLongBits(expected)) {
                            throw new AssertionError(engine.name() + ": axpy over " + n + " elements on " + threads
                                    + " threads gives " + sum[i] + " at index " + i + ", " + expected + " expected");
                        }
                    }
                }
                try {
                    engine.forEachRange(large, (from, to) -> {
                        throw new IllegalStateException("range " + from);
                    });
                    throw new AssertionError(engine.name() + ": forEachRange swallowed a range's exception");
                } catch (IllegalStateException expected) {
                    // rethrown to the caller, as documented
                }
            }
        } finally {
            Engines.setThreads(before);
        }
    }

    /**
     * One large shape along the packed path and along the threaded path with 1 to 4 threads (restoring
     * {@link Engines#threads()} afterwards): every result bit-identical, since threads split C, never k.
     */
    private static void checkThreadCountKeepsBits(PackedEngine engine, double[] a, double[] b, int m, int n, int k) {
        int before = Engines.threads();
        double[] expected = new double[m * n];
        double[] c = new double[m * n];
        try {
            for (Product form : Product.values()) {
                engine.multiply(PackedEngine.Path.PACKED, form, a, b, expected, m, n, k, false);
                for (int threads = 1; threads <= 4; threads++) {
                    Engines.setThreads(threads);
                    engine.multiply(PackedEngine.Path.THREADED, form, a, b, c, m, n, k, false);
                    for (int i = 0; i < m * n; i++) {
                        if (Double.doubleToRawLongBits(c[i]) != Double.doubleToRawLongBits(expected[i])) {
                            throw new AssertionError(engine.name() + ": " + form + " for m=" + m + " n=" + n + " k="
                                    + k + " on " + threads + " threads gives C[" + i + "] = " + c[i] + " but "
                                    + expected[i] + " on one thread: the bits must not depend on the thread count");
                        }
                    }
                }
            }
        } finally {
            Engines.setThreads(before);
        }
    }

    /** Inputs whose {@code e^x} is a boundary case, each with its exact expected result. */
    private static final double[][] EXP_EDGES = {
        {Double.NaN, Double.NaN}, {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
        {Double.NEGATIVE_INFINITY, 0.0}, {-0.0, 1.0}, {0.0, 1.0}, {Double.MIN_VALUE, 1.0}, {-Double.MIN_VALUE, 1.0},
        {Double.MIN_NORMAL, 1.0}, {1e-300, 1.0}, {-1e-300, 1.0}, {709.782712893384, 1.7976931348622732E308},
        {709.7827128933841, Double.POSITIVE_INFINITY}, {710, Double.POSITIVE_INFINITY},
        {Double.MAX_VALUE, Double.POSITIVE_INFINITY}, {-745.1332191019411, Double.MIN_VALUE},
        {-745.1332191019412, 0.0}, {-746, 0.0}, {-Double.MAX_VALUE, 0.0},
    };

    /**
     * {@link Engine#exp}: every edge case of {@code EXP_EDGES} exact (NaN, ±∞, ±0, subnormal inputs, the overflow
     * and underflow thresholds) at every position of short and long arrays, and within 1 ulp of
     * {@link StrictMath#exp} over a sweep of [-746, 710] that includes subnormal results.
     *
     * @param engine the engine under test
     */
    public static void assertExp(Engine engine) {
        for (int len : new int[] {EXP_EDGES.length, 67}) {
            for (int shift = 0; shift < len; shift += 7) {
                double[] x = new double[len];
                for (int i = 0; i < len; i++) {
                    x[i] = EXP_EDGES[(i + shift) % EXP_EDGES.length][0];
                }
                double[] y = new double[len];
                engine.exp(x, y, len);
                for (int i = 0; i < len; i++) {
                    double expected = EXP_EDGES[(i + shift) % EXP_EDGES.length][1];
                    if (Double.doubleToRawLongBits(y[i]) != Double.doubleToRawLongBits(expected)) {
                        throw new AssertionError(engine.name() + ": exp(" + x[i] + ") at index " + i + " of " + len
                                + " gives " + y[i] + " but " + expected + " is expected exactly");
                    }
                }
            }
        }
        Random random = new Random(7);
        double[] x = new double[1000];
        double[] y = new double[x.length];
        for (int round = 0; round < 200; round++) {
            double width = round % 2 == 0 ? 1456 : 2;
            for (int i = 0; i < x.length; i++) {
                x[i] = round % 2 == 0 ? -746 + random.nextDouble() * width : (random.nextDouble() - 0.5) * width;
            }
            engine.exp(x, y, x.length);
            for (int i = 0; i < x.length; i++) {
                double expected = StrictMath.exp(x[i]);
                if (y[i] != expected && !(Math.abs(y[i] - expected) <= Math.ulp(expected))) {
                    throw new AssertionError(engine.name() + ": exp(" + x[i] + ") gives " + y[i] + " but "
                            + expected + " is expected (within 1 ulp of StrictMath.exp)");
                }
            }
        }
    }

    /**
     * Every form, accumulate on and off, m, n, k in 1..{@link #SMALL_LIMIT}, along every path.
     *
     * @param engine the engine under test
     */
    public static void assertSmallShapes(Engine engine) {
        Random random = new Random(17);
        int max = SMALL_LIMIT * SMALL_LIMIT;
        double[] a = fill(new double[max], random);
        double[] b = fill(new double[max], random);
        double[] c0 = fill(new double[max], random);
        double[] c = new double[max];
        double[] expected = new double[max];
        for (int m = 1; m <= SMALL_LIMIT; m++) {
            for (int n = 1; n <= SMALL_LIMIT; n++) {
                for (int k = 1; k <= SMALL_LIMIT; k++) {
                    checkShape(engine, a, b, c0, c, expected, m, n, k);
                }
            }
        }
    }

    /**
     * A few shapes that cross block boundaries, along every path; for a packed engine, also with 1 to 4 threads,
     * bit for bit.
     *
     * @param engine the engine under test
     */
    public static void assertLargeShapes(Engine engine) {
        Random random = new Random(130);
        for (int[] s : LARGE_SHAPES) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            double[] a = fill(new double[m * k], random);
            double[] b = fill(new double[k * n], random);
            double[] c0 = fill(new double[m * n], random);
            checkShape(engine, a, b, c0, new double[m * n], new double[m * n], m, n, k);
            if (engine instanceof PackedEngine packed) {
                checkThreadCountKeepsBits(packed, a, b, m, n, k);
            }
        }
    }

    private static void checkShape(Engine engine, double[] a, double[] b, double[] c0, double[] c, double[] expected,
            int m, int n, int k) {
        for (Product form : Product.values()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                reference(form, a, b, c0, expected, m, n, k, accumulate);
                if (engine instanceof PackedEngine packed) {
                    for (PackedEngine.Path path : PackedEngine.Path.values()) {
                        System.arraycopy(c0, 0, c, 0, m * n);
                        packed.multiply(path, form, a, b, c, m, n, k, accumulate);
                        compare(engine.name() + " " + path, form, accumulate, m, n, k, a, b, c, expected);
                    }
                }
                System.arraycopy(c0, 0, c, 0, m * n);
                engine.multiply(form, a, b, c, m, n, k, accumulate);
                compare(engine.name(), form, accumulate, m, n, k, a, b, c, expected);
            }
        }
    }

    /** The definition, one element at a time. */
    static void reference(Product form, double[] a, double[] b, double[] c0, double[] out, int m, int n, int k,
            boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = accumulate ? c0[i * n + j] : 0;
                for (int p = 0; p < k; p++) {
                    sum += elementA(form, a, m, k, i, p) * elementB(form, b, n, k, p, j);
                }
                out[i * n + j] = sum;
            }
        }
    }

    private static double elementA(Product form, double[] a, int m, int k, int i, int p) {
        return form == Product.AT_B ? a[p * m + i] : a[i * k + p];
    }

    private static double elementB(Product form, double[] b, int n, int k, int p, int j) {
        return form == Product.A_BT ? b[j * k + p] : b[p * n + j];
    }

    private static void compare(String engine, Product form, boolean accumulate, int m, int n, int k, double[] a,
            double[] b, double[] c, double[] expected) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double scale = 1;
                for (int p = 0; p < k; p++) {
                    scale += Math.abs(elementA(form, a, m, k, i, p) * elementB(form, b, n, k, p, j));
                }
                double e = expected[i * n + j];
                double got = c[i * n + j];
                if (!(Math.abs(got - e) <= 1e-13 * scale)) {
                    throw new AssertionError(engine + ": " + form + (accumulate ? " accumulating" : "") + " for m=" + m
                            + " n=" + n + " k=" + k + " gives C(" + i + ", " + j + ") = " + got + " but the reference is "
                            + e);
                }
            }
        }
    }

    /**
     * Each element-wise pass over lengths 0..67 against its scalar formula, in place and out of place.
     *
     * @param engine the engine under test
     */
    public static void assertElementWise(Engine engine) {
        Random random = new Random(5);
        for (int len = 0; len <= 67; len++) {
            double[] x = new double[len];
            for (int i = 0; i < len; i++) {
                x[i] = (random.nextDouble() - 0.5) * (i % 7 == 0 ? 1500 : 20);
            }
            double[] g = fill(new double[len], random);
            double[] y = fill(new double[len], random);
            double[] out = new double[len];

            engine.sigmoid(x, out, len);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "sigmoid", x[i], out[i], 1 / (1 + Math.exp(-x[i])));
            }
            double[] inPlace = x.clone();
            engine.sigmoid(inPlace, inPlace, len);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "sigmoid in place", x[i], inPlace[i], out[i]);
            }
            double[] sig = out.clone();
            engine.sigmoidBackward(sig, g, out, len);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "sigmoidBackward", sig[i], out[i], g[i] * (sig[i] * (1 - sig[i])));
            }
            engine.relu(x, out, len);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "relu", x[i], out[i], x[i] > 0 ? x[i] : 0);
            }
            engine.reluBackward(x, g, out, len);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "reluBackward", x[i], out[i], x[i] > 0 ? g[i] : 0);
            }
            double[] acc = y.clone();
            engine.axpy(len, -0.75, g, acc);
            for (int i = 0; i < len; i++) {
                checkUlps(engine, "axpy", g[i], acc[i], y[i] + -0.75 * g[i]);
            }
            for (int cols = 1; cols <= 5 && cols <= len; cols++) {
                int rows = len / cols;
                double[] row = fill(new double[cols], random);
                double[] sum = y.clone();
                engine.addRowVector(sum, rows, cols, row);
                double[] sums = fill(new double[cols], random);
                double[] sums0 = sums.clone();
                engine.columnSums(x, rows, cols, sums, true);
                for (int c = 0; c < cols; c++) {
                    double s = 0;
                    double scale = 0;
                    for (int r = 0; r < rows; r++) {
                        checkUlps(engine, "addRowVector", row[c], sum[r * cols + c], y[r * cols + c] + row[c]);
                        s += x[r * cols + c];
                        scale += Math.abs(x[r * cols + c]);
                    }
                    if (!(Math.abs(sums[c] - (sums0[c] + s)) <= 1e-13 * (scale + Math.abs(sums0[c])))) {
                        throw new AssertionError(engine.name() + ": columnSums of " + rows + "x" + cols + " column " + c
                                + " gives " + sums[c] + " but the reference is " + (sums0[c] + s));
                    }
                }
                engine.columnSums(x, rows, cols, sums, false);
                for (int c = 0; c < cols; c++) {
                    double s = 0;
                    double scale = 0;
                    for (int r = 0; r < rows; r++) {
                        s += x[r * cols + c];
                        scale += Math.abs(x[r * cols + c]);
                    }
                    if (!(Math.abs(sums[c] - s) <= 1e-13 * (scale + 1))) {
                        throw new AssertionError(engine.name() + ": columnSums of " + rows + "x" + cols + " gives "
                                + sums[c] + " but the reference is " + s);
                    }
                }
            }
        }
    }

    private static void checkUlps(Engine engine, String op, double input, double got, double expected) {
        double tolerance = 4 * Math.ulp(expected) + Double.MIN_NORMAL;
        if (!(Math.abs(got - expected) <= tolerance) && !(got == expected)) {
            throw new AssertionError(engine.name() + ": " + op + " of " + input + " gives " + got + " but "
                    + expected + " is expected (within 4 ulps)");
        }
    }

    private static double[] fill(double[] x, Random random) {
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }
}
