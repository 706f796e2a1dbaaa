package dev.synapse.layers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.core.Activation;
import dev.synapse.core.Initializer;
import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Product;
import dev.synapse.core.random.NumpyRandom;
import java.util.List;
import java.util.Optional;

/**
 * A layer that passes its input on and appends new units: {@code y = [x, f(x·W + b)]}, so every later layer sees
 * the network's inputs and all earlier units — FANN's shortcut connections ({@code fann_create_shortcut}, the
 * networks cascade training grows). A stack of them followed by a {@link Dense} output layer is a FANN shortcut
 * network.
 *
 * <pre>{@code
 * Sequential.builder().input(2)
 *         .add(Shortcut.units(3).activation(sigmoidSymmetric()))   // outputs 2 + 3 values
 *         .add(Dense.units(1).activation(sigmoidSymmetric()))      // sees the 2 inputs and the 3 hidden units
 * }</pre>
 *
 * <p>Backward pass, with g the output gradient split into [g_x, g_h] and δ = g_h ∘ f'(z, h):
 * {@code ∂L/∂W = xᵀ·δ}, {@code ∂L/∂b = Σ_rows δ}, {@code ∂L/∂x = g_x + δ·Wᵀ}. The pre-activation z is the state.
 */
public final class Shortcut implements Layer {

    private final int inputSize;
    private final int units;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;

    /**
     * A shortcut layer with the given parameters (used as they are, not copied).
     *
     * @param activation the activation of the new units
     * @param weights inputs × new units
     * @param bias    1 × new units, or null for units without bias
     * @throws IllegalArgumentException if the weights are empty or the bias does not match them
     */
    public Shortcut(Activation activation, Matrix weights, Matrix bias) {
        this.activation = checkNotNull(activation, "activation");
        checkNotNull(weights, "weights");
        this.inputSize = weights.rows();
        this.units = weights.cols();
        Affine.checkShapes("shortcut", weights, bias);
        this.weights = new Parameter("weights", weights);
        this.bias = bias == null ? null : new Parameter("bias", bias);
    }

    /**
     * Starts describing a shortcut layer that appends {@code units} new units to its input.
     *
     * @param units the number of new units appended after the input, at least 1
     * @return a spec still needing its activation; add it to {@code Sequential.builder()}
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public static Spec units(int units) {
        checkArgument(units > 0, "a shortcut layer needs a positive number of units, got %s", units);
        return new Spec(units, null, Initializers.glorotUniform(), Initializers.zeros());
    }

    @Override
    public String type() {
        return "shortcut";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    /** The input width plus the new units. */
    @Override
    public int outputSize() {
        return inputSize + units;
    }

    /**
     * The number of new units this layer appends.
     *
     * @return the number of new units, at least 1; the output is the input's width plus this
     */
    public int units() {
        return units;
    }

    @Override
    public int stateWidth() {
        return units;
    }

    /**
     * The activation of the new units.
     *
     * @return the new units' activation, never null; the copied input passes unchanged
     */
    public Activation activation() {
        return activation;
    }

    /**
     * The weights, inputs × new units.
     *
     * @return the weight parameter with its gradient, {@code inputSize() × units()}
     */
    public Parameter weights() {
        return weights;
    }

    /**
     * The bias of the new units, if they have one.
     *
     * @return the bias parameter, 1 × {@code units()}, or empty for new units without bias
     */
    public Optional<Parameter> bias() {
        return Optional.ofNullable(bias);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? ImmutableList.of(weights) : ImmutableList.of(weights, bias);
    }

    @Override
    public void forward(Matrix input, Matrix state, Matrix output) {
        Affine.checkInput("shortcut", input, inputSize);
        Affine.sum(input, weights, bias, state);
        if (input.isFloat()) {
            forwardFloat(input.rows(), input.floatData(), state.floatData(), output.floatData());
            return;
        }
        double[] x = input.data();
        double[] z = state.data();
        double[] y = output.data();
        int width = inputSize + units;
        for (int r = 0; r < input.rows(); r++) {
            System.arraycopy(x, r * inputSize, y, r * width, inputSize);
            int from = r * units;
            int to = r * width + inputSize;
            for (int j = 0; j < units; j++) {
                y[to + j] = activation.value(z[from + j]);
            }
        }
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        Affine.checkTrainable(activation);
        if (input.isFloat()) {
            backwardFloat(input, state, output, outputGradient, inputGradient);
            return;
        }
        double[] z = state.data();
        double[] y = output.data();
        double[] g = outputGradient.data();
        int width = inputSize + units;
        // δ overwrites the pre-activation, which backward no longer needs.
        for (int r = 0; r < input.rows(); r++) {
            int at = r * units;
            int from = r * width + inputSize;
            for (int j = 0; j < units; j++) {
                z[at + j] = g[from + j] * activation.derivative(z[at + j], y[from + j]);
            }
        }
        Matrix.multiply(Product.AT_B, input, state, weights.gradient(), true);
        if (bias != null) {
            state.columnSumsInto(bias.gradient(), true);
        }
        if (inputGradient != null) {
            Matrix.multiply(Product.A_BT, state, weights.value(), inputGradient, false);
            double[] gx = inputGradient.data();
            for (int r = 0; r < input.rows(); r++) {
                int at = r * inputSize;
                int from = r * width;
                for (int c = 0; c < inputSize; c++) {
                    gx[at + c] += g[from + c];
                }
            }
        }
    }

