package dev.synapse.core.engine;

import java.util.Random;

/**
 * The float32 half of the contract every {@link Engine} must meet, as a check any engine's tests can call (the
 * double half is {@link EngineCheck}). Float products must give the definition's bits exactly, not just up to
 * rounding: each element a chain of {@code Math.fma} over k in order, from C when accumulating (see {@link Engine}),
 * over every shape from 1×1×1 to 17×17×17 and a few large ones, every form, with and without accumulation, along
 * every path of a {@link PackedEngine} and for 1 to 4 threads. The element-wise passes whose definition is exact in
 * float (axpy, bias add, column sums, the sigmoid's and ReLU's chain rules, ReLU) must match their scalar formula bit
 * for bit; {@code exp} must be within 1 ulp (of float) and the sigmoid within 2 of the value computed in double by
 * {@link StrictMath#exp} and rounded once, with their edge cases exact.
 *
 * <pre>{@code
 * @Test void vectorEngineMeetsTheFloatContract() {
 *     FloatEngineCheck.assertConforms(new VectorEngine());
 * }
 * }</pre>
 */
public final class FloatEngineCheck {

    private FloatEngineCheck() {}

    /**
     * Runs every float check on {@code engine}.
     *
     * @param engine the engine under test
     * @throws AssertionError naming the first element, shape, form and path that disagrees
     */
    public static void assertConforms(Engine engine) {
        assertSmallShapes(engine);
        assertLargeShapes(engine);
        assertElementWise(engine);
        assertLargeAxpy(engine);
        assertExpAndSigmoid(engine);
    }

    /**
     * Float axpy on arrays large enough to be split, with 1 to 4 threads (restoring {@link Engines#threads()}
     * afterwards): the scalar formula's bits at every index, none written past n.
     *
     * @param engine the engine under test
     */
    public static void assertLargeAxpy(Engine engine) {
        int before = Engines.threads();
        Random random = new Random(29);
        int large = 3 * ParallelRanges.MIN_ELEMENTS + 37;
        float[] x = fill(new float[large], random);
        float[] y = fill(new float[large], random);
        try {
            for (int threads = 1; threads <= 4; threads++) {
                Engines.setThreads(threads);
                for (int n : new int[] {ParallelRanges.MIN_ELEMENTS - 1, ParallelRanges.MIN_ELEMENTS, large - 5}) {
                    float[] sum = y.clone();
                    engine.axpy(n, 0.625f, x, sum);
                    for (int i = 0; i < large; i++) {
                        float expected = i < n ? y[i] + 0.625f * x[i] : y[i];
                        if (Float.floatToIntBits(sum[i]) != Float.floatToIntBits(expected)) {
                            same(engine, "axpy over " + n + " elements on " + threads + " threads", i, sum[i],
                                    expected);
                        }
                    }
                }
            }
        } finally {
            Engines.setThreads(before);
        }
    }

    /**
     * Every form, accumulate on and off, m, n, k in 1..{@link EngineCheck#SMALL_LIMIT}, along every path: the
     * definition's bits.
     *
     * @param engine the engine under test
     */
    public static void assertSmallShapes(Engine engine) {
        Random random = new Random(17);
        int limit = EngineCheck.SMALL_LIMIT;
        float[] a = fill(new float[limit * limit], random);
        float[] b = fill(new float[limit * limit], random);
        float[] c0 = fill(new float[limit * limit], random);
        for (int m = 1; m <= limit; m++) {
            for (int n = 1; n <= limit; n++) {
                for (int k = 1; k <= limit; k++) {
                    checkShape(engine, a, b, c0, m, n, k);
                }
            }
        }
    }

