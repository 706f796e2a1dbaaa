package dev.synapse.fann;

/**
 * A FANN network as its {@code .net} file describes it (FANN's {@code fann_io.c}), before any mapping to Synapse:
 * neurons in file order, layer by layer, each with its connection count, activation code and steepness, and the
 * connections in file order, each a source neuron index and a weight. A fixed-point file's steepnesses and weights
 * are kept as its integers; {@link #multiplier()} turns them into values.
 *
 * @param version          the first line, e.g. {@code FANN_FLO_2.1}
 * @param decimalPoint     the fixed-point file's decimal point, or -1 for a floating-point file
 * @param connectionRate   below 1, FANN follows each connection's source index; from 1 on, connection i of a
 *                         neuron comes from neuron i of the layer before (or of the network, for shortcut networks)
 * @param shortcut         whether {@code network_type} is FANN_NETTYPE_SHORTCUT
 * @param layerSizes       neurons per layer; layered networks count a bias neuron in every layer
 * @param neuronInputs     each neuron's number of connections
 * @param neuronFunctions  each neuron's activation code
 * @param neuronSteepness  each neuron's steepness
 * @param sources          each connection's source neuron
 * @param weights          each connection's weight
 * @param scaling          the stored scaling, or null when {@code scale_included=0} or absent
 * @param neuronsLine      the line of the neurons, for messages
 */
record FannNetwork(String version, int decimalPoint, double connectionRate, boolean shortcut, int[] layerSizes,
        int[] neuronInputs, int[] neuronFunctions, double[] neuronSteepness, int[] sources, double[] weights,
        Scaling scaling, int neuronsLine) {

    /**
     * FANN's scaling parameters, per input and per output: {@code fann_scale_input} computes
     * {@code ((x - mean) / deviation + 1) · factor + newMin}, {@code fann_descale_output} the inverse. FANN keeps
     * them as floats.
     */
    record Scaling(float[] meanIn, float[] deviationIn, float[] newMinIn, float[] factorIn, float[] meanOut,
            float[] deviationOut, float[] newMinOut, float[] factorOut) {}

    /** 2^decimalPoint for a fixed-point file, 1 otherwise. */
    double multiplier() {
        return decimalPoint < 0 ? 1 : Math.scalb(1.0, decimalPoint);
    }

    boolean fixedPoint() {
        return decimalPoint >= 0;
    }

    /** The index of the first neuron of {@code layer}. */
    int firstNeuron(int layer) {
        int first = 0;
        for (int l = 0; l < layer; l++) {
            first += layerSizes[l];
        }
        return first;
    }

    /** The index of the first connection of {@code neuron}. */
    int firstConnection(int neuron) {
        int first = 0;
        for (int n = 0; n < neuron; n++) {
            first += neuronInputs[n];
        }
        return first;
    }
}
