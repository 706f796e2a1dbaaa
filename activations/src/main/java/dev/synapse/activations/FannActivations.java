package dev.synapse.activations;

import dev.synapse.activations.FannActivation.Function;

/**
 * FANN 2.2's activation functions, each with a steepness s (FANN's default 0.5 when not given): the function is
 * applied to {@code u = s·x}. Every method returns a {@link FannActivation}, whose Javadoc explains the derivatives.
 *
 * <pre>{@code
 * import static dev.synapse.activations.FannActivations.*;
 * Sequential.builder().input(2)
 *         .add(Dense.units(4).activation(sigmoidSymmetric()))            // steepness 0.5
 *         .add(Dense.units(1).activation(sigmoidSymmetricStepwise(1.0)))
 * }</pre>
 *
 * <table>
 * <caption>FANN's activations in Synapse (u = s·x)</caption>
 * <tr><th>Synapse name</th><th>FANN constant</th><th>f</th><th>range</th><th>derivative used in training</th></tr>
 * <tr><td>{@code linear}</td><td>FANN_LINEAR</td><td>{@code u}</td><td>(-inf, inf)</td><td>{@code s}</td></tr>
 * <tr><td>{@code threshold}</td><td>FANN_THRESHOLD</td><td>{@code u < 0 ? 0 : 1}</td><td>{0, 1}</td>
 *     <td>none: inference only</td></tr>
 * <tr><td>{@code threshold-symmetric}</td><td>FANN_THRESHOLD_SYMMETRIC</td><td>{@code u < 0 ? -1 : 1}</td>
 *     <td>{-1, 1}</td><td>none: inference only</td></tr>
 * <tr><td>{@code fann-sigmoid}</td><td>FANN_SIGMOID</td><td>{@code 1 / (1 + e^(-2u))}</td><td>(0, 1)</td>
 *     <td>{@code 2s·y(1-y)}, y clipped to [0.01, 0.99]</td></tr>
 * <tr><td>{@code sigmoid-stepwise}</td><td>FANN_SIGMOID_STEPWISE</td><td>6 linear pieces through the sigmoid</td>
 *     <td>[0, 1]</td><td>as fann-sigmoid, at the stepwise y</td></tr>
 * <tr><td>{@code sigmoid-symmetric}</td><td>FANN_SIGMOID_SYMMETRIC</td><td>{@code tanh(u)}</td><td>(-1, 1)</td>
 *     <td>{@code s(1-y²)}, y clipped to [-0.98, 0.98]</td></tr>
 * <tr><td>{@code sigmoid-symmetric-stepwise}</td><td>FANN_SIGMOID_SYMMETRIC_STEPWISE</td>
 *     <td>6 linear pieces through tanh</td><td>[-1, 1]</td><td>as sigmoid-symmetric, at the stepwise y</td></tr>
 * <tr><td>{@code gaussian}</td><td>FANN_GAUSSIAN</td><td>{@code e^(-u²)}</td><td>(0, 1]</td><td>{@code -2u·y·s}</td></tr>
 * <tr><td>{@code gaussian-symmetric}</td><td>FANN_GAUSSIAN_SYMMETRIC</td><td>{@code 2e^(-u²) - 1}</td>
 *     <td>(-1, 1]</td><td>{@code -2u(y+1)·s}</td></tr>
 * <tr><td>{@code elliott}</td><td>FANN_ELLIOT</td><td>{@code u/2 / (1+|u|) + 1/2}</td><td>(0, 1)</td>
 *     <td>{@code s / (2(1+|u|)²)}</td></tr>
 * <tr><td>{@code elliott-symmetric}</td><td>FANN_ELLIOT_SYMMETRIC</td><td>{@code u / (1+|u|)}</td><td>(-1, 1)</td>
 *     <td>{@code s / (1+|u|)²}</td></tr>
 * <tr><td>{@code linear-piece}</td><td>FANN_LINEAR_PIECE</td><td>{@code u} clamped to [0, 1]</td><td>[0, 1]</td>
 *     <td>{@code s} (also where flat)</td></tr>
 * <tr><td>{@code linear-piece-symmetric}</td><td>FANN_LINEAR_PIECE_SYMMETRIC</td><td>{@code u} clamped to [-1, 1]</td>
 *     <td>[-1, 1]</td><td>{@code s} (also where flat)</td></tr>
 * <tr><td>{@code sin-symmetric}</td><td>FANN_SIN_SYMMETRIC</td><td>{@code sin(u)}</td><td>[-1, 1]</td>
 *     <td>{@code s·cos(u)}</td></tr>
 * <tr><td>{@code cos-symmetric}</td><td>FANN_COS_SYMMETRIC</td><td>{@code cos(u)}</td><td>[-1, 1]</td>
 *     <td>{@code -s·sin(u)}</td></tr>
 * <tr><td>{@code sin}</td><td>FANN_SIN</td><td>{@code sin(u)/2 + 1/2}</td><td>[0, 1]</td><td>{@code s·cos(u)/2}</td></tr>
 * <tr><td>{@code cos}</td><td>FANN_COS</td><td>{@code cos(u)/2 + 1/2}</td><td>[0, 1]</td><td>{@code -s·sin(u)/2}</td></tr>
 * </table>
 *
 * <p>FANN_SIGMOID is called {@code fann-sigmoid} because {@code sigmoid} is already the numpy tutorials' logistic
 * function ({@link Activations#sigmoid()}), which equals FANN's at steepness 0.5 but has no steepness and no
 * derivative clipping. FANN_GAUSSIAN_STEPWISE is not offered: FANN 2.2 computes it as 0. The stepwise breakpoints
 * (in u) are ±0.549306, ±1.472219, ±2.646653 with values 0.25/0.75, 0.05/0.95, 0.005/0.995 (sigmoid) and
 * ±0.5, ±0.9, ±0.99 (symmetric), exactly as fann_activation.h writes them; below the first breakpoint the function
 * is 0 (or -1), from the last on it is 1. docs/fann-activations.md has the same table.
 */