    /**
     * The large shapes of {@link EngineCheck}, crossing every tile edge and k-block, along every path and, for a
     * packed engine, on 1 to 4 threads (restoring {@link Engines#threads()} afterwards): the definition's bits.
     *
     * @param engine the engine under test
     */
    public static void assertLargeShapes(Engine engine) {
        Random random = new Random(130);
        int before = Engines.threads();
        try {
            for (int[] s : EngineCheck.LARGE_SHAPES) {
                float[] a = fill(new float[s[0] * s[2]], random);
                float[] b = fill(new float[s[2] * s[1]], random);
                float[] c0 = fill(new float[s[0] * s[1]], random);
                for (int threads = 1; threads <= (engine instanceof PackedEngine ? 4 : 1); threads++) {
                    Engines.setThreads(threads);
                    checkShape(engine, a, b, c0, s[0], s[1], s[2]);
                }
            }
        } finally {
            Engines.setThreads(before);
        }
    }

    private static void checkShape(Engine engine, float[] a, float[] b, float[] c0, int m, int n, int k) {
        float[] c = new float[m * n];
        float[] expected = new float[m * n];
        for (Product form : Product.values()) {
            for (boolean accumulate : new boolean[] {false, true}) {
                definition(form, a, b, c0, expected, m, n, k, accumulate);
                if (engine instanceof PackedEngine packed) {
                    for (PackedEngine.Path path : PackedEngine.Path.values()) {
                        System.arraycopy(c0, 0, c, 0, m * n);
                        packed.multiply(path, form, a, b, c, m, n, k, accumulate);
                        compare(engine.name() + " " + path, form, accumulate, m, n, k, c, expected);
                    }
                }
                System.arraycopy(c0, 0, c, 0, m * n);
                engine.multiply(form, a, b, c, m, n, k, accumulate);
                compare(engine.name(), form, accumulate, m, n, k, c, expected);
            }
        }
    }

