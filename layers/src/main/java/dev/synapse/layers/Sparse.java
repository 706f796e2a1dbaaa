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
import dev.synapse.core.random.NumpyRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A partly connected layer, FANN's sparse network layer ({@code fann_create_sparse}): unit j computes
 * {@code y_j = f(Σ_(i→j) w_ij·x_i + w_bj)} over the connections that exist, which a 0/1 mask of (inputs + 1) × units
 * names — row i for input i, the last row for the bias.
 *
 * <pre>{@code
 * Sequential.builder().input(8)
 *         .add(Sparse.units(6).activation(sigmoidSymmetric()).connectionRate(0.5))   // each unit sees 4 inputs
 *         .add(Dense.units(1).activation(sigmoid()))
 * }</pre>
 *
 * <p>Only existing connections have weights: the one parameter, {@code weights}, is 1 × connections, in the
 * mask's row-major order (input 0's connections first, the bias connections last), so training cannot grow a
 * connection and the gradient check sees exactly the layer's function. Forward and backward loop over the
 * connections, costing batch × connections. A model file stores the mask as the layer's constant {@code mask}.
 */
public final class Sparse implements Layer {

    private final int inputSize;
    private final int units;
    private final Activation activation;
    private final Matrix mask;
    private final Parameter weights;
    // Connection k goes from input source[k] (inputSize for the bias) to unit target[k]; the first inputConnections
    // come from inputs, the rest from the bias, so the hot loops need no branch.
    private final int[] source;
    private final int[] target;
    private final int inputConnections;

    /**
     * A sparse layer with the given mask (copied) and connection weights (used as they are, not copied).
     *
     * @param activation the activation applied to each unit's weighted sum
     * @param mask    (inputs + 1) × units of 0s and 1s: row i for input i, the last row for the bias
     * @param weights 1 × the number of 1s in the mask, in the mask's row-major order
     * @throws IllegalArgumentException if the mask has an entry other than 0 or 1, a unit without any connection,
     *                                  or the weights are not one per connection
     */
    public Sparse(Activation activation, Matrix mask, Matrix weights) {
        this.activation = checkNotNull(activation, "activation");
        checkNotNull(mask, "mask");
        checkNotNull(weights, "weights");
        checkArgument(mask.rows() >= 2 && mask.cols() >= 1, "a sparse layer's mask is (inputs + 1) x units, at"
                + " least 2x1, got %s", mask.shape());
        this.inputSize = mask.rows() - 1;
        this.units = mask.cols();
        this.mask = mask.toPrecision(Precision.FLOAT64).copy();
        double[] m = this.mask.data();
        int count = 0;
        for (int i = 0; i < m.length; i++) {
            checkArgument(m[i] == 0 || m[i] == 1, "a sparse layer's mask holds only 0 and 1, but has %s at row %s,"
                    + " column %s", m[i], i / units, i % units);
            count += (int) m[i];
        }
        checkArgument(weights.hasShape(1, count), "a sparse layer whose mask has %s connections needs 1x%s weights,"
                + " got %s", count, count, weights.shape());
        this.source = new int[count];
        this.target = new int[count];
        int k = 0;
        for (int i = 0; i < m.length; i++) {
            if (m[i] == 1) {
                source[k] = i / units;
                target[k] = i % units;
                k++;
            }
        }
        int biasConnections = 0;
        for (int j = 0; j < units; j++) {
            biasConnections += (int) this.mask.get(inputSize, j);
        }
        this.inputConnections = count - biasConnections;
        for (int j = 0; j < units; j++) {
            double any = 0;
            for (int i = 0; i <= inputSize; i++) {
                any += this.mask.get(i, j);
            }
            checkArgument(any > 0, "unit %s of a sparse layer has no connection; give it at least one", j);
        }
        this.weights = new Parameter("weights", weights);
    }

    /**
     * Starts describing a sparse layer of {@code units} outputs; without {@link Spec#connectionRate} it is fully
     * connected.
     *
     * @param units the number of outputs per sample, at least 1
     * @return a spec still needing its activation; add it to {@code Sequential.builder()}
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public static Spec units(int units) {
        checkArgument(units > 0, "a sparse layer needs a positive number of units, got %s", units);
        return new Spec(units, null, 1.0, Initializers.glorotUniform(), Initializers.zeros());
    }

    @Override
    public String type() {
        return "sparse";
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
     * The activation applied to each unit's weighted sum.
     *
     * @return the activation, never null
     */
    public Activation activation() {
        return activation;
    }

