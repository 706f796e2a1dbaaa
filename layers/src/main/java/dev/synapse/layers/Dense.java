package dev.synapse.layers;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.core.ActivatedLayer;
import dev.synapse.core.Activation;
import dev.synapse.core.Initializer;
import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Matrix;
import dev.synapse.core.OutputRange;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.RowActivation;
import dev.synapse.core.engine.Product;
import dev.synapse.core.random.NumpyRandom;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A fully connected layer: {@code y = f(x·W + b)} with weights W shaped (inputs, units) and an optional bias row b.
 *
 * <pre>{@code
 * Sequential.builder().input(3)
 *         .add(Dense.units(4).activation(sigmoid()))                 // bias on, Glorot-uniform weights
 *         .add(Dense.units(1).activation(sigmoid()).withoutBias())   // as the numpy tutorials
 * }</pre>
 *
 * <p>Backward pass, with δ = ∂L/∂z = ∂L/∂y ∘ f'(z, y): {@code ∂L/∂W = xᵀ·δ}, {@code ∂L/∂b = Σ_rows δ},
 * {@code ∂L/∂x = δ·Wᵀ}. The layer keeps its pre-activation z as state between the passes, which also lets a loss
 * made for its activation hand back δ directly ({@link ActivatedLayer}).
 *
 * <p><b>Softmax output.</b> f is either element-wise (an {@link Activation}) or row-wise (a {@link RowActivation}:
 * {@code Dense.units(10).activation(softmax())}). Softmax is an activation choice of this layer, as in Keras,
 * rather than a layer of its own, because the fusion with cross-entropy needs z, which this layer keeps anyway: a
 * separate softmax layer would have to keep a second copy, and a softmax folded into the loss would leave
 * {@code predict} returning logits instead of probabilities.
 *
 * <p><b>L2 penalty.</b> {@code Dense.units(128).activation(relu()).l2(1e-4)} adds {@code λ·Σw²} over the weights
 * (not the bias, as Keras' {@code kernel_regularizer=l2(λ)}) to each batch's loss, and {@code 2λw} to the weight
 * gradient.
 */
public final class Dense implements ActivatedLayer {

    private final int inputSize;
    private final int units;
    /** The element-wise activation, or null when {@link #rowActivation} is set. */
    private final Activation activation;
    /** The row-wise activation (softmax), or null when {@link #activation} is set. */
    private final RowActivation rowActivation;
    private final Parameter weights;
    private final Parameter bias;
    private final double l2;
    /** The activation's name, made once: the training loop asks for it every batch and must not allocate. */
    private final Optional<String> outputActivation;

    /**
     * A dense layer with the given parameters (used as they are, not copied), e.g. when loading a model.
     *
     * @param activation the element-wise activation applied to {@code x·W + b}
     * @param weights inputs × units
     * @param bias    1 × units, or null for a layer without bias
     */
    public Dense(Activation activation, Matrix weights, Matrix bias) {
        this(checkNotNull(activation, "activation"), null, weights, bias, 0);
    }

    /**
     * A dense layer with a row-wise activation such as softmax and the given parameters (used as they are).
     *
     * @param activation the row-wise activation applied to each sample's {@code x·W + b}, e.g. softmax
     * @param weights inputs × units
     * @param bias    1 × units, or null for a layer without bias
     */
    public Dense(RowActivation activation, Matrix weights, Matrix bias) {
        this(null, checkNotNull(activation, "activation"), weights, bias, 0);
    }

    private Dense(Activation activation, RowActivation rowActivation, Matrix weights, Matrix bias, double l2) {
        this.activation = activation;
        this.rowActivation = rowActivation;
        checkArgument(l2 >= 0 && Double.isFinite(l2), "an L2 factor must be finite and not negative, got %s", l2);
        this.l2 = l2;
        this.outputActivation = Optional.of(activation != null ? activation.name() : rowActivation.name());
        checkNotNull(weights, "weights");
        this.inputSize = weights.rows();
        this.units = weights.cols();
        Affine.checkShapes("dense", weights, bias);
        this.weights = new Parameter("weights", weights);
        this.bias = bias == null ? null : new Parameter("bias", bias);
    }

    /**
     * Starts describing a dense layer of {@code units} outputs.
     *
     * @param units the number of outputs per sample, at least 1
     * @return a spec still needing its activation; add it to {@code Sequential.builder()}
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public static Spec units(int units) {
        checkArgument(units > 0, "a dense layer needs a positive number of units, got %s", units);
        return new Spec(units, null, null, true, Initializers.glorotUniform(), Initializers.zeros(), 0);
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

    /**
     * The activation's range: bounded for sigmoid, tanh, softmax and FANN's functions, empty for identity and ReLU.
     */
    @Override
    public Optional<OutputRange> outputRange() {
        return activation == null ? Optional.of(OutputRange.UNIT) : activation.outputRange();
    }

    /**
     * The element-wise activation.
     *
     * @return the activation applied to each output, never null
     * @throws IllegalStateException if the layer's activation is row-wise (softmax): see {@link #rowActivation()}
     */
    public Activation activation() {
        if (activation == null) {
            throw new IllegalStateException("this dense layer's activation, " + rowActivation.name()
                    + ", is row-wise: read it with rowActivation(), or its name with outputActivation()");
        }
        return activation;
    }

    /**
     * The row-wise activation (softmax), or empty when the activation is element-wise.
     *
     * @return the row-wise activation, present only when the element-wise {@link #activation()} is absent
     */
    public Optional<RowActivation> rowActivation() {
        return Optional.ofNullable(rowActivation);
    }

    /** The activation's name, e.g. {@code "relu"} or {@code "softmax"}. */
    @Override
    public Optional<String> outputActivation() {
        return outputActivation;
    }

    /**
     * The L2 factor λ of the weight penalty {@code λ·Σw²}; 0 for none.
     *
     * @return λ, finite and not negative; 0 means no weight penalty
     */
    public double l2() {
        return l2;
    }

    /**
     * This layer with an L2 penalty {@code λ·Σw²} on its weights, sharing its weight and bias matrices.
     *
     * @param l2 the factor λ, finite and not negative; 0 removes the penalty
     * @return a new layer over the same matrices, so training either one trains both
     * @throws IllegalArgumentException if {@code l2} is negative or not finite
     */
    public Dense withL2(double l2) {
        return new Dense(activation, rowActivation, weights.value(), bias == null ? null : bias.value(), l2);
    }

    /**
     * The weights W, inputs × units.
     *
     * @return the weight parameter with its gradient; its value is {@code inputSize() × units}
     */
    public Parameter weights() {
        return weights;
    }

    /**
     * The bias row b, 1 × units, or empty for a layer without bias.
     *
     * @return the bias parameter with its gradient, or empty when the layer was built without bias
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
        Affine.checkInput("dense", input, inputSize);
        Affine.sum(input, weights, bias, state);
        if (activation != null) {
            Affine.activate(activation, state, output);
        } else {
            rowActivation.apply(state, output);
        }
    }

    @Override
    public Matrix preActivation(Matrix state) {
        return state;
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        // δ overwrites the pre-activation, which backward no longer needs.
        if (rowActivation != null) {
            rowActivation.backward(state, output, outputGradient, state);
            backwardFromPreActivation(input, state, state, inputGradient);
            return;
        }
        Affine.checkTrainable(activation);
        Affine.activationBackward(activation, state, output, outputGradient, state);
        backwardFromPreActivation(input, state, state, inputGradient);
    }

    @Override
    public void backwardFromPreActivation(Matrix input, Matrix state, Matrix delta, Matrix inputGradient) {
        Matrix.multiply(Product.AT_B, input, delta, weights.gradient(), true);
        if (bias != null) {
            delta.columnSumsInto(bias.gradient(), true);
        }
        if (inputGradient != null) {
            Matrix.multiply(Product.A_BT, delta, weights.value(), inputGradient, false);
        }
    }

    /** {@code λ·Σw²} over the weights; 0 without an L2 factor. */
    @Override
    public double penalty() {
        if (l2 == 0) {
            return 0;
        }
        return l2 * weights.value().sumOfSquares();
    }

    /** Adds {@code 2λw} to the weight gradient. */
    @Override
    public void addPenaltyGradient() {
        if (l2 != 0) {
            weights.gradient().addScaled(2 * l2, weights.value());
        }
    }

    /** A dense layer of this configuration over this layer's weights and bias converted to {@code precision}. */
    @Override
    public Dense withPrecision(Precision precision) {
        if (precision == weights.value().precision()) {
            return this;
        }
        return new Dense(activation, rowActivation, weights.value().toPrecision(precision),
                Affine.convert(bias == null ? null : bias.value(), precision), l2);
    }

    @Override
    public String toString() {
        return "Dense[" + inputSize + "->" + units + ", "
                + (activation != null ? describe(activation) : rowActivation.name())
                + (bias == null ? ", no bias" : "") + (l2 == 0 ? "" : ", l2=" + l2) + "]";
    }

    /**
     * An activation by its name and arguments, e.g. {@code sigmoid-stepwise(steepness=0.5)}: a user's activation
     * class need not override toString to read well here.
     */
    static String describe(Activation activation) {
        if (activation.arguments().isEmpty()) {
            return activation.name();
        }
        StringJoiner arguments = new StringJoiner(", ", activation.name() + "(", ")");
        new TreeMap<>(activation.arguments()).forEach((name, value) -> arguments.add(name + "=" + value));
        return arguments.toString();
    }

    /**
     * The immutable description of a dense layer; each method returns a changed copy.
     */
    public static final class Spec implements LayerSpec {

        private final int units;
        private final Activation activation;
        private final RowActivation rowActivation;
        private final boolean useBias;
        private final Initializer weightInit;
        private final Initializer biasInit;
        private final double l2;

        private Spec(int units, Activation activation, RowActivation rowActivation, boolean useBias,
                Initializer weightInit, Initializer biasInit, double l2) {
            this.units = units;
            this.activation = activation;
            this.rowActivation = rowActivation;
            this.useBias = useBias;
            this.weightInit = weightInit;
            this.biasInit = biasInit;
            this.l2 = l2;
        }

        /**
         * The activation applied to {@code x·W + b}; required (use {@code identity()} for a linear layer).
         *
         * @param activation the element-wise activation, e.g. {@code sigmoid()}
         * @return a copy of this spec with that activation, replacing any earlier one
         */
        public Spec activation(Activation activation) {
            return new Spec(units, checkNotNull(activation, "activation"), null, useBias, weightInit, biasInit, l2);
        }

        /**
         * A row-wise activation applied to each sample's {@code x·W + b}: {@code activation(softmax())}.
         *
         * @param activation the row-wise activation, e.g. {@code softmax()}
         * @return a copy of this spec with that activation, replacing any earlier one
         */
        public Spec activation(RowActivation activation) {
            return new Spec(units, null, checkNotNull(activation, "activation"), useBias, weightInit, biasInit, l2);
        }

        /**
         * Drops the bias: {@code y = f(x·W)}, as the numpy tutorials compute.
         *
         * @return a copy of this spec whose layer has no bias parameter
         */
        public Spec withoutBias() {
            return new Spec(units, activation, rowActivation, false, weightInit, biasInit, l2);
        }

        /**
         * How the weights start (Glorot uniform by default).
         *
         * @param initializer draws the starting weights from the model's seeded random numbers
         * @return a copy of this spec with that weight initializer
         */
        public Spec weights(Initializer initializer) {
            return new Spec(units, activation, rowActivation, useBias, checkNotNull(initializer, "weight initializer"),
                    biasInit, l2);
        }

        /**
         * How the bias starts (zeros by default); also turns the bias on.
         *
         * @param initializer draws the starting bias from the model's seeded random numbers
         * @return a copy of this spec with a bias started by that initializer
         */
        public Spec bias(Initializer initializer) {
            return new Spec(units, activation, rowActivation, true, weightInit,
                    checkNotNull(initializer, "bias initializer"), l2);
        }

        /**
         * Adds the L2 penalty {@code λ·Σw²} over the weights to the loss (Keras' {@code kernel_regularizer=l2(λ)}),
         * e.g. {@code l2(1e-4)}; 0 removes it.
         *
         * @param lambda the factor λ, finite and not negative; 0 for no penalty
         * @return a copy of this spec with that penalty
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Spec l2(double lambda) {
            checkArgument(lambda >= 0 && Double.isFinite(lambda),
                    "dense layer of %s units: the L2 factor must be finite and not negative, got %s",
                    (Object) units, (Object) lambda);
            return new Spec(units, activation, rowActivation, useBias, weightInit, biasInit, lambda);
        }

        /**
         * The number of units.
         *
         * @return the number of outputs per sample, at least 1
         */
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
            if (activation == null && rowActivation == null) {
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
            return new Dense(activation, rowActivation, w, b, l2);
        }

        @Override
        public String toString() {
            String f = activation != null ? describe(activation) : rowActivation != null ? rowActivation.name() : null;
            return "Dense.units(" + units + ")" + (f == null ? "" : ".activation(" + f + ")")
                    + (useBias ? "" : ".withoutBias()") + (l2 == 0 ? "" : ".l2(" + l2 + ")");
        }
    }
}
