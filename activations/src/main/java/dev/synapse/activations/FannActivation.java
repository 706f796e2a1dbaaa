package dev.synapse.activations;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Activation;
import dev.synapse.core.OutputRange;
import java.util.Map;
import java.util.Optional;

/**
 * One of FANN 2.2's activation functions with its steepness s, computed as FANN computes it: the function of
 * {@code u = s·x}, where FANN first clips u to ±150/s (so {@code exp} never overflows), and the derivative FANN's
 * {@code fann_activation_derived} uses in training. Create them with {@link FannActivations}, which has the table of
 * names, formulas and ranges.
 *
 * <pre>{@code
 * Activation hidden = FannActivations.sigmoidSymmetricStepwise();      // steepness 0.5, FANN's default
 * Activation output = FannActivations.sigmoid(1.0);
 * hidden.arguments();                                                  // {steepness=0.5}
 * }</pre>
 *
 * <p>Where the derivative departs from the textbook one, it does so because FANN does:
 * <ul>
 *   <li>sigmoid and sigmoid-symmetric (and their stepwise variants) clip the output before computing the
 *       derivative from it, to [0.01, 0.99] and [-0.98, 0.98]: the derivative never falls below
 *       {@code 2s·0.01·0.99} or {@code s·(1 - 0.98²)}, which keeps saturated units learning;
 *   <li>the stepwise variants train with the smooth function's derivative evaluated at the stepwise output y
 *       ({@code 2s·y(1-y)} and {@code s(1-y²)}, clipped as above), not with the slope of the pieces;
 *   <li>linear-piece and linear-piece-symmetric report the slope s everywhere, also where they are flat.
 * </ul>
 * One deliberate difference: for gaussian, sine and cosine FANN 2.2 multiplies by the steepness once more than the
 * chain rule asks (it passes the already scaled sum to a formula that scales it again). At steepness 1 the two agree;
 * at other steepnesses Synapse uses the true derivative, so every smooth FANN activation passes
 * {@link dev.synapse.core.GradientCheck}. Thresholds have no derivative: {@link #isDifferentiable()} is false and a
 * layer refuses to train through them.
 */
public final class FannActivation implements Activation {

    /** FANN's activation functions, each with its Synapse name and its FANN 2.2 constant. */
    public enum Function {
        /** FANN_LINEAR, {@code s·x}: unbounded. */
        LINEAR("linear", "FANN_LINEAR", false),
        /** FANN_THRESHOLD, 0 or 1: inference only. */
        THRESHOLD("threshold", "FANN_THRESHOLD", false),
        /** FANN_THRESHOLD_SYMMETRIC, -1 or 1: inference only. */
        THRESHOLD_SYMMETRIC("threshold-symmetric", "FANN_THRESHOLD_SYMMETRIC", true),
        /** FANN_SIGMOID, {@code 1 / (1 + e^(-2s·x))}: range (0, 1). */
        SIGMOID("fann-sigmoid", "FANN_SIGMOID", false),
        /** FANN_SIGMOID_STEPWISE, FANN's piecewise-linear sigmoid: range [0, 1]. */
        SIGMOID_STEPWISE("sigmoid-stepwise", "FANN_SIGMOID_STEPWISE", false),
        /** FANN_SIGMOID_SYMMETRIC, {@code tanh(s·x)}: range (-1, 1). */
        SIGMOID_SYMMETRIC("sigmoid-symmetric", "FANN_SIGMOID_SYMMETRIC", true),
        /** FANN_SIGMOID_SYMMETRIC_STEPWISE, FANN's piecewise-linear tanh: range [-1, 1]. */
        SIGMOID_SYMMETRIC_STEPWISE("sigmoid-symmetric-stepwise", "FANN_SIGMOID_SYMMETRIC_STEPWISE", true),
        /** FANN_GAUSSIAN, {@code e^(-(s·x)²)}: range (0, 1]. */
        GAUSSIAN("gaussian", "FANN_GAUSSIAN", false),
        /** FANN_GAUSSIAN_SYMMETRIC, {@code 2e^(-(s·x)²) - 1}: range (-1, 1]. */
        GAUSSIAN_SYMMETRIC("gaussian-symmetric", "FANN_GAUSSIAN_SYMMETRIC", true),
        /** FANN_ELLIOT, {@code (s·x/2) / (1 + |s·x|) + 1/2}: range (0, 1). */
        ELLIOTT("elliott", "FANN_ELLIOT", false),
        /** FANN_ELLIOT_SYMMETRIC, {@code s·x / (1 + |s·x|)}: range (-1, 1). */
        ELLIOTT_SYMMETRIC("elliott-symmetric", "FANN_ELLIOT_SYMMETRIC", true),
        /** FANN_LINEAR_PIECE, {@code s·x} clamped to [0, 1]. */
        LINEAR_PIECE("linear-piece", "FANN_LINEAR_PIECE", false),
        /** FANN_LINEAR_PIECE_SYMMETRIC, {@code s·x} clamped to [-1, 1]. */
        LINEAR_PIECE_SYMMETRIC("linear-piece-symmetric", "FANN_LINEAR_PIECE_SYMMETRIC", true),
        /** FANN_SIN_SYMMETRIC, {@code sin(s·x)}: range [-1, 1]. */
        SIN_SYMMETRIC("sin-symmetric", "FANN_SIN_SYMMETRIC", true),
        /** FANN_COS_SYMMETRIC, {@code cos(s·x)}: range [-1, 1]. */
        COS_SYMMETRIC("cos-symmetric", "FANN_COS_SYMMETRIC", true),
        /** FANN_SIN, {@code sin(s·x)/2 + 1/2}: range [0, 1]. */
        SIN("sin", "FANN_SIN", false),
        /** FANN_COS, {@code cos(s·x)/2 + 1/2}: range [0, 1]. */
        COS("cos", "FANN_COS", false);

