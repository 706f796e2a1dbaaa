package dev.synapse.fann;

import dev.synapse.activations.FannActivation;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.losses.FannMse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The network cascade training grows, in FANN's own layout: every sample's source values in one row — the inputs,
 * the bias neuron's 1, then each installed hidden unit's output — and the output weights as one row per source.
 * A hidden unit's input weights never change once it is installed, so its outputs are computed once and kept
 * (what makes cascade training cheap); only the output weights and the candidates train.
 */
final class CascadeNetwork {

    private final int samples;
    private final int inputs;
    private final int outputs;
    private final int stride;
    private final double[] sources;
    private final Matrix targets;
    private final FannActivation outputActivation;
    private final FannMse loss;
    private final double bitFailLimit;
    private final List<FannActivation> hiddenActivations = new ArrayList<>();
    private final List<double[]> hiddenWeights = new ArrayList<>();
    private final Matrix predicted;
    private final Matrix signal;
    private final Matrix lossGradient;
    private Parameter output;
    private double mse;
    private int bitFails;

    /** A network without hidden units over {@code inputs}, room for {@code maxNeurons}; output weights drawn in ±0.1. */
    CascadeNetwork(Matrix inputs, Matrix targets, int maxNeurons, FannActivation outputActivation, FannMse loss,
            double bitFailLimit, NumpyRandom random) {
        this.samples = inputs.rows();
        this.inputs = inputs.cols();
        this.outputs = targets.cols();
        this.stride = this.inputs + 1 + maxNeurons;
        this.sources = new double[samples * stride];
        this.targets = targets;
        this.outputActivation = outputActivation;
        this.loss = loss;
        this.bitFailLimit = bitFailLimit;
        this.predicted = new Matrix(samples, outputs);
        this.signal = new Matrix(samples, outputs);
        this.lossGradient = new Matrix(samples, outputs);
        double[] x = inputs.data();
        for (int r = 0; r < samples; r++) {
            System.arraycopy(x, r * this.inputs, sources, r * stride, this.inputs);
            sources[r * stride + this.inputs] = 1;
        }
        // fann_create_shortcut draws every weight with fann_random_weight(), uniform in [-0.1, 0.1].
        Matrix w = new Matrix(sourceCount(), outputs);
        double[] wd = w.data();
        for (int i = 0; i < wd.length; i++) {
            wd[i] = random.uniform(-0.1, 0.1);
        }
        this.output = new Parameter("output weights", w);
    }

