package dev.synapse.fann;

import dev.synapse.core.Activation;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.StoredModel;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a Synapse model into the {@link FannNetwork} FANN 2.2 would save for it, or refuses it naming the layer
 * FANN cannot hold. A layered FANN network is a chain of {@link Dense} and {@link Sparse} layers; a shortcut
 * network is {@link Shortcut} layers followed by one {@link Dense} output layer. Every FANN neuron has a bias
 * connection, so a dense layer without bias is written with bias weights 0.
 */
final class FannExport {

    private final StoredModel model;
    private final boolean shortcut;
    private final int[] sizes;
    private final int neurons;
    private final int[] inputs;
    private final int[] functions;
    private final double[] steepness;
    private int[] sources = new int[64];
    private double[] weights = new double[64];
    private int connections;

    private FannExport(StoredModel model) {
        this.model = model;
        List<Layer> layers = model.layers();
        this.shortcut = layers.get(0) instanceof Shortcut;
        this.sizes = new int[layers.size() + 1];
        sizes[0] = model.inputSize() + 1;
        int total = sizes[0];
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            int units = layer instanceof Shortcut s ? s.units() : layer.outputSize();
            sizes[l + 1] = shortcut ? units : units + 1;
            total += sizes[l + 1];
        }
        this.neurons = total;
        this.inputs = new int[total];
        this.functions = new int[total];
        this.steepness = new double[total];
    }

    /**
     * The FANN network of {@code model}.
     *
     * @throws IllegalArgumentException naming the layer, if FANN cannot hold it: a layer kind other than dense,
     *                                  sparse and shortcut, an activation FANN has no function for, or layers mixed
     *                                  in a way neither FANN network type has
     */
    static FannNetwork toNetwork(StoredModel model) {
        return new FannExport(model).build();
    }

    private FannNetwork build() {
        List<Layer> layers = model.layers();
        boolean full = true;
        int neuron = sizes[0];
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            boolean last = l == layers.size() - 1;
            checkKind(l, layer, last);
            FannFunctions.Coded coded = code(l, layer);
            // The units' incoming weights, (inputs + 1) × units with the bias last, and which of them exist.
            Matrix w = incoming(layer);
            Matrix mask = layer instanceof Sparse sparse ? sparse.mask() : null;
            full &= mask == null || mask.sum() == mask.size();
            int units = w.cols();
            int sourceStart = shortcut ? 0 : neuron - sizes[l];
            for (int j = 0; j < units; j++) {
                int count = 0;
                // In source-neuron order: from connection_rate 1 on, fann_run takes connection k from neuron k.
                for (int k = 0; k < w.rows(); k++) {
                    int r = rowOf(k, w.rows() - 1);
                    if (mask == null || mask.get(r, j) == 1) {
                        add(sourceStart + k, w.get(r, j));
                        count++;
                    }
                }
                set(neuron + j, count, coded);
            }
            if (!shortcut) {
                set(neuron + units, 0, coded);   // the layer's bias neuron, as fann_save writes it
            }
            neuron += sizes[l + 1];
        }
        FannNetwork.Scaling scaling = model.inputScaler() == null && model.targetScaler() == null ? null
                : new FannNetwork.Scaling(mean(model.inputScaler(), model.inputSize()),
                        deviation(model.inputScaler(), model.inputSize()), newMin(model.inputScaler(),
                        model.inputSize()), ones(model.inputSize()), mean(model.targetScaler(), model.outputSize()),
                        deviation(model.targetScaler(), model.outputSize()), newMin(model.targetScaler(),
                        model.outputSize()), ones(model.outputSize()));
        return new FannNetwork("FANN_FLO_2.1", -1, full ? 1.0 : connectionRate(), shortcut, sizes, inputs,
                functions, steepness, Arrays.copyOf(sources, connections),
                Arrays.copyOf(weights, connections), scaling, -1);
    }

    /**
     * The weight row of source neuron k, counted from the first source neuron: in a layered network neuron k of
     * the layer before is row k, its bias neuron the last; in a shortcut network FANN puts the bias neuron right
     * after the inputs, while Synapse's rows are the inputs, then every earlier unit, then the bias.
     */
    private int rowOf(int k, int biasRow) {
        if (!shortcut) {
            return k;
        }
        int inputCount = model.inputSize();
        return k < inputCount ? k : k == inputCount ? biasRow : k - 1;
    }

    private void checkKind(int l, Layer layer, boolean last) {
        boolean known = layer instanceof Dense || layer instanceof Sparse || layer instanceof Shortcut;
        if (!known) {
            throw new IllegalArgumentException("layer " + l + " (" + layer.type() + ") has no FANN counterpart: a"
                    + " FANN network holds dense, sparse and shortcut layers only");
        }
        if (shortcut && !last && !(layer instanceof Shortcut)) {
            throw new IllegalArgumentException("layer " + l + " (" + layer.type() + ") follows a shortcut layer;"
                    + " a FANN shortcut network is shortcut layers followed by one dense output layer");
        }
        if (shortcut && last && !(layer instanceof Dense)) {
            throw new IllegalArgumentException("layer " + l + " (" + layer.type() + ") ends a shortcut network; FANN"
                    + " outputs only the last layer's units, so it must be a dense layer");
        }
        if (!shortcut && layer instanceof Shortcut) {
            throw new IllegalArgumentException("layer " + l + " (shortcut) follows a " + (l == 0 ? "" : "dense or")
                    + " sparse layer; in a FANN shortcut network every hidden layer is a shortcut layer");
        }
    }

    private static FannFunctions.Coded code(int l, Layer layer) {
        Activation activation = layer instanceof Dense d ? d.activation()
                : layer instanceof Sparse s ? s.activation() : ((Shortcut) layer).activation();
        return FannFunctions.code(activation).orElseThrow(() -> new IllegalArgumentException("layer " + l + " ("
                + layer.type() + ") uses activation '" + activation.name() + "', which FANN does not have; FANN"
                + " networks use FANN's activations (FannActivations), sigmoid, tanh or identity"));
    }

    /** The weights into the layer's units, (inputs + 1) × units, the bias (0 when absent) in the last row. */
    private static Matrix incoming(Layer layer) {
        if (layer instanceof Sparse sparse) {
            return sparse.weightMatrix();
        }
        // A float32 model's weights widen exactly; FANN's file holds them as text either way.
        Matrix w = (layer instanceof Dense d ? d.weights().value() : ((Shortcut) layer).weights().value())
                .toPrecision(Precision.FLOAT64);
        Matrix b = (layer instanceof Dense d ? d.bias().map(p -> p.value()).orElse(null)
                : ((Shortcut) layer).bias().map(p -> p.value()).orElse(null));
        b = b == null ? null : b.toPrecision(Precision.FLOAT64);
        Matrix all = new Matrix(w.rows() + 1, w.cols());
        System.arraycopy(w.data(), 0, all.data(), 0, w.size());
        if (b != null) {
            System.arraycopy(b.data(), 0, all.data(), w.size(), b.size());
        }
        return all;
    }

    private void add(int source, double weight) {
        if (connections == sources.length) {
            sources = Arrays.copyOf(sources, 2 * connections);
            weights = Arrays.copyOf(weights, 2 * connections);
        }
        sources[connections] = source;
        weights[connections] = weight;
        connections++;
    }

    private void set(int neuron, int count, FannFunctions.Coded coded) {
        inputs[neuron] = count;
        functions[neuron] = coded.code();
        steepness[neuron] = coded.steepness();
    }

    /**
     * Below 1, so fann_run follows each connection's recorded source; written with six decimals as FANN does, so
     * it is rounded down.
     */
    private double connectionRate() {
        long possible = 0;
        for (int l = 1; l < sizes.length; l++) {
            int units = shortcut ? sizes[l] : sizes[l] - 1;
            possible += (long) units * (shortcut ? sumBefore(l) : sizes[l - 1]);
        }
        double rate = Math.floor((double) connections / possible * 1e6) / 1e6;
        return Math.min(rate, 0.999999);
    }

    private int sumBefore(int layer) {
        int sum = 0;
        for (int l = 0; l < layer; l++) {
            sum += sizes[l];
        }
        return sum;
    }

    // FANN scales x to ((x - mean) / deviation + 1) · factor + newMin. With factor 1: a z-score scaler is mean m,
    // deviation s, newMin -1; a min-max one mean min, deviation (max - min) / (high - low), newMin low - 1.
    // No scaler is the identity: mean 0, deviation 1, newMin -1.

    private static float[] mean(Scaler s, int width) {
        float[] v = new float[width];
        if (s != null) {
            double[] centre = s.type() == Scaler.Type.MIN_MAX ? s.minimums() : s.means();
            for (int c = 0; c < width; c++) {
                v[c] = (float) centre[c];
            }
        }
        return v;
    }

    private static float[] deviation(Scaler s, int width) {
        float[] v = new float[width];
        for (int c = 0; c < width; c++) {
            double d = 1;
            if (s != null && s.type() == Scaler.Type.MIN_MAX) {
                double range = s.maximums()[c] - s.minimums()[c];
                d = (range == 0 ? 1 : range) / (s.high() - s.low());
            } else if (s != null) {
                d = s.standardDeviations()[c] == 0 ? 1 : s.standardDeviations()[c];
            }
            v[c] = (float) d;
        }
        return v;
    }

    private static float[] newMin(Scaler s, int width) {
        float[] v = new float[width];
        Arrays.fill(v, s != null && s.type() == Scaler.Type.MIN_MAX ? (float) (s.low() - 1) : -1f);
        return v;
    }

    private static float[] ones(int width) {
        float[] v = new float[width];
        Arrays.fill(v, 1f);
        return v;
    }
}