        private final String synapseName;
        private final String fannName;
        private final boolean symmetric;

        Function(String synapseName, String fannName, boolean symmetric) {
            this.synapseName = synapseName;
            this.fannName = fannName;
            this.symmetric = symmetric;
        }

        /**
         * The stable Synapse name, e.g. {@code "sigmoid-symmetric-stepwise"}.
         *
         * @return the name model files use for this function, unique among all activations
         */
        public String synapseName() {
            return synapseName;
        }

        /**
         * FANN's constant, e.g. {@code "FANN_SIGMOID_SYMMETRIC_STEPWISE"}.
         *
         * @return the constant's name in FANN's {@code fann_activationfunc_enum}, as FANN's {@code .net} files spell it
         */
        public String fannName() {
            return fannName;
        }

        /**
         * Whether FANN counts the function as symmetric (range reaching -1): FANN's MSE halves the error of such
         * outputs ({@code fann_update_MSE}).
         *
         * @return true if the function's range reaches -1, so FANN's MSE halves the output's error
         */
        public boolean isSymmetric() {
            return symmetric;
        }
    }

    // FANN's derivative clips are float literals (0.01f, ...), also in its double build: kept to the bit.
    private static final double SIGMOID_LOW = 0.01f;
    private static final double SIGMOID_HIGH = 0.99f;
    private static final double SYMMETRIC_HIGH = 0.98f;

    private final Function function;
    private final double steepness;
    private final double maxSum;

    FannActivation(Function function, double steepness) {
        this.function = checkNotNull(function, "function");
        checkArgument(steepness > 0 && Double.isFinite(steepness),
                "steepness of activation '%s' must be positive and finite, got %s", function.synapseName, steepness);
        this.steepness = steepness;
        this.maxSum = 150 / steepness;
    }

    /**
     * Which FANN function this is.
     *
     * @return the FANN function, never null
     */
    public Function function() {
        return function;
    }

    /**
     * The steepness s: the function is applied to {@code s·x}.
     *
     * @return the steepness s, positive and finite; FANN's default is 0.5
     */
    public double steepness() {
        return steepness;
    }

    /**
     * Whether FANN's MSE halves this output's error; see {@link Function#isSymmetric()}.
     *
     * @return true if this function's range reaches -1, so FANN's MSE halves the output's error
     */
    public boolean isSymmetric() {
        return function.symmetric;
    }

    @Override
    public String name() {
        return function.synapseName;
    }

    @Override
    public Map<String, Double> arguments() {
        return Map.of("steepness", steepness);
    }

    @Override
    public boolean isDifferentiable() {
        return function != Function.THRESHOLD && function != Function.THRESHOLD_SYMMETRIC;
    }

    /** FANN's {@code fann_run}: the sum is scaled by the steepness and clipped to ±150/s. */
    private double sum(double x) {
        double u = steepness * x;
        return u > maxSum ? maxSum : u < -maxSum ? -maxSum : u;
    }

    @Override
    public double value(double x) {
        double u = sum(x);
        return switch (function) {
            case LINEAR -> u;
            case THRESHOLD -> u < 0 ? 0 : 1;
            case THRESHOLD_SYMMETRIC -> u < 0 ? -1 : 1;
            case SIGMOID -> 1 / (1 + Math.exp(-2 * u));
            case SIGMOID_STEPWISE -> StepwisePieces.SIGMOID.value(u);
            case SIGMOID_SYMMETRIC -> 2 / (1 + Math.exp(-2 * u)) - 1;
            case SIGMOID_SYMMETRIC_STEPWISE -> StepwisePieces.SYMMETRIC.value(u);
            case GAUSSIAN -> Math.exp(-u * u);
            case GAUSSIAN_SYMMETRIC -> Math.exp(-u * u) * 2 - 1;
            case ELLIOTT -> u / 2 / (1 + Math.abs(u)) + 0.5;
            case ELLIOTT_SYMMETRIC -> u / (1 + Math.abs(u));
            case LINEAR_PIECE -> u < 0 ? 0 : u > 1 ? 1 : u;
            case LINEAR_PIECE_SYMMETRIC -> u < -1 ? -1 : u > 1 ? 1 : u;
            case SIN_SYMMETRIC -> Math.sin(u);
            case COS_SYMMETRIC -> Math.cos(u);
            case SIN -> Math.sin(u) / 2 + 0.5;
            case COS -> Math.cos(u) / 2 + 0.5;
        };
    }

