package dev.synapse.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.random.NumpyRandom;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Numerical gradient checks: compares the derivatives a component computes with central differences
 * {@code (f(x + h) - f(x - h)) / 2h}. Our tests verify every built-in activation, layer and loss this way, and
 * users verify their own the same way:
 *
 * <pre>{@code
 * GradientCheck.assertActivation(softsign, -3, 3);
 * GradientCheck.assertLayer(myLayer, 5, 42);
 * GradientCheck.assertFusedLoss(crossEntropy, softmax::apply, logits, labels);
 * }</pre>
 *
 * <p>The error of a derivative is {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}: absolute near
 * zero, relative for large values. Keep the checked range away from kinks (ReLU at 0), where the numerical
 * derivative straddles two slopes.
 */
public final class GradientCheck {

    /** The largest error the {@code assert...} methods accept. */
    public static final double TOLERANCE = 1e-6;

    private static final double STEP = 1e-5;
    private static final int ACTIVATION_POINTS = 101;

    private GradientCheck() {}

    /**
     * The outcome of a check: the largest error found and where, and the largest error the check accepts.
     *
     * @param subject   what was checked
     * @param maxError  the largest error
     * @param where     where the largest error was found
     * @param tolerance the largest error that passes: {@link #TOLERANCE}, or
     *                  {@link Float32GradientCheck#TOLERANCE} for a float32 check
     */
    public record Result(String subject, double maxError, String where, double tolerance) {
        /**
         * A result judged by {@link GradientCheck#TOLERANCE}.
         *
         * @param subject  what was checked
         * @param maxError the largest error
         * @param where    where the largest error was found
         */
        public Result(String subject, double maxError, String where) {
            this(subject, maxError, where, TOLERANCE);
        }

        /**
         * Whether the largest error is within the tolerance.
         *
         * @return true if the analytic and numerical gradients agree within {@link #tolerance()}
         */
        public boolean passed() {
            return maxError <= tolerance;
        }
    }

    /**
     * Checks {@code activation.derivative} at 101 evenly spaced points of [from, to].
     *
     * @param activation the activation under test
     * @param from the first point checked
     * @param to the last point checked, greater than {@code from}
     * @return the largest error and where it occurred
     */
    public static Result activation(Activation activation, double from, double to) {
        checkArgument(from < to, "the range must be increasing, got [%s, %s]", from, to);
        Worst worst = new Worst(TOLERANCE);
        for (int i = 0; i < ACTIVATION_POINTS; i++) {
            double x = from + (to - from) * i / (ACTIVATION_POINTS - 1);
            double analytic = activation.derivative(x, activation.value(x));
            double numeric = (activation.value(x + STEP) - activation.value(x - STEP)) / (2 * STEP);
            worst.offer(analytic, numeric, "x = " + x);
        }
        double[] in = new double[ACTIVATION_POINTS];
        double[] out = new double[ACTIVATION_POINTS];
        double[] ones = new double[ACTIVATION_POINTS];
        double[] gradient = new double[ACTIVATION_POINTS];
        for (int i = 0; i < ACTIVATION_POINTS; i++) {
            in[i] = from + (to - from) * i / (ACTIVATION_POINTS - 1);
            ones[i] = 1;
        }
        // The array forms are what layers call; built-ins override them, so check they agree with the scalar forms.
        activation.apply(in, out);
        activation.backward(in, out, ones, gradient);
        for (int i = 0; i < ACTIVATION_POINTS; i++) {
            worst.offer(out[i], activation.value(in[i]), "apply at x = " + in[i]);
            worst.offer(gradient[i], activation.derivative(in[i], out[i]), "backward at x = " + in[i]);
        }
        return worst.result("activation " + activation.name());
    }

    /**
     * Throws an {@link AssertionError} naming the worst point when {@link #activation} fails.
     *
     * @param activation the activation under test
     * @param from the first point checked
     * @param to the last point checked, greater than {@code from}
     */
    public static void assertActivation(Activation activation, double from, double to) {
        assertPassed(activation(activation, from, to));
    }

