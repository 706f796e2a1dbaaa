package dev.synapse.core.engine;

/**
 * The arithmetic behind {@link dev.synapse.core.Matrix} and the built-in layers and activations: every matrix
 * product and every element-wise pass of training goes through one engine, so layers never know how it is done.
 *
 * <pre>{@code
 * Engine e = Engines.current();                  // the fastest engine found, e.g. "vector" or "pure-java"
 * e.multiply(Product.A_B, a, b, c, m, n, k, false);
 * e.sigmoid(z, y, z.length);
 * }</pre>
 *
 * <p>Arrays are dense and row-major with no padding; every method works on the first elements it is told about
 * and checks nothing (callers such as {@code Matrix} check shapes once per call). Implementations are stateless
 * apart from caches and thread pools, thread-safe, allocate nothing once warm, and give the same answers as
 * {@link PureJavaEngine} up to rounding (a different summation order or a 1-ulp {@code exp}).
 *
 * <p><b>Reproducible.</b> An engine gives the same bits for the same call on every run, for any
 * {@link Engines#threads()} and whether the JIT has compiled it yet or not: each element of a product is summed
 * over k in one fixed order (threads split C, never k), and element-wise passes use only operations whose result
 * IEEE 754 or the JDK fixes ({@code +}, {@code ·}, fma, {@code Math.exp}), never ones that change with the JIT's
 * state such as the Vector API's {@code VectorOperators.EXP}.
 *
 * <p><b>float32.</b> Every method has a {@code float[]} twin for {@link dev.synapse.core.Precision#FLOAT32}
 * matrices, computing in float throughout (float accumulators, no detour through double except where a method says
 * so). A float product has one definition that every engine meets bit for bit, not just up to rounding: each element
 * of C is the chain {@code s = Math.fma(A(i,p), B(p,j), s)} over {@code p = 0, 1, ..., k-1} in that order, starting
 * from C's element when accumulating and from 0 otherwise. Since each fused multiply-add rounds once, exactly as IEEE
 * 754 says, blocking, packing, vector lanes and threads cannot change a bit; the defaults here are that definition,
 * written plainly.
 *
 * <p><b>Adding an engine.</b> Implement this interface with a public no-argument constructor, list the class in
 * {@code META-INF/services/dev.synapse.core.engine.Engine}, and give it a {@link #priority()} above 0; the
 * highest-priority engine whose constructor succeeds is used. A constructor may throw (for example a
 * {@link LinkageError} when a JDK module is missing); the engine is then skipped silently.
 */
public interface Engine {

    /**
     * A short, stable name shown in diagnostics, e.g. {@code "pure-java"}.
     *
     * @return the engine's name, e.g. {@code "vector"}
     */
    String name();

    /**
     * Which engine wins when several are found; the pure-Java engine has 0.
     *
     * @return the priority; the highest one loaded is used, 0 by default
     */
    default int priority() {
        return 0;
    }

    // ---------------------------------------------------------------- products

    /**
     * Computes {@code c = op(a)·op(b)}, or {@code c += op(a)·op(b)} when {@code accumulate} is set, where the
     * result is m×n and the inner dimension is k. The stored shapes of {@code a} and {@code b} follow {@code form}.
     * {@code c} must not share an array with {@code a} or {@code b}. Large products may use every thread of
     * {@link Engines#threads()}.
     *
     * @param form which product: A·B, Aᵀ·B or A·Bᵀ
     * @param a A in row-major order, as {@code form} lays it out
     * @param b B in row-major order, as {@code form} lays it out
     * @param c C in row-major order, m × n
     * @param m the rows of C
     * @param n the columns of C
     * @param k the inner dimension
     * @param accumulate true to add to C, false to overwrite C
     */
    void multiply(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate);

    // ---------------------------------------------------------------- element-wise passes

    /**
     * One element-wise pass over an index range, as {@link #forEachRange} runs it: it reads and writes only the
     * elements of {@code [from, to)} of its arrays, so ranges can run on different threads at once.
     */
    @FunctionalInterface
    interface RangePass {
        /**
         * Runs the pass over the elements {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from the first index
         * @param to one past the last index
         */
        void run(int from, int to);
    }

    /**
     * Runs {@code pass} once over every index of {@code [0, n)}, in contiguous ranges that may run at the same time on
     * the threads of {@link Engines#threads()} when {@code n} is large enough to pay for the hand-off (the default
     * runs {@code pass.run(0, n)} here). For element-wise work, such as an optimizer's update: since each element is
     * computed by one range in one order, the result has the same bits for any thread count. Returns when every range
     * is done; an exception thrown by a range is rethrown here.
     *
     * @param n the number of elements
     * @param pass the pass, reading and writing only its range's elements
     */
    default void forEachRange(int n, RangePass pass) {
        pass.run(0, n);
    }