    @Override
    public double derivative(double x, double y) {
        double s = steepness;
        return switch (function) {
            case LINEAR, LINEAR_PIECE, LINEAR_PIECE_SYMMETRIC -> s;
            case THRESHOLD, THRESHOLD_SYMMETRIC -> throw new UnsupportedOperationException("activation '" + name()
                    + "' is a threshold without a derivative; it serves inference only");
            case SIGMOID, SIGMOID_STEPWISE -> {
                double v = clip(y, SIGMOID_LOW, SIGMOID_HIGH);
                yield 2 * s * v * (1 - v);
            }
            case SIGMOID_SYMMETRIC, SIGMOID_SYMMETRIC_STEPWISE -> {
                double v = clip(y, -SYMMETRIC_HIGH, SYMMETRIC_HIGH);
                yield s * (1 - v * v);
            }
            case GAUSSIAN -> -2 * sum(x) * y * s;
            case GAUSSIAN_SYMMETRIC -> -2 * sum(x) * (y + 1) * s;
            case ELLIOTT -> {
                double d = 1 + Math.abs(sum(x));
                yield s / (2 * d * d);
            }
            case ELLIOTT_SYMMETRIC -> {
                double d = 1 + Math.abs(sum(x));
                yield s / (d * d);
            }
            case SIN_SYMMETRIC -> s * Math.cos(sum(x));
            case COS_SYMMETRIC -> -s * Math.sin(sum(x));
            case SIN -> s * Math.cos(sum(x)) / 2;
            case COS -> -s * Math.sin(sum(x)) / 2;
        };
    }

    private static double clip(double v, double low, double high) {
        return v < low ? low : v > high ? high : v;
    }

    /**
     * {@link #value(double)} over the array, bit for bit, with the choice of function made once per array: the
     * stepwise functions without their tree of branches ({@link StepwisePieces}), the sigmoids and linear in a plain
     * loop, the rest element by element.
     */
    @Override
    public void apply(double[] in, double[] out) {
        switch (function) {
            case SIGMOID_STEPWISE -> StepwisePieces.SIGMOID.apply(in, out, steepness, maxSum);
            case SIGMOID_SYMMETRIC_STEPWISE -> StepwisePieces.SYMMETRIC.apply(in, out, steepness, maxSum);
            case SIGMOID -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = 1 / (1 + Math.exp(-2 * sum(in[i])));
                }
            }
            case SIGMOID_SYMMETRIC -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = 2 / (1 + Math.exp(-2 * sum(in[i]))) - 1;
                }
            }
            case LINEAR -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = sum(in[i]);
                }
            }
            default -> {
                for (int i = 0; i < in.length; i++) {
                    out[i] = value(in[i]);
                }
            }
        }
    }

    /** {@link #derivative(double, double)} over the array, bit for bit, the function chosen once per array. */
    @Override
    public void backward(double[] x, double[] y, double[] gradientOut, double[] gradientIn) {
        double s = steepness;
        switch (function) {
            case SIGMOID, SIGMOID_STEPWISE -> {
                double twoS = 2 * s;
                for (int i = 0; i < x.length; i++) {
                    double v = clip(y[i], SIGMOID_LOW, SIGMOID_HIGH);
                    gradientIn[i] = gradientOut[i] * (twoS * v * (1 - v));
                }
            }
            case SIGMOID_SYMMETRIC, SIGMOID_SYMMETRIC_STEPWISE -> {
                for (int i = 0; i < x.length; i++) {
                    double v = clip(y[i], -SYMMETRIC_HIGH, SYMMETRIC_HIGH);
                    gradientIn[i] = gradientOut[i] * (s * (1 - v * v));
                }
            }
            case LINEAR, LINEAR_PIECE, LINEAR_PIECE_SYMMETRIC -> {
                for (int i = 0; i < x.length; i++) {
                    gradientIn[i] = gradientOut[i] * s;
                }
            }
            default -> {
                for (int i = 0; i < x.length; i++) {
                    gradientIn[i] = gradientOut[i] * derivative(x[i], y[i]);
                }
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FannActivation other && other.function == function && other.steepness == steepness;
    }

    @Override
    public int hashCode() {
        return function.hashCode() * 31 + Double.hashCode(steepness);
    }

    /**
     * FANN's range of the function: {@code [-1, 1]} for the symmetric ones, {@code [0, 1]} for the others, empty
     * for linear, which is unbounded.
     */
    @Override
    public Optional<OutputRange> outputRange() {
        if (function == Function.LINEAR) {
            return Optional.empty();
        }
        return Optional.of(function.symmetric ? OutputRange.SYMMETRIC : OutputRange.UNIT);
    }

    @Override
    public String toString() {
        return name() + "(steepness=" + steepness + ")";
    }
}