    /**
     * Checks a layer's parameter and input gradients on a random batch with inputs uniform in [-1, 1). The
     * objective is {@code Σ R∘output + penalty()} for a fixed random matrix R, so every output element matters and
     * a weight penalty ({@link Layer#penalty}, {@link Layer#addPenaltyGradient}) is checked with it. The layer's
     * parameters are left as they were; their gradients are overwritten.
     *
     * @param layer the layer under test; its parameters are perturbed and restored
     * @param batch the number of samples in the random batch, at least 1
     * @param seed the seed of the batch's and R's random numbers, so a failure can be repeated
     * @return the largest error and where it occurred
     */
    public static Result layer(Layer layer, int batch, long seed) {
        checkArgument(batch > 0, "batch must be positive, got %s", batch);
        NumpyRandom random = new NumpyRandom(seed);
        Matrix input = uniform(batch, layer.inputSize(), random);
        Matrix weights = uniform(batch, layer.outputSize(), random);
        Matrix state = layer.stateWidth() == 0 ? null : new Matrix(batch, layer.stateWidth());
        Matrix output = new Matrix(batch, layer.outputSize());
        Matrix inputGradient = new Matrix(batch, layer.inputSize());

        layer.forward(input, state, output);
        for (Parameter p : layer.parameters()) {
            p.gradient().fill(0.0);
        }
        layer.backward(input, state, output, weights.copy(), inputGradient);
        layer.addPenaltyGradient();

        Worst worst = new Worst(TOLERANCE);
        compare(layer, numericGradients(layer, input, weights), p -> p.gradient().data(), inputGradient.data(), worst);
        return worst.result("layer " + layer.type());
    }