    /**
     * The connection weights, 1 × {@link #connectionCount()}, in the mask's row-major order.
     *
     * @return the weight parameter with its gradient, one entry per connection
     */
    public Parameter weights() {
        return weights;
    }

    /**
     * A copy of the mask, (inputs + 1) × units: 1 where input i (the bias, in the last row) feeds unit j.
     *
     * @return a new matrix of 0s and 1s; changing it does not change the layer
     */
    public Matrix mask() {
        return mask.copy();
    }

    /**
     * The weights laid out as the mask, (inputs + 1) × units, with 0 where there is no connection.
     *
     * @return a new matrix; changing it does not change the layer
     */
    public Matrix weightMatrix() {
        Matrix dense = new Matrix(inputSize + 1, units);
        Matrix w = weights.value();
        for (int k = 0; k < w.size(); k++) {
            dense.set(source[k], target[k], w.element(k));
        }
        return dense;
    }

    /**
     * The number of connections, bias connections included.
     *
     * @return the number of weights, between the unit count and {@code (inputs + 1) × units}
     */
    public int connectionCount() {
        return source.length;
    }

    @Override
    public List<Parameter> parameters() {
        return ImmutableList.of(weights);
    }

    @Override
    public void forward(Matrix input, Matrix state, Matrix output) {
        Affine.checkInput("sparse", input, inputSize);
        if (input.isFloat()) {
            SparseFloat.sum(input.floatData(), weights.value().floatData(), state.floatData(), input.rows(),
                    inputSize, units, source, target, inputConnections);
            Affine.activate(activation, state, output);
            return;
        }
        double[] x = input.data();
        double[] z = state.data();
        double[] w = weights.value().data();
        int all = source.length;
        for (int r = 0; r < input.rows(); r++) {
            int in = r * inputSize;
            int out = r * units;
            Arrays.fill(z, out, out + units, 0);
            for (int k = 0; k < inputConnections; k++) {
                z[out + target[k]] += w[k] * x[in + source[k]];
            }
            for (int k = inputConnections; k < all; k++) {
                z[out + target[k]] += w[k];
            }
        }
        activation.apply(z, output.data());
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        Affine.checkTrainable(activation);
        // δ overwrites the pre-activation, which backward no longer needs.
        Affine.activationBackward(activation, state, output, outputGradient, state);
        if (input.isFloat()) {
            SparseFloat.backward(state.floatData(), input.floatData(), weights.value().floatData(),
                    weights.gradient().floatData(), inputGradient == null ? null : inputGradient.floatData(),
                    input.rows(), inputSize, units, source, target, inputConnections);
            return;
        }
        double[] delta = state.data();
        double[] x = input.data();
        double[] w = weights.value().data();
        double[] g = weights.gradient().data();
        double[] gx = inputGradient == null ? null : inputGradient.data();
        if (gx != null) {
            Arrays.fill(gx, 0);
        }
        int all = source.length;
        for (int r = 0; r < input.rows(); r++) {
            int in = r * inputSize;
            int out = r * units;
            for (int k = 0; k < inputConnections; k++) {
                double d = delta[out + target[k]];
                g[k] += x[in + source[k]] * d;
                if (gx != null) {
                    gx[in + source[k]] += w[k] * d;
                }
            }
            for (int k = inputConnections; k < all; k++) {
                g[k] += delta[out + target[k]];
            }
        }
    }

    /** A sparse layer of this mask and activation over this layer's weights converted to {@code precision}. */
    @Override
    public Sparse withPrecision(Precision precision) {
        if (precision == weights.value().precision()) {
            return this;
        }
        return new Sparse(activation, mask, weights.value().toPrecision(precision));
    }

    @Override
    public String toString() {
        return "Sparse[" + inputSize + "->" + units + ", " + activation + ", " + connectionCount() + " of "
                + (inputSize + 1) * units + " connections]";
    }

    /** The immutable description of a sparse layer; each method returns a changed copy. */
    public static final class Spec implements LayerSpec {

