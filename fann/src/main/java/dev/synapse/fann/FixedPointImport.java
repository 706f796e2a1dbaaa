package dev.synapse.fann;

import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;

/**
 * Turns the {@link FannNetwork} of a fixed-point file into a {@link FixedPointNetwork}: the neurons and
 * connections as libfixedfann's {@code fann_create_from_file} lays them out, each connection's source resolved as
 * {@code fann_run} resolves it (from connection rate 1 on, connection k of a neuron comes from neuron k of the
 * layer before, or of the network in a shortcut network, whatever index the file records), and each sigmoid
 * neuron's six points divided by its steepness. It refuses, naming the neuron, what {@code fann_run} cannot compute
 * as a function of its inputs alone: a source outside the layers before (fann_run would read a value of this run's
 * or the last one's), an activation libfixedfann does not compute and a sigmoid of steepness 0 (libfixedfann divides
 * by it).
 */
final class FixedPointImport {

    static final int LINEAR = 0;
    static final int THRESHOLD = 1;
    static final int THRESHOLD_SYMMETRIC = 2;
    static final int SIGMOID = 3;
    static final int SIGMOID_STEPWISE = 4;
    static final int SIGMOID_SYMMETRIC = 5;
    static final int SIGMOID_SYMMETRIC_STEPWISE = 6;
    static final int LINEAR_PIECE = 12;
    static final int LINEAR_PIECE_SYMMETRIC = 13;

    private final String file;
    private final FannNetwork net;

    private FixedPointImport(String file, FannNetwork net) {
        this.file = file;
        this.net = net;
    }

    static FixedPointNetwork toNetwork(String file, FannNetwork net) throws ModelFileException {
        if (!net.fixedPoint()) {
            throw new ModelFileException(file, Reason.UNSUPPORTED_VERSION, "is a floating-point FANN file ("
                    + net.version() + "), not a fixed-point one (FANN_FIX_2.0, from fann_save_to_fixed); read it"
                    + " with FannNetFile.read, or save it with fann_save_to_fixed");
        }
        return new FixedPointImport(file, net).build();
    }

    private FixedPointNetwork build() throws ModelFileException {
        int[] sizes = net.layerSizes();
        int neurons = net.neuronInputs().length;
        int[] firstConnection = new int[neurons + 1];
        for (int n = 0; n < neurons; n++) {
            firstConnection[n + 1] = firstConnection[n] + net.neuronInputs()[n];
        }
        int[] sources = new int[firstConnection[neurons]];
        int[] weights = new int[sources.length];
        int[] functions = new int[neurons];
        int[] steps = new int[6 * neurons];
        FixedPointSigmoids sigmoids = new FixedPointSigmoids(1 << net.decimalPoint());
        boolean positional = net.connectionRate() >= 1;
        int layerStart = 0;
        for (int l = 0; l < sizes.length; l++) {
            // fann_run starts at the layer after the input layer and reads the layer before (shortcut: the network).
            int sourceStart = net.shortcut() || l == 0 ? 0 : net.firstNeuron(l - 1);
            for (int n = layerStart; n < layerStart + sizes[l]; n++) {
                // FannNetReader has read a fixed-point file's steepnesses and weights as ints.
                int steepness = (int) net.neuronSteepness()[n];
                functions[n] = net.neuronFunctions()[n];
                for (int c = firstConnection[n]; c < firstConnection[n + 1]; c++) {
                    int k = c - firstConnection[n];
                    sources[c] = positional ? sourceStart + k : net.sources()[c];
                    weights[c] = (int) net.weights()[c];
                    if (l > 0 && sources[c] >= layerStart) {
                        throw refused(n, l, "takes its connection " + k + " from neuron " + sources[c] + ", which is"
                                + " not in a layer before it (neurons 0 to " + (layerStart - 1) + ")"
                                + (positional ? "; from connection rate 1 on, fann_run takes connection k from"
                                        + " neuron k of " + (net.shortcut() ? "the network" : "the layer before")
                                        : ""));
                    }
                }
                if (l > 0 && firstConnection[n] < firstConnection[n + 1]) {
                    checkFunction(n, l, functions[n], steepness);
                    fillSteps(steps, n, functions[n], steepness, sigmoids);
                }
            }
            layerStart += sizes[l];
        }
        int inputs = sizes[0] - 1;
        int last = sizes.length - 1;
        int outputs = net.shortcut() ? sizes[last] : sizes[last] - 1;
        return new FixedPointNetwork(net.decimalPoint(), inputs, outputs, sizes[0], net.firstNeuron(last),
                firstConnection, sources, weights, functions, steps, sigmoids);
    }

    /** fann_run's six sums for a sigmoid neuron: FANN's, divided (as C divides ints) by the steepness. */
    private static void fillSteps(int[] steps, int n, int function, int steepness, FixedPointSigmoids sigmoids) {
        int[] sums = switch (function) {
            case SIGMOID, SIGMOID_STEPWISE -> sigmoids.sums;
            case SIGMOID_SYMMETRIC, SIGMOID_SYMMETRIC_STEPWISE -> sigmoids.symmetricSums;
            default -> null;
        };
        if (sums != null) {
            for (int i = 0; i < 6; i++) {
                steps[6 * n + i] = sums[i] / steepness;
            }
        }
    }

    private void checkFunction(int n, int l, int function, int steepness) throws ModelFileException {
        switch (function) {
            case LINEAR, THRESHOLD, THRESHOLD_SYMMETRIC, LINEAR_PIECE, LINEAR_PIECE_SYMMETRIC:
                return;
            case SIGMOID, SIGMOID_STEPWISE, SIGMOID_SYMMETRIC, SIGMOID_SYMMETRIC_STEPWISE:
                if (steepness == 0) {
                    throw refused(n, l, "has " + FannFunctions.name(function) + " at steepness 0, which"
                            + " libfixedfann divides by (it stops with a division by zero); give it a positive"
                            + " steepness (fann_set_activation_steepness) and save again");
                }
                return;
            default:
                throw refused(n, l, "uses " + FannFunctions.name(function) + ", which libfixedfann's fann_run does"
                        + " not compute (it computes linear, threshold, sigmoid and linear-piece functions); read"
                        + " the file with FannNetFile.read for a double-precision model, or give the layer one of"
                        + " those and save again");
        }
    }

    private ModelFileException refused(int n, int l, String problem) {
        return new ModelFileException(file, Reason.INCONSISTENT, "neuron " + (n - net.firstNeuron(l)) + " of layer "
                + l + " (neuron " + n + " of the file) " + problem);
    }
}