    /**
     * Offers each analytic derivative of a layer (its parameters' in order, then its input's) with its numeric
     * counterpart from {@link #numericGradients}.
     */
    static void compare(Layer layer, double[][] numeric, Function<Parameter, double[]> analytic,
            double[] analyticInput, Worst worst) {
        List<Parameter> parameters = layer.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            double[] a = analytic.apply(parameters.get(p));
            for (int i = 0; i < a.length; i++) {
                worst.offer(a[i], numeric[p][i], parameters.get(p).name() + "[" + i + "]");
            }
        }
        double[] inputs = numeric[parameters.size()];
        for (int i = 0; i < inputs.length; i++) {
            worst.offer(analyticInput[i], inputs[i], "input[" + i / layer.inputSize() + "][" + i % layer.inputSize() + "]");
        }
    }

    /**
     * Central differences of {@code Σ weights∘output + penalty()} for a float64 layer: one array per parameter, in
     * the layer's order, then one for the input. The parameters and the input are perturbed and restored.
     */
    static double[][] numericGradients(Layer layer, Matrix input, Matrix weights) {
        int batch = input.rows();
        Matrix state = layer.stateWidth() == 0 ? null : new Matrix(batch, layer.stateWidth());
        Matrix output = new Matrix(batch, layer.outputSize());
        List<Parameter> parameters = layer.parameters();
        double[][] numeric = new double[parameters.size() + 1][];
        for (int p = 0; p <= parameters.size(); p++) {
            double[] values = p < parameters.size() ? parameters.get(p).value().data() : input.data();
            numeric[p] = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                numeric[p][i] = numericDerivative(layer, input, values, i, weights, state, output);
            }
        }
        return numeric;
    }

    /**
     * Throws an {@link AssertionError} naming the worst element when {@link #layer} fails.
     *
     * @param layer the layer under test; its parameters are perturbed and restored
     * @param batch the number of samples in the random batch, at least 1
     * @param seed the seed of the batch's and R's random numbers, so a failure can be repeated
     */
    public static void assertLayer(Layer layer, int batch, long seed) {
        assertPassed(layer(layer, batch, seed));
    }

    private static double numericDerivative(Layer layer, Matrix input, double[] values, int i, Matrix weights,
            Matrix state, Matrix output) {
        double saved = values[i];
        values[i] = saved + STEP;
        layer.forward(input, state, output);
        double plus = weightedSum(output, weights) + layer.penalty();
        values[i] = saved - STEP;
        layer.forward(input, state, output);
        double minus = weightedSum(output, weights) + layer.penalty();
        values[i] = saved;
        return (plus - minus) / (2 * STEP);
    }

    private static double weightedSum(Matrix output, Matrix weights) {
        double s = 0;
        double[] o = output.data();
        double[] w = weights.data();
        for (int i = 0; i < o.length; i++) {
            s += o[i] * w[i];
        }
        return s;
    }

    /**
     * Checks {@code loss.gradient} at {@code predicted} against central differences of {@code loss.value}.
     *
     * @param loss the loss under test
     * @param predicted the point the gradient is checked at, batch × outputs
     * @param target the targets, as the loss takes them
     * @return the largest error and where it occurred
     */
    public static Result loss(Loss loss, Matrix predicted, Matrix target) {
        Matrix point = predicted.copy();
        Matrix gradient = new Matrix(point.rows(), point.cols());
        loss.gradient(point, target, gradient);
        double[] p = point.data();
        Worst worst = new Worst(TOLERANCE);
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            p[i] = saved + STEP;
            double plus = loss.value(point, target);
            p[i] = saved - STEP;
            double minus = loss.value(point, target);
            p[i] = saved;
            worst.offer(gradient.data()[i], (plus - minus) / (2 * STEP),
                    "predicted[" + i / point.cols() + "][" + i % point.cols() + "]");
        }
        return worst.result("loss " + loss.name());
    }

    /**
     * Throws an {@link AssertionError} naming the worst element when {@link #loss} fails.
     *
     * @param loss the loss under test
     * @param predicted the point the gradient is checked at, batch × outputs
     * @param target the targets, as the loss takes them
     */
    public static void assertLoss(Loss loss, Matrix predicted, Matrix target) {
        assertPassed(loss(loss, predicted, target));
    }

    /**
     * Checks a fused loss at the pre-activations {@code preActivation}: its {@link FusedLoss#fusedGradient} against
     * central differences of {@code value(f(z))}, the plain loss after the activation {@code f}, and its
     * {@link FusedLoss#fusedValue} against that plain value. Pick logits where the plain value is finite.
     *
     * @param loss the fused loss under test
     * @param preActivation the point {@code z} the gradient is checked at, batch × outputs
     * @param target the targets, as the loss takes them
     * @return the largest error and where it occurred
     * @param activation writes {@code f(in)} into {@code out}, e.g. {@code softmax::apply}
     */
    public static Result fusedLoss(FusedLoss loss, BiConsumer<Matrix, Matrix> activation, Matrix preActivation,
            Matrix target) {
        Matrix z = preActivation.copy();
        Matrix p = new Matrix(z.rows(), z.cols());
        Matrix gradient = new Matrix(z.rows(), z.cols());
        activation.accept(z, p);
        loss.fusedGradient(z, p, target, gradient);
        Worst worst = new Worst(TOLERANCE);
        worst.offer(loss.fusedValue(z, p, target), loss.value(p, target), "fused value vs value(f(z))");
        double[] values = z.data();
        for (int i = 0; i < values.length; i++) {
            double saved = values[i];
            values[i] = saved + STEP;
            activation.accept(z, p);
            double plus = loss.value(p, target);
            values[i] = saved - STEP;
            activation.accept(z, p);
            double minus = loss.value(p, target);
            values[i] = saved;
            worst.offer(gradient.data()[i], (plus - minus) / (2 * STEP),
                    "preActivation[" + i / z.cols() + "][" + i % z.cols() + "]");
        }
        return worst.result("fused loss " + loss.name());
    }

    /**
     * Throws an {@link AssertionError} naming the worst element when {@link #fusedLoss} fails.
     *
     * @param loss the fused loss under test
     * @param activation writes {@code f(z)} of its first argument into its second, e.g. softmax's {@code apply}
     * @param preActivation the point {@code z} the gradient is checked at, batch × outputs
     * @param target the targets, as the loss takes them
     */
    public static void assertFusedLoss(FusedLoss loss, BiConsumer<Matrix, Matrix> activation, Matrix preActivation,
            Matrix target) {
        assertPassed(fusedLoss(loss, activation, preActivation, target));
    }

    static Matrix uniform(int rows, int cols, NumpyRandom random) {
        Matrix m = new Matrix(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = random.uniform(-1, 1);
        }
        return m;
    }

    static void assertPassed(Result result) {
        if (!result.passed()) {
            throw new AssertionError("gradient check of " + result.subject() + " failed: error " + result.maxError()
                    + " at " + result.where() + " exceeds " + result.tolerance());
        }
    }

    /** The largest error offered so far, and where. */
    static final class Worst {
        private final double tolerance;
        private double error = 0;
        private String where = "nowhere";

        Worst(double tolerance) {
            this.tolerance = tolerance;
        }

        void offer(double analytic, double numeric, String at) {
            double e = Math.abs(analytic - numeric) / Math.max(1, Math.max(Math.abs(analytic), Math.abs(numeric)));
            if (e > error || Double.isNaN(e)) {
                error = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                where = at + " (analytic " + analytic + ", numeric " + numeric + ")";
            }
        }

        Result result(String subject) {
            return new Result(subject, error, where, tolerance);
        }
    }
}