    /** The definition, written independently of every engine: one fma chain per element, p in order. */
    private static void definition(Product form, float[] a, float[] b, float[] c0, float[] out, int m, int n, int k,
            boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c0[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    float x = form == Product.AT_B ? a[p * m + i] : a[i * k + p];
                    float y = form == Product.A_BT ? b[j * k + p] : b[p * n + j];
                    sum = Math.fma(x, y, sum);
                }
                out[i * n + j] = sum;
            }
        }
    }

    private static void compare(String engine, Product form, boolean accumulate, int m, int n, int k, float[] c,
            float[] expected) {
        for (int i = 0; i < m * n; i++) {
            if (Float.floatToRawIntBits(c[i]) != Float.floatToRawIntBits(expected[i])) {
                throw new AssertionError(engine + ": float " + form + (accumulate ? " accumulating" : "") + " for m="
                        + m + " n=" + n + " k=" + k + " on " + Engines.threads() + " threads gives C(" + i / n + ", "
                        + i % n + ") = " + c[i] + " but the definition gives " + expected[i] + " (bit for bit)");
            }
        }
    }

    /**
     * The exactly defined passes over lengths 0..67 (short arrays and vector tails), in place and out of place,
     * against their scalar formulas bit for bit.
     *
     * @param engine the engine under test
     */
    public static void assertElementWise(Engine engine) {
        Random random = new Random(5);
        for (int len = 0; len <= 67; len++) {
            float[] x = new float[len];
            for (int i = 0; i < len; i++) {
                x[i] = (random.nextFloat() - 0.5f) * 20;
            }
            float[] g = fill(new float[len], random);
            float[] y = fill(new float[len], random);
            float[] out = new float[len];
            engine.sigmoidBackward(y, g, out, len);
            for (int i = 0; i < len; i++) {
                same(engine, "sigmoidBackward", i, out[i], g[i] * (y[i] * (1 - y[i])));
            }
            engine.relu(x, out, len);
            for (int i = 0; i < len; i++) {
                same(engine, "relu", i, out[i], x[i] > 0 ? x[i] : 0);
            }
            float[] inPlace = g.clone();
            engine.reluBackward(x, inPlace, inPlace, len);
            for (int i = 0; i < len; i++) {
                same(engine, "reluBackward in place", i, inPlace[i], x[i] > 0 ? g[i] : 0);
            }
            float[] acc = y.clone();
            engine.axpy(len, -0.75f, g, acc);
            for (int i = 0; i < len; i++) {
                same(engine, "axpy", i, acc[i], y[i] + -0.75f * g[i]);
            }
            for (int cols = 1; cols <= len; cols += 1 + cols / 3) {
                int rows = len / cols;
                float[] row = fill(new float[cols], random);
                float[] sum = y.clone();
                engine.addRowVector(sum, rows, cols, row);
                float[] sums0 = fill(new float[cols], random);
                for (boolean accumulate : new boolean[] {false, true}) {
                    float[] sums = sums0.clone();
                    engine.columnSums(x, rows, cols, sums, accumulate);
                    for (int c = 0; c < cols; c++) {
                        float s = accumulate ? sums0[c] : 0f;
                        for (int r = 0; r < rows; r++) {
                            same(engine, "addRowVector", r * cols + c, sum[r * cols + c], y[r * cols + c] + row[c]);
                            s += x[r * cols + c];
                        }
                        same(engine, "columnSums of " + rows + "x" + cols, c, sums[c], s);
                    }
                }
            }
        }
    }

    /** Inputs whose {@code e^x} is a boundary case in float, each with its exact expected result. */
    private static final float[][] EXP_EDGES = {
        {Float.NaN, Float.NaN}, {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}, {Float.NEGATIVE_INFINITY, 0f},
        {-0f, 1f}, {0f, 1f}, {Float.MIN_VALUE, 1f}, {1e-30f, 1f}, {88.72283f, 3.4027985E38f},
        {88.72284f, Float.POSITIVE_INFINITY}, {89f, Float.POSITIVE_INFINITY},
        {Float.MAX_VALUE, Float.POSITIVE_INFINITY}, {-103.97f, Float.MIN_VALUE}, {-110f, 0f}, {-Float.MAX_VALUE, 0f},
    };

    /**
     * {@code exp} and the sigmoid: the edge cases exact at every position of short and long arrays, and within 1 ulp
     * (exp) and 2 (the sigmoid) of the double value rounded to float over a sweep that reaches overflow and
     * underflow.
     *
     * @param engine the engine under test
     */
    public static void assertExpAndSigmoid(Engine engine) {
        for (int len : new int[] {EXP_EDGES.length, 67}) {
            float[] x = new float[len];
            float[] y = new float[len];
            for (int shift = 0; shift < len; shift += 5) {
                for (int i = 0; i < len; i++) {
                    x[i] = EXP_EDGES[(i + shift) % EXP_EDGES.length][0];
                }
                engine.exp(x, y, len);
                for (int i = 0; i < len; i++) {
                    same(engine, "exp(" + x[i] + ")", i, y[i], EXP_EDGES[(i + shift) % EXP_EDGES.length][1]);
                }
            }
        }
        Random random = new Random(7);
        float[] x = new float[1000];
        float[] y = new float[x.length];
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = round % 2 == 0 ? -105 + random.nextFloat() * 195 : (random.nextFloat() - 0.5f) * 4;
            }
            engine.exp(x, y, x.length);
            for (int i = 0; i < x.length; i++) {
                withinUlps(engine, "exp", x[i], y[i], (float) StrictMath.exp(x[i]), 1);
            }
            engine.sigmoid(x, y, x.length);
            for (int i = 0; i < x.length; i++) {
                withinUlps(engine, "sigmoid", x[i], y[i], (float) (1 / (1 + StrictMath.exp(-x[i]))), 2);
            }
        }
    }

    private static void same(Engine engine, String op, int index, float got, float expected) {
        if (Float.floatToIntBits(got) != Float.floatToIntBits(expected)) {
            throw new AssertionError(engine.name() + ": float " + op + " at index " + index + " gives " + got
                    + " but " + expected + " is expected exactly");
        }
    }

    private static void withinUlps(Engine engine, String op, float input, float got, float expected, int ulps) {
        if (!(got == expected) && !(Math.abs(got - expected) <= ulps * Math.ulp(expected))) {
            throw new AssertionError(engine.name() + ": float " + op + "(" + input + ") gives " + got + " but "
                    + expected + " is expected (within " + ulps + " ulp)");
        }
    }

    private static float[] fill(float[] x, Random random) {
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextFloat() * 2 - 1;
        }
        return x;
    }
}
