package dev.synapse.fann;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;

/**
 * A FANN fixed-point network ({@code FANN_FIX_2.0}, as {@code fann_save_to_fixed} writes it) that computes what
 * libfixedfann's {@code fann_run} computes, integer for integer: the weights and steepnesses are the file's
 * integers, every product is FANN's {@code fann_mult} (an int product shifted right by the decimal point, so it is
 * truncated towards minus infinity), sums are ints that wrap as FANN's do, and the sigmoids are FANN's stepwise
 * sigmoids evaluated in integer arithmetic on the unscaled sum, with FANN's six points per function divided by the
 * neuron's steepness. Linear, linear-piece and threshold neurons ignore the steepness, as libfixedfann does; it has
 * no clipping of sums (the stepwise sigmoids saturate below their first and from their last point).
 *
 * <pre>{@code
 * FixedPointNetwork fixed = FannNetFile.readFixedPoint(Path.of("xor_fixed.net"));
 * int[] raw = fixed.run(fixed.multiplier(), -fixed.multiplier());   // fann_run's integers, for inputs 1 and -1
 * double[] y = fixed.predict(1, -1);                                 // the same divided by the multiplier
 * }</pre>
 *
 * <p>It computes every network {@code fann_create_from_file} of libfixedfann loads and {@code fann_run} can run:
 * layered, sparse and shortcut networks, with FANN_LINEAR, FANN_THRESHOLD(_SYMMETRIC), FANN_SIGMOID(_STEPWISE),
 * FANN_SIGMOID_SYMMETRIC(_STEPWISE) and FANN_LINEAR_PIECE(_SYMMETRIC) neurons, mixed freely. It only predicts: to
 * train on, read the file with {@link FannNetFile#read} into a double-precision model. Instances are immutable and
 * may be shared between threads.
 */
public final class FixedPointNetwork {

    private final int decimalPoint;
    private final int multiplier;
    private final int inputs;
    private final int outputs;
    private final int firstComputed;
    private final int firstOutput;
    private final int[] firstConnection;
    private final int[] sources;
    private final int[] weights;
    private final int[] functions;
    private final int[] steps;
    private final FixedPointSigmoids sigmoids;

    /**
     * @param firstConnection each neuron's first connection, and the total at the end
     * @param sources         each connection's source neuron, always in a layer before its neuron
     * @param functions       each neuron's FANN activation code, one of those {@code fann_run} computes
     * @param steps           six sums per neuron: a sigmoid neuron's points, FANN's divided by its steepness
     */
    FixedPointNetwork(int decimalPoint, int inputs, int outputs, int firstComputed, int firstOutput,
            int[] firstConnection, int[] sources, int[] weights, int[] functions, int[] steps,
            FixedPointSigmoids sigmoids) {
        this.decimalPoint = decimalPoint;
        this.multiplier = 1 << decimalPoint;
        this.inputs = inputs;
        this.outputs = outputs;
        this.firstComputed = firstComputed;
        this.firstOutput = firstOutput;
        this.firstConnection = firstConnection;
        this.sources = sources;
        this.weights = weights;
        this.functions = functions;
        this.steps = steps;
        this.sigmoids = sigmoids;
    }

    /**
     * The number of inputs.
     *
     * @return the width of an input
     */
    public int inputSize() {
        return inputs;
    }

    /**
     * The number of outputs.
     *
     * @return the width of an output
     */
    public int outputSize() {
        return outputs;
    }

    /**
     * The file's {@code decimal_point}: fixed-point numbers are integers in units of 2^-decimalPoint.
     *
     * @return the decimal point, from 0 to 30
     */
    public int decimalPoint() {
        return decimalPoint;
    }

    /**
     * FANN's {@code fann_get_multiplier}: 2^{@link #decimalPoint()}, the integer that stands for 1.
     *
     * @return the multiplier
     */
    public int multiplier() {
        return multiplier;
    }

