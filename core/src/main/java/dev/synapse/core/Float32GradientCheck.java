package dev.synapse.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.random.NumpyRandom;

/**
 * Gradient checks for the float32 forms of layers and activations: the analytic gradient computed entirely in
 * float32 against a numerical gradient computed in float64 from the same parameters.
 *
 * <pre>{@code
 * Float32GradientCheck.assertLayer(Dense.units(4).activation(sigmoid()).build(0, 3, random), 5, 42);
 * Float32GradientCheck.assertActivation(softsign, -3, 3);
 * }</pre>
 *
 * <p>Why the numerical side is float64: central differences in float32 itself would lose about half of float's
 * 24 bits to cancellation ({@code h ≈ 1e-3} gives errors near {@code 1e-4} on their own), hiding the error being
 * looked for. Here the float32 layer's parameters are widened exactly into a float64 twin, whose central differences
 * ({@link GradientCheck}) are good to about {@code 1e-9}; what is left is the float32 arithmetic of the analytic
 * pass (a relative {@code 2^-24 ≈ 6e-8} per operation, grown over sums of dozens of terms) and any real mistake.
 * {@link #TOLERANCE} is {@code 1e-4} in the same measure as {@link GradientCheck#TOLERANCE}
 * ({@code |analytic - numeric| / max(1, |analytic|, |numeric|)}): a thousand times the rounding of these checks,
 * and far below the error of a wrong formula (a missing factor or term gives errors of order 1e-1).
 */
public final class Float32GradientCheck {

    /** The largest error the {@code assert...} methods accept. */
    public static final double TOLERANCE = 1e-4;

    private Float32GradientCheck() {}

    /**
     * Checks the float32 form of {@code layer}: {@code layer.withPrecision(FLOAT32)} run forward and backward in
     * float32 on a random batch, against the numerical gradient of its float64 twin ({@code withPrecision(FLOAT64)}
     * of the float32 layer, so both have the same parameter values), with the objective of
     * {@link GradientCheck#layer}: {@code Σ R∘output + penalty()}.
     *
     * @param layer the layer under test, of either precision; it is converted, not changed
     * @param batch the number of samples, at least 1
     * @param seed the seed of the batch's and R's random numbers
     * @return the largest error and where it occurred
     */
    public static GradientCheck.Result layer(Layer layer, int batch, long seed) {
        checkArgument(batch > 0, "batch must be positive, got %s", batch);
        Layer single = layer.withPrecision(Precision.FLOAT32);
        Layer twin = single.withPrecision(Precision.FLOAT64);
        NumpyRandom random = new NumpyRandom(seed);
        Matrix input = GradientCheck.uniform(batch, layer.inputSize(), random);
        Matrix weights = GradientCheck.uniform(batch, layer.outputSize(), random);
        Matrix state = layer.stateWidth() == 0 ? null : new Matrix(batch, layer.stateWidth(), Precision.FLOAT32);
        Matrix output = new Matrix(batch, layer.outputSize(), Precision.FLOAT32);
        Matrix inputGradient = new Matrix(batch, layer.inputSize(), Precision.FLOAT32);
        Matrix singleInput = input.toPrecision(Precision.FLOAT32);
        Matrix singleWeights = weights.toPrecision(Precision.FLOAT32);

        single.forward(singleInput, state, output);
        for (Parameter p : single.parameters()) {
            p.gradient().fill(0.0);
        }
        single.backward(singleInput, state, output, singleWeights.copy(), inputGradient);
        single.addPenaltyGradient();

        // The twin sees exactly the float32 values, widened: the same function, evaluated in float64.
        double[][] numeric = GradientCheck.numericGradients(twin, singleInput.toPrecision(Precision.FLOAT64),
                singleWeights.toPrecision(Precision.FLOAT64));
        GradientCheck.Worst worst = new GradientCheck.Worst(TOLERANCE);
        GradientCheck.compare(single, numeric, p -> p.gradient().toPrecision(Precision.FLOAT64).data(),
                inputGradient.toPrecision(Precision.FLOAT64).data(), worst);
        return worst.result("float32 layer " + layer.type());
    }

    /**
     * Throws an {@link AssertionError} naming the worst element when {@link #layer} fails.
     *
     * @param layer the layer under test, of either precision; it is converted, not changed
     * @param batch the number of samples, at least 1
     * @param seed the seed of the batch's and R's random numbers
     */
    public static void assertLayer(Layer layer, int batch, long seed) {
        GradientCheck.assertPassed(layer(layer, batch, seed));
    }

    /**
     * Checks the float32 array forms of {@code activation} ({@code apply(float[], float[])} and
     * {@code backward(float[], ...)}, the ones a float32 layer calls) at 101 evenly spaced float points of
     * [from, to] against the double scalar forms at the same points: the value, and the derivative through a unit
     * gradient. Check the double derivative itself with {@link GradientCheck#activation}.
     *
     * @param activation the activation under test
     * @param from the first point checked
     * @param to the last point checked, greater than {@code from}
     * @return the largest error and where it occurred
     */
    public static GradientCheck.Result activation(Activation activation, double from, double to) {
        checkArgument(from < to, "the range must be increasing, got [%s, %s]", from, to);
        int points = 101;
        float[] in = new float[points];
        float[] out = new float[points];
        float[] ones = new float[points];
        float[] gradient = new float[points];
        for (int i = 0; i < points; i++) {
            in[i] = (float) (from + (to - from) * i / (points - 1));
            ones[i] = 1;
        }
        activation.apply(in, out);
        activation.backward(in, out, ones, gradient);
        GradientCheck.Worst worst = new GradientCheck.Worst(TOLERANCE);
        for (int i = 0; i < points; i++) {
            double y = activation.value(in[i]);
            worst.offer(out[i], y, "apply at x = " + in[i]);
            worst.offer(gradient[i], activation.derivative(in[i], y), "backward at x = " + in[i]);
        }
        return worst.result("float32 activation " + activation.name());
    }

    /**
     * Throws an {@link AssertionError} naming the worst point when {@link #activation} fails.
     *
     * @param activation the activation under test
     * @param from the first point checked
     * @param to the last point checked, greater than {@code from}
     */
    public static void assertActivation(Activation activation, double from, double to) {
        GradientCheck.assertPassed(activation(activation, from, to));
    }
}
