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
import dev.synapse.core.engine.Product;
import dev.synapse.core.random.NumpyRandom;
import java.util.List;
import java.util.Optional;

/**
 * A fully connected layer: {@code y = f(x·W + b)} with weights W shaped (inputs, units) and an optional bias row b.
 *
 * <pre>{@code
 * Sequential.builder().input(3)
 *         .add(Dense.units(4).activation(sigmoid()))                 // bias on, Glorot-uniform weights
 *         .add(Dense.units(1).activation(sigmoid()).withoutBias())   // as the numpy tutorials
 * }</pre>
 *
 * <p>Backward pass, with δ = ∂L/∂y ∘ f'(z, y): {@code ∂L/∂W = xᵀ·δ}, {@code ∂L/∂b = Σ_rows δ},
 * {@code ∂L/∂x = δ·Wᵀ}. The layer keeps its pre-activation z as state between the passes.
 */
public final class Dense implements Layer {

    private final int inputSize;
    private final int units;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;

    /**
     * A dense layer with the given parameters (used as they are, not copied), e.g. when loading a model.
     *
     * @param weights inputs × units
     * @param bias    1 × units, or null for a layer without bias
     */
    public Dense(Activation activation, Matrix weights, Matrix bias) {
        this.activation = checkNotNull(activation, "activation");
        checkNotNull(weights, "weights");
        this.inputSize = weights.rows();
        this.units = weights.cols();
        checkArgument(inputSize > 0 && units > 0, "dense weights must not be empty, got %s", weights.shape());
        checkArgument(bias == null || bias.hasShape(1, units),
                "dense bias must be 1x%s to match weights %s, got %s", units, weights.shape(),
                bias == null ? "" : bias.shape());
        this.weights = new Parameter("weights", weights);
        this.bias = bias == null ? null : new Parameter("bias", bias);
    }

    /**
     * Starts describing a dense layer of {@code units} outputs.
     *
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public static Spec units(int units) {
        checkArgument(units > 0, "a dense layer needs a positive number of units, got %s", units);
        return new Spec(units, null, true, Initializers.glorotUniform(), Initializers.zeros());
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    @Override
    public int outputSize() {
        return units;
    }

    @Override
    public int stateWidth() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    public Parameter weights() {
        return weights;
    }

    public Optional<Parameter> bias() {
        return Optional.ofNullable(bias);
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? ImmutableList.of(weights) : ImmutableList.of(weights, bias);
    }

    @Override
    public void forward(Matrix input, Matrix state, Matrix output) {
        Affine.checkInput("dense", input, inputSize);
        Affine.sum(input, weights, bias, state);
        activation.apply(state.data(), output.data());
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        Affine.checkTrainable(activation);
        // δ overwrites the pre-activation, which backward no longer needs.
        Matrix delta = state;
        activation.backward(state.data(), output.data(), outputGradient.data(), delta.data());
        Matrix.multiply(Product.AT_B, input, delta, weights.gradient(), true);
        if (bias != null) {
            delta.columnSumsInto(bias.gradient(), true);
        }
        if (inputGradient != null) {
            Matrix.multiply(Product.A_BT, delta, weights.value(), inputGradient, false);
        }
    }

    @Override
    public String toString() {
        return "Dense[" + inputSize + "->" + units + ", " + activation + (bias == null ? ", no bias" : "") + "]";
    }

    /**
     * The immutable description of a dense layer; each method returns a changed copy.
     */
    public static final class Spec implements LayerSpec {

        private final int units;
        private final Activation activation;
        private final boolean useBias;
        private final Initializer weightInit;
        private final Initializer biasInit;

        private Spec(int units, Activation activation, boolean useBias, Initializer weightInit, Initializer biasInit) {
            this.units = units;
            this.activation = activation;
            this.useBias = useBias;
            this.weightInit = weightInit;
            this.biasInit = biasInit;
        }

        /** The activation applied to {@code x·W + b}; required (use {@code identity()} for a linear layer). */
        public Spec activation(Activation activation) {
            return new Spec(units, checkNotNull(activation, "activation"), useBias, weightInit, biasInit);
        }

        /** Drops the bias: {@code y = f(x·W)}, as the numpy tutorials compute. */
        public Spec withoutBias() {
            return new Spec(units, activation, false, weightInit, biasInit);
        }

        /** How the weights start (Glorot uniform by default). */
        public Spec weights(Initializer initializer) {
            return new Spec(units, activation, useBias, checkNotNull(initializer, "weight initializer"), biasInit);
        }

        /** How the bias starts (zeros by default); also turns the bias on. */
        public Spec bias(Initializer initializer) {
            return new Spec(units, activation, true, weightInit, checkNotNull(initializer, "bias initializer"));
        }

        public int units() {
            return units;
        }

        /**
         * Draws the weights (row by row), then the bias, from {@code random}.
         *
         * @throws IllegalStateException if no activation was given
         */
        @Override
        public Dense build(int index, int inputSize, NumpyRandom random) {
            if (activation == null) {
                throw new IllegalStateException("dense layer " + index + " (" + units + " units) has no activation; "
                        + "call activation(...), e.g. activation(sigmoid()), or activation(identity()) for a linear layer");
            }
            Matrix w = new Matrix(inputSize, units);
            weightInit.initialize(w, inputSize, units, random);
            Matrix b = null;
            if (useBias) {
                b = new Matrix(1, units);
                biasInit.initialize(b, inputSize, units, random);
            }
            return new Dense(activation, w, b);
        }

        @Override
        public String toString() {
            return "Dense.units(" + units + ")" + (activation == null ? "" : ".activation(" + activation + ")")
                    + (useBias ? "" : ".withoutBias()");
        }
    }
}