    /**
     * libfixedfann's {@code fann_run}, integers in and out.
     *
     * @param input the inputs in fixed point, as {@code fann_run} takes them (value × {@link #multiplier()});
     *              libfixedfann warns beyond ±multiplier that sums may overflow, and computes on
     * @return the outputs in fixed point, exactly {@code fann_run}'s
     * @throws IllegalArgumentException if {@code input} does not have {@link #inputSize()} values
     */
    public int[] run(int... input) {
        checkNotNull(input, "input");
        checkArgument(input.length == inputs, "this network takes %s inputs, got %s", inputs, input.length);
        int[] values = new int[firstConnection.length - 1];
        System.arraycopy(input, 0, values, 0, inputs);
        values[inputs] = multiplier;
        for (int n = firstComputed; n < values.length; n++) {
            int from = firstConnection[n];
            int to = firstConnection[n + 1];
            if (from == to) {
                // fann_run's bias neurons: no connections, value 1.
                values[n] = multiplier;
                continue;
            }
            int sum = 0;
            for (int c = from; c < to; c++) {
                sum += FixedPointArithmetic.multiply(weights[c], values[sources[c]], decimalPoint);
            }
            values[n] = activate(n, sum);
        }
        int[] out = new int[outputs];
        System.arraycopy(values, firstOutput, out, 0, outputs);
        return out;
    }

    /**
     * {@link #run(int...)} on values: each input is rounded to the nearest multiple of 1 / multiplier, halves away
     * from zero, as FANN's examples and Synapse's tests hand inputs to libfixedfann, and each output is divided by
     * the multiplier, exactly.
     *
     * @param input the inputs as values
     * @return the outputs as values, each a multiple of 1 / multiplier
     * @throws IllegalArgumentException if {@code input} does not have {@link #inputSize()} values, or one is not
     *                                  finite or too large for an int in fixed point
     */
    public double[] predict(double... input) {
        checkNotNull(input, "input");
        checkArgument(input.length == inputs, "this network takes %s inputs, got %s", inputs, input.length);
        int[] fixed = new int[inputs];
        for (int i = 0; i < inputs; i++) {
            fixed[i] = FixedPointArithmetic.toFixed(input[i], multiplier, "input " + i);
        }
        int[] out = run(fixed);
        double[] values = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            values[o] = Math.scalb((double) out[o], -decimalPoint);
        }
        return values;
    }

    /**
     * {@link #predict(double...)} on every row of {@code inputs}.
     *
     * @param inputs samples × {@link #inputSize()}
     * @return samples × {@link #outputSize()}
     * @throws IllegalArgumentException if {@code inputs} has another width, or as {@link #predict(double...)}
     */
    public Matrix predict(Matrix inputs) {
        checkNotNull(inputs, "inputs");
        checkArgument(inputs.cols() == this.inputs, "this network takes %s inputs, got a matrix of %s",
                this.inputs, inputs.shape());
        Matrix out = new Matrix(inputs.rows(), outputs);
        for (int r = 0; r < inputs.rows(); r++) {
            double[] row = predict(inputs.row(r));
            for (int o = 0; o < outputs; o++) {
                out.set(r, o, row[o]);
            }
        }
        return out;
    }

    /** Neuron {@code n}'s value for {@code sum}, as fann_run's switch on its activation computes it. */
    private int activate(int n, int sum) {
        return switch (functions[n]) {
            case FixedPointImport.LINEAR -> sum;
            case FixedPointImport.THRESHOLD -> sum < 0 ? 0 : multiplier;
            case FixedPointImport.THRESHOLD_SYMMETRIC -> sum < 0 ? -multiplier : multiplier;
            case FixedPointImport.SIGMOID, FixedPointImport.SIGMOID_STEPWISE ->
                FixedPointArithmetic.stepwise(steps, 6 * n, sigmoids.results, 0, multiplier, sum);
            case FixedPointImport.SIGMOID_SYMMETRIC, FixedPointImport.SIGMOID_SYMMETRIC_STEPWISE ->
                FixedPointArithmetic.stepwise(steps, 6 * n, sigmoids.symmetricResults, -multiplier, multiplier, sum);
            case FixedPointImport.LINEAR_PIECE -> sum < 0 ? 0 : Math.min(sum, multiplier);
            case FixedPointImport.LINEAR_PIECE_SYMMETRIC -> sum < -multiplier ? -multiplier : Math.min(sum, multiplier);
            default -> throw new IllegalStateException("neuron " + n + " has activation code " + functions[n]
                    + ", which FixedPointImport lets through but fann_run does not compute");
        };
    }
}
