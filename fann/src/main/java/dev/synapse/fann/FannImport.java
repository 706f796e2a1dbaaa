package dev.synapse.fann;

import dev.synapse.activations.FannActivation;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.io.StoredModel;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link FannNetwork} into Synapse layers that compute what FANN 2.2's {@code fann_run} computes: each FANN
 * layer after the input becomes one layer — {@link Dense} when fully connected, {@link Sparse} when some
 * connections are missing, and in a shortcut network {@link Shortcut} for the hidden layers and {@link Dense} for
 * the output layer. The bias neuron's weights become the bias. Stored scaling becomes z-score scalers.
 */
final class FannImport {

    private final String file;
    private final FannNetwork net;
    private final int[] firstConnection;

    private FannImport(String file, FannNetwork net) {
        this.file = file;
        this.net = net;
        this.firstConnection = new int[net.neuronInputs().length + 1];
        for (int n = 0; n < net.neuronInputs().length; n++) {
            firstConnection[n + 1] = firstConnection[n] + net.neuronInputs()[n];
        }
    }

    static StoredModel toModel(String file, FannNetwork net) throws ModelFileException {
        return new FannImport(file, net).build();
    }

    private StoredModel build() throws ModelFileException {
        int[] sizes = net.layerSizes();
        int inputs = sizes[0] - 1;
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 1; l < sizes.length; l++) {
            boolean last = l == sizes.length - 1;
            int units = net.shortcut() ? sizes[l] : sizes[l] - 1;
            // A shortcut layer sees every neuron before it; a layered one the layer before, bias neuron included.
            int sourceStart = net.shortcut() ? 0 : net.firstNeuron(l - 1);
            int sourceCount = net.shortcut() ? net.firstNeuron(l) : sizes[l - 1];
            int rows = net.shortcut() ? width : sizes[l - 1] - 1;
            if (!net.shortcut() && !last && net.neuronInputs()[net.firstNeuron(l) + units] != 0) {
                // fann_run computes a "bias" neuron that has connections and feeds its value on as the bias.
                throw inconsistent("the bias neuron of layer " + l + " (its last) has "
                        + net.neuronInputs()[net.firstNeuron(l) + units] + " connections; FANN's bias neurons have"
                        + " none");
            }
            Connections c = connections(l, units, sourceStart, sourceCount, rows);
            FannActivation activation = activation(l, units);
            Layer layer;
            if (!c.full && net.shortcut()) {
                throw inconsistent("layer " + l + " of this shortcut network is not fully connected; FANN creates"
                        + " shortcut networks fully connected, and so does Synapse");
            } else if (!c.full) {
                layer = new Sparse(activation, c.mask, c.connected());
            } else if (net.shortcut() && !last) {
                layer = new Shortcut(activation, c.weights, c.bias);
            } else {
                layer = new Dense(activation, c.weights, c.bias);
            }
            layers.add(layer);
            width = layer.outputSize();
        }
        FannNetwork.Scaling s = net.scaling();
        Scaler in = s == null ? null : scaler("input", s.meanIn(), s.deviationIn(), s.newMinIn(), s.factorIn());
        Scaler out = s == null ? null : scaler("output", s.meanOut(), s.deviationOut(), s.newMinOut(), s.factorOut());
        return new StoredModel(inputs, layers, null, in, out);
    }

    /** The weights into the units of layer {@code l}, as rows (sources, bias last) by units, and the mask. */
    private static final class Connections {
        final Matrix weights;
        final Matrix bias;
        final Matrix mask;
        boolean full = true;

        Connections(int rows, int units) {
            weights = new Matrix(rows, units);
            bias = new Matrix(1, units);
            mask = new Matrix(rows + 1, units);
        }

        /** The connected weights in the mask's row-major order, as {@link Sparse} takes them. */
        Matrix connected() {
            int rows = weights.rows();
            int units = weights.cols();
            double[] values = new double[(int) mask.sum()];
            int k = 0;
            for (int r = 0; r <= rows; r++) {
                for (int j = 0; j < units; j++) {
                    if (mask.get(r, j) == 1) {
                        values[k++] = r < rows ? weights.get(r, j) : bias.get(0, j);
                    }
                }
            }
            return Matrix.wrap(1, values.length, values);
        }
    }

    /**
     * Reads the connections of layer {@code l}'s units. Sources are neuron indices; {@code column} maps them to the
     * Synapse input column, or to {@code rows} for the bias.
     */
    private Connections connections(int l, int units, int sourceStart, int sourceCount, int rows)
            throws ModelFileException {
        int first = net.firstNeuron(l);
        int inputs = net.layerSizes()[0] - 1;
        int bias = net.shortcut() ? inputs : sourceStart + sourceCount - 1;
        Connections c = new Connections(rows, units);
        double multiplier = net.multiplier();
        for (int j = 0; j < units; j++) {
            int neuron = first + j;
            int from = firstConnection[neuron];
            int count = net.neuronInputs()[neuron];
            boolean positional = net.connectionRate() >= 1;
            if (count == 0) {
                throw inconsistent("neuron " + j + " of layer " + l + " has no connections; fann_run would treat it as"
                        + " a bias neuron and output 1");
            }
            if (positional && count != sourceCount) {
                throw inconsistent("neuron " + j + " of layer " + l + " has " + count + " connections, but a fully"
                        + " connected " + (net.shortcut() ? "shortcut" : "layered") + " network gives it "
                        + sourceCount + " (connection_rate " + net.connectionRate() + ")");
            }
            for (int k = 0; k < count; k++) {
                // From connection_rate 1 on, fann_run takes connection k from neuron k of the sources, whatever
                // index the file records; below it, from the recorded index.
                int source = positional ? sourceStart + k : net.sources()[from + k];
                if (source < sourceStart || source >= sourceStart + sourceCount) {
                    throw inconsistent("neuron " + j + " of layer " + l + " is connected to neuron " + source
                            + ", outside " + (net.shortcut() ? "the layers before it" : "the layer before it")
                            + " (neurons " + sourceStart + " to " + (sourceStart + sourceCount - 1) + ")");
                }
                int row = source == bias ? rows : net.shortcut() && source > bias ? source - 1 : source - sourceStart;
                if (c.mask.get(row, j) == 1) {
                    throw inconsistent("neuron " + j + " of layer " + l + " is connected to neuron " + source
                            + " twice; Synapse keeps one weight per connection");
                }
                c.mask.set(row, j, 1);
                double w = net.weights()[from + k] / multiplier;
                if (row == rows) {
                    c.bias.set(0, j, w);
                } else {
                    c.weights.set(row, j, w);
                }
            }
        }
        c.full = c.mask.sum() == (double) (rows + 1) * units;
        return c;
    }

    /** The one activation of layer {@code l}'s units; FANN allows one per neuron, Synapse one per layer. */
    private FannActivation activation(int l, int units) throws ModelFileException {
        int first = net.firstNeuron(l);
        int code = net.neuronFunctions()[first];
        double steepness = net.neuronSteepness()[first];
        for (int j = 1; j < units; j++) {
            int n = first + j;
            if (net.neuronFunctions()[n] != code || net.neuronSteepness()[n] != steepness) {
                throw new ModelFileException(file + " line " + (net.neuronsLine() + 1), Reason.INCONSISTENT,
                        "layer " + l + " mixes activations: neuron " + j + " has "
                        + FannFunctions.name(net.neuronFunctions()[n]) + " at steepness "
                        + net.neuronSteepness()[n] / net.multiplier() + ", neuron 0 " + FannFunctions.name(code)
                        + " at steepness " + steepness / net.multiplier() + ". A Synapse layer has one activation:"
                        + " give the layer's neurons one function and steepness in FANN"
                        + " (fann_set_activation_function_layer, fann_set_activation_steepness_layer) and save again");
            }
        }
        double s = steepness / net.multiplier();
        if (!(s > 0)) {
            throw inconsistent("layer " + l + " has steepness " + s + "; Synapse's FANN activations take a positive"
                    + " steepness");
        }
        return FannFunctions.activation(code, s, net.fixedPoint()).orElseThrow(() -> inconsistent("layer " + l
                + " uses " + FannFunctions.name(code) + ", which Synapse does not compute"
                + (net.fixedPoint() ? " as libfixedfann does (it refuses it too)"
                        : code == 9 ? " (FANN 2.2 computes FANN_GAUSSIAN_STEPWISE as 0)" : "")));
    }

    /**
     * fann_scale_input's {@code ((x - mean) / deviation + 1) · factor + newMin} as a z-score {@code (x - m) / s}:
     * {@code s = deviation / factor}, {@code m = mean - deviation · (1 + newMin / factor)}.
     */
    private Scaler scaler(String which, float[] mean, float[] deviation, float[] newMin, float[] factor)
            throws ModelFileException {
        double[] m = new double[mean.length];
        double[] s = new double[mean.length];
        for (int c = 0; c < mean.length; c++) {
            if (!(deviation[c] > 0) || !(factor[c] > 0)) {
                throw inconsistent("the " + which + " scaling of column " + c + " has deviation " + deviation[c]
                        + " and factor " + factor[c] + "; fann_scale_" + which + " divides by the deviation, and"
                        + " Synapse needs both positive: set the scaling again (fann_set_scaling_params) on data"
                        + " whose columns vary");
            }
            s[c] = (double) deviation[c] / factor[c];
            m[c] = mean[c] - deviation[c] * (1 + (double) newMin[c] / factor[c]);
        }
        return Scaler.zScore(m, s);
    }

    private ModelFileException inconsistent(String problem) {
        return new ModelFileException(file, Reason.INCONSISTENT, problem);
    }
}