    int samples() {
        return samples;
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    int hiddenUnits() {
        return hiddenActivations.size();
    }

    /** Inputs, the bias and the hidden units: what the outputs and a candidate are connected to. */
    int sourceCount() {
        return inputs + 1 + hiddenActivations.size();
    }

    /** The row length of {@link #sources()}. */
    int stride() {
        return stride;
    }

    /** Every sample's source values, row by row of {@link #stride()} values; the first {@link #sourceCount()} count. */
    double[] sources() {
        return sources;
    }

    /** The output weights, one row per source (inputs, bias, hidden units), one column per output. */
    Parameter output() {
        return output;
    }

    /** FANN's MSE as the last {@link #forward(boolean)} measured it. */
    double mse() {
        return mse;
    }

    /** The bit fails the last {@link #forward(boolean)} counted: outputs whose error reached the bit-fail limit. */
    int bitFails() {
        return bitFails;
    }

    /**
     * Runs every sample through the network and measures FANN's MSE and bit fails; with {@code gradient}, also
     * writes the output weights' gradient of FANN's loss (its error function's signal), as fann_compute_MSE and
     * fann_update_slopes_batch do for the output layer.
     */
    void forward(boolean gradient) {
        int count = sourceCount();
        double[] w = output.value().data();
        double[] p = predicted.data();
        double[] sums = signal.data();
        for (int r = 0; r < samples; r++) {
            int base = r * stride;
            for (int o = 0; o < outputs; o++) {
                double sum = 0;
                for (int k = 0; k < count; k++) {
                    sum += sources[base + k] * w[k * outputs + o];
                }
                sums[r * outputs + o] = sum;
                p[r * outputs + o] = outputActivation.value(sum);
            }
        }
        mse = loss.value(predicted, targets);
        double[] t = targets.data();
        int fails = 0;
        for (int i = 0; i < p.length; i++) {
            if (Math.abs(loss.error(p[i], t[i])) >= bitFailLimit) {
                fails++;
            }
        }
        bitFails = fails;
        if (gradient) {
            backward(count, sums, p);
        }
    }

    private void backward(int count, double[] sums, double[] p) {
        loss.gradient(predicted, targets, lossGradient);
        double[] lg = lossGradient.data();
        double[] g = output.gradient().data();
        Arrays.fill(g, 0);
        for (int r = 0; r < samples; r++) {
            int base = r * stride;
            for (int o = 0; o < outputs; o++) {
                int i = r * outputs + o;
                double delta = lg[i] * outputActivation.derivative(sums[i], p[i]);
                for (int k = 0; k < count; k++) {
                    g[k * outputs + o] += delta * sources[base + k];
                }
            }
        }
    }

    /**
     * The residual errors the candidates learn to cancel, as fann_train_candidates_epoch computes them after a run:
     * target minus output, halved for a symmetric output activation; one row per sample.
     */
    void residuals(double[] into) {
        forward(false);
        double[] p = predicted.data();
        double[] t = targets.data();
        for (int i = 0; i < p.length; i++) {
            into[i] = loss.error(p[i], t[i]);
        }
    }

    /**
     * Installs a trained candidate as the next hidden unit, as fann_install_candidate does: its input weights as
     * trained, and each output's weight from it its trained output weight times {@code weightMultiplier}.
     *
     * @param weights the candidate's {@link #sourceCount()} input weights followed by its output weights
     */
    void install(FannActivation activation, double[] weights, double weightMultiplier) {
        int count = sourceCount();
        double[] in = Arrays.copyOf(weights, count);
        for (int r = 0; r < samples; r++) {
            int base = r * stride;
            double sum = 0;
            for (int k = 0; k < count; k++) {
                sum += sources[base + k] * in[k];
            }
            sources[base + count] = activation.value(sum);
        }
        Matrix grown = new Matrix(count + 1, outputs);
        System.arraycopy(output.value().data(), 0, grown.data(), 0, count * outputs);
        for (int o = 0; o < outputs; o++) {
            grown.set(count, o, weights[count + o] * weightMultiplier);
        }
        hiddenActivations.add(activation);
        hiddenWeights.add(in);
        output = new Parameter("output weights", grown);
    }

    /**
     * The grown network as Synapse layers: one one-unit {@link Shortcut} per hidden unit, in the order they were
     * installed, then a {@link Dense} output layer; FANN's bias-neuron weights become the biases.
     */
    List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        for (int h = 0; h < hiddenUnits(); h++) {
            double[] w = hiddenWeights.get(h);
            Matrix weights = new Matrix(inputs + h, 1);
            for (int k = 0; k < inputs + h; k++) {
                weights.set(k, 0, w[k < inputs ? k : k + 1]);
            }
            layers.add(new Shortcut(hiddenActivations.get(h), weights, Matrix.wrap(1, 1, new double[] {w[inputs]})));
        }
        int count = sourceCount();
        Matrix weights = new Matrix(count - 1, outputs);
        Matrix bias = new Matrix(1, outputs);
        Matrix w = output.value();
        for (int k = 0; k < count; k++) {
            for (int o = 0; o < outputs; o++) {
                if (k == inputs) {
                    bias.set(0, o, w.get(k, o));
                } else {
                    weights.set(k < inputs ? k : k - 1, o, w.get(k, o));
                }
            }
        }
        layers.add(new Dense(outputActivation, weights, bias));
        return layers;
    }
}