public final class FannActivations {

    /** FANN's default steepness for hidden and output layers. */
    public static final double DEFAULT_STEEPNESS = 0.5;

    private FannActivations() {}

    /**
     * The FANN activation with the given Synapse name (see the table), as a model file names it.
     *
     * @param name the Synapse name, e.g. {@code "sigmoid-symmetric"}; see {@link FannActivation.Function#synapseName()}
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of that function and steepness
     * @throws IllegalArgumentException if no FANN activation has that name or the steepness is not positive
     */
    public static FannActivation of(String name, double steepness) {
        for (Function f : Function.values()) {
            if (f.synapseName().equals(name)) {
                return new FannActivation(f, steepness);
            }
        }
        StringBuilder known = new StringBuilder();
        for (Function f : Function.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.synapseName());
        }
        throw new IllegalArgumentException("no FANN activation is named '" + name + "'; known names: " + known);
    }

    /**
     * The activation of the given FANN function and steepness.
     *
     * @param function which of FANN's functions
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of that function and steepness
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation of(Function function, double steepness) {
        return new FannActivation(function, steepness);
    }

    /**
     * FANN_LINEAR, {@code s·x}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation linear() {
        return linear(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_LINEAR, {@code s·x}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation linear(double steepness) {
        return new FannActivation(Function.LINEAR, steepness);
    }

    /**
     * FANN_THRESHOLD, {@code x < 0 ? 0 : 1}: inference only.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation threshold() {
        return new FannActivation(Function.THRESHOLD, DEFAULT_STEEPNESS);
    }

    /**
     * FANN_THRESHOLD_SYMMETRIC, {@code x < 0 ? -1 : 1}: inference only.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation thresholdSymmetric() {
        return new FannActivation(Function.THRESHOLD_SYMMETRIC, DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIGMOID, {@code 1 / (1 + e^(-2s·x))}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sigmoid() {
        return sigmoid(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIGMOID, {@code 1 / (1 + e^(-2s·x))}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sigmoid(double steepness) {
        return new FannActivation(Function.SIGMOID, steepness);
    }

    /**
     * FANN_SIGMOID_STEPWISE, FANN's piecewise-linear sigmoid, steepness 0.5 (FANN's default hidden and output).
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sigmoidStepwise() {
        return sigmoidStepwise(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIGMOID_STEPWISE, FANN's piecewise-linear sigmoid.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sigmoidStepwise(double steepness) {
        return new FannActivation(Function.SIGMOID_STEPWISE, steepness);
    }

    /**
     * FANN_SIGMOID_SYMMETRIC, {@code tanh(s·x)}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sigmoidSymmetric() {
        return sigmoidSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIGMOID_SYMMETRIC, {@code tanh(s·x)}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sigmoidSymmetric(double steepness) {
        return new FannActivation(Function.SIGMOID_SYMMETRIC, steepness);
    }

    /**
     * FANN_SIGMOID_SYMMETRIC_STEPWISE, FANN's piecewise-linear tanh, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sigmoidSymmetricStepwise() {
        return sigmoidSymmetricStepwise(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIGMOID_SYMMETRIC_STEPWISE, FANN's piecewise-linear tanh.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sigmoidSymmetricStepwise(double steepness) {
        return new FannActivation(Function.SIGMOID_SYMMETRIC_STEPWISE, steepness);
    }

    /**
     * FANN_GAUSSIAN, {@code e^(-(s·x)²)}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation gaussian() {
        return gaussian(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_GAUSSIAN, {@code e^(-(s·x)²)}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation gaussian(double steepness) {
        return new FannActivation(Function.GAUSSIAN, steepness);
    }

    /**
     * FANN_GAUSSIAN_SYMMETRIC, {@code 2e^(-(s·x)²) - 1}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation gaussianSymmetric() {
        return gaussianSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_GAUSSIAN_SYMMETRIC, {@code 2e^(-(s·x)²) - 1}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation gaussianSymmetric(double steepness) {
        return new FannActivation(Function.GAUSSIAN_SYMMETRIC, steepness);
    }

    /**
     * FANN_ELLIOT, {@code (s·x/2) / (1 + |s·x|) + 1/2}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation elliott() {
        return elliott(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_ELLIOT, {@code (s·x/2) / (1 + |s·x|) + 1/2}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation elliott(double steepness) {
        return new FannActivation(Function.ELLIOTT, steepness);
    }

    /**
     * FANN_ELLIOT_SYMMETRIC, {@code s·x / (1 + |s·x|)}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation elliottSymmetric() {
        return elliottSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_ELLIOT_SYMMETRIC, {@code s·x / (1 + |s·x|)}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation elliottSymmetric(double steepness) {
        return new FannActivation(Function.ELLIOTT_SYMMETRIC, steepness);
    }

    /**
     * FANN_LINEAR_PIECE, {@code s·x} clamped to [0, 1], steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation linearPiece() {
        return linearPiece(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_LINEAR_PIECE, {@code s·x} clamped to [0, 1].
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation linearPiece(double steepness) {
        return new FannActivation(Function.LINEAR_PIECE, steepness);
    }

    /**
     * FANN_LINEAR_PIECE_SYMMETRIC, {@code s·x} clamped to [-1, 1], steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation linearPieceSymmetric() {
        return linearPieceSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_LINEAR_PIECE_SYMMETRIC, {@code s·x} clamped to [-1, 1].
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation linearPieceSymmetric(double steepness) {
        return new FannActivation(Function.LINEAR_PIECE_SYMMETRIC, steepness);
    }

    /**
     * FANN_SIN_SYMMETRIC, {@code sin(s·x)}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sinSymmetric() {
        return sinSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIN_SYMMETRIC, {@code sin(s·x)}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sinSymmetric(double steepness) {
        return new FannActivation(Function.SIN_SYMMETRIC, steepness);
    }

    /**
     * FANN_COS_SYMMETRIC, {@code cos(s·x)}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation cosSymmetric() {
        return cosSymmetric(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_COS_SYMMETRIC, {@code cos(s·x)}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation cosSymmetric(double steepness) {
        return new FannActivation(Function.COS_SYMMETRIC, steepness);
    }

    /**
     * FANN_SIN, {@code sin(s·x)/2 + 1/2}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation sin() {
        return sin(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_SIN, {@code sin(s·x)/2 + 1/2}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation sin(double steepness) {
        return new FannActivation(Function.SIN, steepness);
    }

    /**
     * FANN_COS, {@code cos(s·x)/2 + 1/2}, steepness 0.5.
     *
     * @return a new activation of this function with FANN's default steepness, {@link #DEFAULT_STEEPNESS}
     */
    public static FannActivation cos() {
        return cos(DEFAULT_STEEPNESS);
    }

    /**
     * FANN_COS, {@code cos(s·x)/2 + 1/2}.
     *
     * @param steepness s, the factor the input is multiplied by before the function; positive and finite
     * @return a new activation of this function with steepness {@code steepness}
     * @throws IllegalArgumentException if {@code steepness} is not positive and finite
     */
    public static FannActivation cos(double steepness) {
        return new FannActivation(Function.COS, steepness);
    }
}
