package dev.synapse.layers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Initializer;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import java.util.function.ToDoubleFunction;

/**
 * The built-in weight and bias initializers. Each fills a matrix row by row from the model's seeded generator,
 * so {@code seed(1)} with {@link #numpyTutorial()} gives the numpy tutorials' {@code 2 * np.random.random(shape) - 1}.
 *
 * <pre>{@code
 * Dense.units(4).activation(sigmoid()).weights(Initializers.heNormal()).bias(Initializers.zeros())
 * }</pre>
 */
public final class Initializers {

    private Initializers() {}

    /**
     * All zeros: the default for biases.
     *
     * @return an initializer named {@code "zeros"} that draws no random numbers
     */
    public static Initializer zeros() {
        return of("zeros", (Matrix m, int fanIn, int fanOut, NumpyRandom r) -> m.fill(0.0));
    }

    /**
     * A constant value.
     *
     * @param value the value of every entry, finite
     * @return an initializer named {@code "constant(value)"} that draws no random numbers
     * @throws IllegalArgumentException if {@code value} is not finite
     */
    public static Initializer constant(double value) {
        checkArgument(Double.isFinite(value), "constant initial value must be finite, got %s", value);
        return of("constant(" + value + ")", (m, fanIn, fanOut, r) -> m.fill(value));
    }

    /**
     * Uniform in [low, high), as {@code np.random.uniform(low, high, shape)}.
     *
     * @param low the smallest value that can be drawn, inclusive
     * @param high the bound that is never reached, exclusive
     * @return an initializer named {@code "uniform(low, high)"}, one draw per entry in row-major order
     * @throws IllegalArgumentException unless {@code low < high}, both finite
     */
    public static Initializer uniform(double low, double high) {
        checkArgument(Double.isFinite(low) && Double.isFinite(high) && low < high,
                "uniform initializer needs finite low < high, got [%s, %s)", low, high);
        return fill("uniform(" + low + ", " + high + ")", r -> r.uniform(low, high));
    }

    /**
     * {@code 2 * np.random.random(shape) - 1}: uniform in [-1, 1), the numpy tutorials' weights.
     *
     * @return an initializer named {@code "numpy-tutorial"}, one draw per entry in row-major order
     */
    public static Initializer numpyTutorial() {
        return fill("numpy-tutorial", r -> 2 * r.random() - 1);
    }

    /**
     * {@code np.random.rand(*shape)}: uniform in [0, 1).
     *
     * @return an initializer named {@code "rand"}, one draw per entry in row-major order
     */
    public static Initializer rand() {
        return fill("rand", NumpyRandom::random);
    }

    /**
     * {@code np.random.randn(*shape)}: standard Gaussian.
     *
     * @return an initializer named {@code "randn"}, one Gaussian draw per entry in row-major order
     */
    public static Initializer randn() {
        return fill("randn", NumpyRandom::randn);
    }

    /**
     * Gaussian with mean 0 and the given standard deviation.
     *
     * @param std the standard deviation, positive and finite
     * @return an initializer named {@code "gaussian(std)"}, one Gaussian draw per entry in row-major order
     * @throws IllegalArgumentException if {@code std} is not positive and finite
     */
    public static Initializer gaussian(double std) {
        checkArgument(Double.isFinite(std) && std > 0, "standard deviation must be positive and finite, got %s", std);
        return fill("gaussian(" + std + ")", r -> std * r.randn());
    }

    /**
     * Glorot (Xavier) uniform: uniform in ±{@code sqrt(6 / (fanIn + fanOut))}. The default for weights.
     *
     * @return an initializer named {@code "glorot-uniform"} whose range follows the layer's fan-in and fan-out
     */
    public static Initializer glorotUniform() {
        return of("glorot-uniform", (m, fanIn, fanOut, r) -> {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            fillWith(m, r, g -> limit * (2 * g.random() - 1));
        });
    }

    /**
     * Glorot (Xavier) normal: Gaussian with standard deviation {@code sqrt(2 / (fanIn + fanOut))}.
     *
     * @return an initializer named {@code "glorot-normal"} whose spread follows the layer's fan-in and fan-out
     */
    public static Initializer glorotNormal() {
        return of("glorot-normal", (m, fanIn, fanOut, r) -> {
            double std = Math.sqrt(2.0 / (fanIn + fanOut));
            fillWith(m, r, g -> std * g.randn());
        });
    }

    /**
     * He uniform: uniform in ±{@code sqrt(6 / fanIn)}, for ReLU layers.
     *
     * @return an initializer named {@code "he-uniform"} whose range follows the layer's fan-in
     */
    public static Initializer heUniform() {
        return of("he-uniform", (m, fanIn, fanOut, r) -> {
            double limit = Math.sqrt(6.0 / fanIn);
            fillWith(m, r, g -> limit * (2 * g.random() - 1));
        });
    }

    /**
     * He normal: Gaussian with standard deviation {@code sqrt(2 / fanIn)}, for ReLU layers.
     *
     * @return an initializer named {@code "he-normal"} whose spread follows the layer's fan-in
     */
    public static Initializer heNormal() {
        return of("he-normal", (m, fanIn, fanOut, r) -> {
            double std = Math.sqrt(2.0 / fanIn);
            fillWith(m, r, g -> std * g.randn());
        });
    }

    /** Element by element in row-major order, so draws line up with numpy's for the same shape. */
    private static void fillWith(Matrix m, NumpyRandom random, ToDoubleFunction<NumpyRandom> draw) {
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = draw.applyAsDouble(random);
        }
    }

    private static Initializer fill(String name, ToDoubleFunction<NumpyRandom> draw) {
        return of(name, (m, fanIn, fanOut, r) -> fillWith(m, r, draw));
    }

    @FunctionalInterface
    private interface Fill {
        void fill(Matrix m, int fanIn, int fanOut, NumpyRandom random);
    }

    private static Initializer of(String name, Fill fill) {
        return new Initializer() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void initialize(Matrix target, int fanIn, int fanOut, NumpyRandom random) {
                fill.fill(target, fanIn, fanOut, random);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