    /** The forward pass after {@code z = x·W + b} in float: the input copied, then the new units' activations. */
    private void forwardFloat(int rows, float[] x, float[] z, float[] y) {
        int width = inputSize + units;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x, r * inputSize, y, r * width, inputSize);
            int from = r * units;
            int to = r * width + inputSize;
            for (int j = 0; j < units; j++) {
                y[to + j] = (float) activation.value(z[from + j]);
            }
        }
    }

    /** The backward pass in float: δ into the state, then the products of the double form, then g_x added. */
    private void backwardFloat(Matrix input, Matrix state, Matrix output, Matrix outputGradient,
            Matrix inputGradient) {
        float[] z = state.floatData();
        float[] y = output.floatData();
        float[] g = outputGradient.floatData();
        int width = inputSize + units;
        for (int r = 0; r < input.rows(); r++) {
            int at = r * units;
            int from = r * width + inputSize;
            for (int j = 0; j < units; j++) {
                z[at + j] = g[from + j] * (float) activation.derivative(z[at + j], y[from + j]);
            }
        }
        Matrix.multiply(Product.AT_B, input, state, weights.gradient(), true);
        if (bias != null) {
            state.columnSumsInto(bias.gradient(), true);
        }
        if (inputGradient != null) {
            Matrix.multiply(Product.A_BT, state, weights.value(), inputGradient, false);
            float[] gx = inputGradient.floatData();
            for (int r = 0; r < input.rows(); r++) {
                for (int c = 0; c < inputSize; c++) {
                    gx[r * inputSize + c] += g[r * width + c];
                }
            }
        }
    }

    /** A shortcut layer of this configuration over this layer's weights and bias converted to {@code precision}. */
    @Override
    public Shortcut withPrecision(Precision precision) {
        if (precision == weights.value().precision()) {
            return this;
        }
        return new Shortcut(activation, weights.value().toPrecision(precision),
                Affine.convert(bias == null ? null : bias.value(), precision));
    }

    @Override
    public String toString() {
        return "Shortcut[" + inputSize + "->" + inputSize + "+" + units + ", " + activation
                + (bias == null ? ", no bias" : "") + "]";
    }

    /** The immutable description of a shortcut layer; each method returns a changed copy. */
    public static final class Spec implements LayerSpec {

        private final int units;
        private final Activation activation;
        private final Initializer weightInit;
        private final Initializer biasInit;

        private Spec(int units, Activation activation, Initializer weightInit, Initializer biasInit) {
            this.units = units;
            this.activation = activation;
            this.weightInit = weightInit;
            this.biasInit = biasInit;
        }

        /**
         * The activation of the new units; required.
         *
         * @param activation the new units' activation, e.g. {@code tanh()}
         * @return a copy of this spec with that activation, replacing any earlier one
         */
        public Spec activation(Activation activation) {
            return new Spec(units, checkNotNull(activation, "activation"), weightInit, biasInit);
        }

        /**
         * How the weights start (Glorot uniform by default).
         *
         * @param initializer draws the starting weights from the model's seeded random numbers
         * @return a copy of this spec with that weight initializer
         */
        public Spec weights(Initializer initializer) {
            return new Spec(units, activation, checkNotNull(initializer, "weight initializer"), biasInit);
        }

        /**
         * How the bias starts (zeros by default).
         *
         * @param initializer draws the starting bias from the model's seeded random numbers
         * @return a copy of this spec with that bias initializer
         */
        public Spec bias(Initializer initializer) {
            return new Spec(units, activation, weightInit, checkNotNull(initializer, "bias initializer"));
        }

        /**
         * Draws the weights (row by row), then the bias, from {@code random}.
         *
         * @throws IllegalStateException if no activation was given
         */
        @Override
        public Shortcut build(int index, int inputSize, NumpyRandom random) {
            if (activation == null) {
                throw new IllegalStateException("shortcut layer " + index + " (" + units + " units) has no"
                        + " activation; call activation(...), e.g. activation(sigmoidSymmetric())");
            }
            Matrix w = new Matrix(inputSize, units);
            weightInit.initialize(w, inputSize, units, random);
            Matrix b = new Matrix(1, units);
            biasInit.initialize(b, inputSize, units, random);
            return new Shortcut(activation, w, b);
        }

        @Override
        public String toString() {
            return "Shortcut.units(" + units + ")" + (activation == null ? "" : ".activation(" + activation + ")");
        }
    }
}