        private final int units;
        private final Activation activation;
        private final double connectionRate;
        private final Initializer weightInit;
        private final Initializer biasInit;

        private Spec(int units, Activation activation, double connectionRate, Initializer weightInit,
                Initializer biasInit) {
            this.units = units;
            this.activation = activation;
            this.connectionRate = connectionRate;
            this.weightInit = weightInit;
            this.biasInit = biasInit;
        }

        /**
         * The activation applied to {@code x·(W∘M) + b∘m}; required.
         *
         * @param activation the activation, e.g. {@code sigmoid()}
         * @return a copy of this spec with that activation, replacing any earlier one
         */
        public Spec activation(Activation activation) {
            return new Spec(units, checkNotNull(activation, "activation"), connectionRate, weightInit, biasInit);
        }

        /**
         * The share of inputs each unit is connected to, as FANN's {@code connection_rate}: each unit gets
         * {@code max(1, round(rate · inputs))} inputs drawn at random without repetition, and its bias.
         *
         * @param rate the share of inputs per unit, in (0, 1]; 1 connects every input
         * @return a copy of this spec with that connection rate
         * @throws IllegalArgumentException if {@code rate} is not in (0, 1]
         */
        public Spec connectionRate(double rate) {
            checkArgument(rate > 0 && rate <= 1, "a connection rate must be in (0, 1], got %s", rate);
            return new Spec(units, activation, rate, weightInit, biasInit);
        }

        /**
         * How the weights start (Glorot uniform by default); only the connected ones are kept.
         *
         * @param initializer draws the starting weights from the model's seeded random numbers
         * @return a copy of this spec with that weight initializer
         */
        public Spec weights(Initializer initializer) {
            return new Spec(units, activation, connectionRate, checkNotNull(initializer, "weight initializer"),
                    biasInit);
        }

        /**
         * How the bias starts (zeros by default).
         *
         * @param initializer draws the starting bias from the model's seeded random numbers
         * @return a copy of this spec with that bias initializer
         */
        public Spec bias(Initializer initializer) {
            return new Spec(units, activation, connectionRate, weightInit,
                    checkNotNull(initializer, "bias initializer"));
        }

        /**
         * Draws the weights, then the bias, then each unit's connections from {@code random}.
         *
         * @throws IllegalStateException if no activation was given
         */
        @Override
        public Sparse build(int index, int inputSize, NumpyRandom random) {
            if (activation == null) {
                throw new IllegalStateException("sparse layer " + index + " (" + units + " units) has no activation;"
                        + " call activation(...), e.g. activation(sigmoid())");
            }
            Matrix w = new Matrix(inputSize, units);
            weightInit.initialize(w, inputSize, units, random);
            Matrix b = new Matrix(1, units);
            biasInit.initialize(b, inputSize, units, random);
            Matrix m = new Matrix(inputSize + 1, units);
            int perUnit = Math.max(1, (int) Math.round(connectionRate * inputSize));
            int[] order = new int[inputSize];
            for (int j = 0; j < units; j++) {
                m.set(inputSize, j, 1);
                for (int i = 0; i < inputSize; i++) {
                    order[i] = i;
                }
                // A partial Fisher-Yates shuffle: the first perUnit entries are a uniform choice without repetition.
                for (int k = 0; k < perUnit; k++) {
                    int pick = k + random.nextInt(inputSize - k);
                    int chosen = order[pick];
                    order[pick] = order[k];
                    order[k] = chosen;
                    m.set(chosen, j, 1);
                }
            }
            double[] connected = new double[perUnit * units + units];
            int k = 0;
            for (int i = 0; i <= inputSize; i++) {
                for (int j = 0; j < units; j++) {
                    if (m.get(i, j) == 1) {
                        connected[k++] = i < inputSize ? w.get(i, j) : b.get(0, j);
                    }
                }
            }
            return new Sparse(activation, m, Matrix.wrap(1, connected.length, connected));
        }

        @Override
        public String toString() {
            return "Sparse.units(" + units + ")" + (activation == null ? "" : ".activation(" + activation + ")")
                    + (connectionRate == 1 ? "" : ".connectionRate(" + connectionRate + ")");
        }
    }
}