    /**
     * {@code y[i] += alpha · x[i]} for {@code i < n}. Large arrays may use every thread of {@link Engines#threads()}.
     *
     * @param n the number of elements
     * @param alpha the factor
     * @param x the array read
     * @param y the array added to
     */
    void axpy(int n, double alpha, double[] x, double[] y);

    /**
     * Adds {@code row[0..cols)} to each of the {@code rows} rows of {@code x}: how a bias joins a batch.
     *
     * @param x the matrix in row-major order, changed in place
     * @param rows the rows of {@code x}
     * @param cols the columns of {@code x}
     * @param row the values added to every row
     */
    void addRowVector(double[] x, int rows, int cols, double[] row);

    /**
     * {@code out[c] (+)= Σ_r x[r·cols + c]}: a bias gradient. Overwrites {@code out} unless accumulating.
     *
     * @param x the matrix in row-major order
     * @param rows the rows of {@code x}
     * @param cols the columns of {@code x}
     * @param out the column sums, at least {@code cols} long
     * @param accumulate true to add to {@code out}, false to overwrite it
     */
    void columnSums(double[] x, int rows, int cols, double[] out, boolean accumulate);

    /**
     * {@code out[i] = e^in[i]} for {@code i < n}, within 1 ulp of {@link StrictMath#exp}; {@code out} may be
     * {@code in}. Overflow gives {@code +∞}, underflow {@code 0}, NaN stays NaN. For a softmax or a loss that needs
     * the exponential of a whole batch. The default is a {@link Math#exp} loop.
     *
     * @param in the exponents
     * @param out where the powers of e go
     * @param n the number of elements
     */
    default void exp(double[] in, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = Math.exp(in[i]);
        }
    }

    /**
     * {@code out[i] = 1 / (1 + e^-in[i])} for {@code i < n}; {@code out} may be {@code in}.
     *
     * @param in the inputs
     * @param out where the outputs go
     * @param n the number of elements
     */
    void sigmoid(double[] in, double[] out, int n);

    /**
     * The sigmoid's chain rule from its output: {@code gradIn[i] = gradOut[i] · y[i] · (1 - y[i])}; {@code gradIn}
     * may be {@code y} or {@code gradOut}.
     *
     * @param y the sigmoid's outputs
     * @param gradOut the gradient with respect to the outputs
     * @param gradIn where the gradient with respect to the inputs goes
     * @param n the number of elements
     */
    void sigmoidBackward(double[] y, double[] gradOut, double[] gradIn, int n);

    /**
     * {@code out[i] = max(0, in[i])} (NaN gives 0, as {@code NaN > 0} is false); {@code out} may be {@code in}.
     *
     * @param in the inputs
     * @param out where the outputs go
     * @param n the number of elements
     */
    void relu(double[] in, double[] out, int n);

    /**
     * {@code gradIn[i] = x[i] > 0 ? gradOut[i] : 0}; {@code gradIn} may be {@code x} or {@code gradOut}.
     *
     * @param x the ReLU's inputs
     * @param gradOut the gradient with respect to the outputs
     * @param gradIn where the gradient with respect to the inputs goes
     * @param n the number of elements
     */
    void reluBackward(double[] x, double[] gradOut, double[] gradIn, int n);

    // ---------------------------------------------------------------- float32

    /**
     * The float product: {@code c = op(a)·op(b)}, or {@code c += op(a)·op(b)} when {@code accumulate} is set, each
     * element summed as the class comment defines (a chain of {@code Math.fma} over k in order, from C's element
     * when accumulating, from 0 otherwise); every engine gives exactly these bits. Arguments as for the double
     * {@link #multiply(Product, double[], double[], double[], int, int, int, boolean) multiply}. The default is the
     * definition, one element at a time.
     *
     * @param form which product: A·B, Aᵀ·B or A·Bᵀ
     * @param a A in row-major order, as {@code form} lays it out
     * @param b B in row-major order, as {@code form} lays it out
     * @param c C in row-major order, m × n
     * @param m the rows of C
     * @param n the columns of C
     * @param k the inner dimension
     * @param accumulate true to add to C, false to overwrite C
     */
    default void multiply(Product form, float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        int aRow = form == Product.AT_B ? 1 : k;
        int aStep = form == Product.AT_B ? m : 1;
        int bStep = form == Product.A_BT ? 1 : n;
        int bCol = form == Product.A_BT ? k : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(a[i * aRow + p * aStep], b[p * bStep + j * bCol], s);
                }
                c[i * n + j] = s;
            }
        }
    }

    /**
     * {@code y[i] += alpha · x[i]} for {@code i < n}, in float with two roundings (product, then sum), as the scalar
     * expression {@code y[i] + alpha * x[i]}: every engine gives these bits.
     * Large arrays may use every thread of {@link Engines#threads()}.
     *
     * @param n the number of elements
     * @param alpha the factor
     * @param x the array read
     * @param y the array added to
     */
    default void axpy(int n, float alpha, float[] x, float[] y) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /**
     * Adds {@code row[0..cols)} to each of the {@code rows} rows of {@code x}, in float.
     *
     * @param x the matrix in row-major order, changed in place
     * @param rows the rows of {@code x}
     * @param cols the columns of {@code x}
     * @param row the values added to every row
     */
    default void addRowVector(float[] x, int rows, int cols, float[] row) {
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            for (int c = 0; c < cols; c++) {
                x[offset + c] += row[c];
            }
        }
    }

    /**
     * {@code out[c] (+)= Σ_r x[r·cols + c]} in float, r from 0 upwards: every engine gives these bits.
     *
     * @param x the matrix in row-major order
     * @param rows the rows of {@code x}
     * @param cols the columns of {@code x}
     * @param out the column sums, at least {@code cols} long
     * @param accumulate true to add to {@code out}, false to overwrite it
     */
    default void columnSums(float[] x, int rows, int cols, float[] out, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(out, 0, cols, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c] += x[offset + c];
            }
        }
    }

    /**
     * {@code out[i] = e^in[i]} for {@code i < n}, within 1 ulp (of float) of the exact power; {@code out} may be
     * {@code in}. Overflow (above about 88.72) gives {@code +∞}, underflow {@code 0}, NaN stays NaN. The default
     * rounds {@link Math#exp} of the input to float.
     *
     * @param in the exponents
     * @param out where the powers of e go
     * @param n the number of elements
     */
    default void exp(float[] in, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = (float) Math.exp(in[i]);
        }
    }

    /**
     * {@code out[i] = 1 / (1 + e^-in[i])} for {@code i < n}, within 2 ulps (of float); {@code out} may be
     * {@code in}. The default computes each value in double and rounds it to float once (within 1 ulp); an engine
     * may compute in float, where e^-x's own ulp and the add and divide's roundings can reach 2 (the vector
     * engine does: 40% more float32 W3 samples per second than widening to double).
     *
     * @param in the inputs
     * @param out where the outputs go
     * @param n the number of elements
     */
    default void sigmoid(float[] in, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = (float) (1 / (1 + Math.exp(-in[i])));
        }
    }

    /**
     * {@code gradIn[i] = gradOut[i] · (y[i] · (1 - y[i]))} in float; {@code gradIn} may be {@code y} or
     * {@code gradOut}.
     *
     * @param y the sigmoid's outputs
     * @param gradOut the gradient with respect to the outputs
     * @param gradIn where the gradient with respect to the inputs goes
     * @param n the number of elements
     */
    default void sigmoidBackward(float[] y, float[] gradOut, float[] gradIn, int n) {
        for (int i = 0; i < n; i++) {
            float v = y[i];
            gradIn[i] = gradOut[i] * (v * (1 - v));
        }
    }

    /**
     * {@code out[i] = max(0, in[i])} (NaN gives 0, as {@code NaN > 0} is false); {@code out} may be {@code in}.
     *
     * @param in the inputs
     * @param out where the outputs go
     * @param n the number of elements
     */
    default void relu(float[] in, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float v = in[i];
            out[i] = v > 0 ? v : 0;
        }
    }

    /**
     * {@code gradIn[i] = x[i] > 0 ? gradOut[i] : 0}; {@code gradIn} may be {@code x} or {@code gradOut}.
     *
     * @param x the ReLU's inputs
     * @param gradOut the gradient with respect to the outputs
     * @param gradIn where the gradient with respect to the inputs goes
     * @param n the number of elements
     */
    default void reluBackward(float[] x, float[] gradOut, float[] gradIn, int n) {
        for (int i = 0; i < n; i++) {
            gradIn[i] = x[i] > 0 ? gradOut[i] : 0;
        }
    }
}
