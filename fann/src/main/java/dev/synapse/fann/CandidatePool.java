package dev.synapse.fann;

import dev.synapse.activations.FannActivation;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The candidate units of one Cascade2 round (FANN's fann_initialize_candidates, fann_train_candidates_epoch): each
 * candidate is connected to every source (inputs, bias, hidden units) and has its own weight to every output, and
 * trains to cancel the network's residual errors. Its score is FANN's: the sum of squared errors the network
 * had, minus what remains once the candidate's weighted output is taken off the residuals,
 * {@code S = Σ e² - Σ_samples Σ_outputs (a·v_o - e_o)²}, where a is the candidate's output and v_o its output
 * weights; the best candidate removes the most error.
 */
final class CandidatePool {

    private final List<FannActivation> activations;
    private final List<Parameter> weights;
    private final double[] scores;
    private final int sourceCount;
    private final int outputs;
    private int best;

    private CandidatePool(List<FannActivation> activations, List<Parameter> weights, int sourceCount, int outputs) {
        this.activations = activations;
        this.weights = weights;
        this.scores = new double[activations.size()];
        this.sourceCount = sourceCount;
        this.outputs = outputs;
    }

    /**
     * FANN's candidates for {@code net}: for each activation function, each steepness and each group, in that
     * order, weights drawn as fann_initialize_candidates draws them — the bias weight uniform in [-f, f], every
     * other input and output weight in [0, f], with {@code f = 2·(0.7·(hidden + 1))^(1/inputs)} kept within
     * [0.5, 8]. The + 1 is FANN's: its neuron count {@code total_neurons - num_input - num_output} includes the bias
     * neuron.
     */
    static CandidatePool create(CascadeNetwork net, List<FannActivation.Function> functions, double[] steepnesses,
            int groups, NumpyRandom random) {
        double f = 2 * Math.pow(0.7 * (net.hiddenUnits() + 1), 1.0 / net.inputs());
        f = Math.min(8, Math.max(0.5, f));
        int count = net.sourceCount();
        List<FannActivation> activations = new ArrayList<>();
        List<Parameter> weights = new ArrayList<>();
        for (FannActivation.Function function : functions) {
            for (double steepness : steepnesses) {
                for (int g = 0; g < groups; g++) {
                    activations.add(FannActivations.of(function, steepness));
                    Matrix w = new Matrix(1, count + net.outputs());
                    double[] d = w.data();
                    for (int i = 0; i < d.length; i++) {
                        d[i] = i == net.inputs() ? random.uniform(-f, f) : random.uniform(0, f);
                    }
                    weights.add(new Parameter("candidate " + activations.size(), w));
                }
            }
        }
        return new CandidatePool(activations, weights, count, net.outputs());
    }

    /** Starts {@code optimizer} on every candidate's weights: one full-batch step per epoch moves them all. */
    Optimizer.State start(Optimizer optimizer) {
        return optimizer.start(weights);
    }

    int size() {
        return activations.size();
    }

    FannActivation activation(int candidate) {
        return activations.get(candidate);
    }

    /** Candidate {@code candidate}'s input weights (one per source) followed by its output weights. */
    Parameter weights(int candidate) {
        return weights.get(candidate);
    }

    /** The candidate with the highest score in the last {@link #scoreAndGradient}; the first of equals. */
    int best() {
        return best;
    }

    /** Candidate {@code candidate}'s score in the last {@link #scoreAndGradient}. */
    double score(int candidate) {
        return scores[candidate];
    }

    /**
     * Scores every candidate on the residuals and writes the gradient of {@code Σ (a·v_o - e_o)²} into its weights'
     * gradients, divided by the sample count (Synapse's full-batch convention, which Quickprop undoes). As FANN does,
     * the input weights' gradient omits the chain rule's factor 2 that the output weights' has; RPROP reads only
     * signs, and this keeps Quickprop's steps FANN's.
     *
     * @param sources    the network's source values, {@code stride} per sample
     * @param residuals  the residual errors, {@code outputs} per sample
     * @param startScore the score's starting value: the sum of squared errors of the last output epoch
     * @return the best score
     */
    double scoreAndGradient(double[] sources, int stride, double[] residuals, int samples, double startScore) {
        double scale = 1.0 / samples;
        for (int c = 0; c < activations.size(); c++) {
            FannActivation activation = activations.get(c);
            double[] w = weights.get(c).value().data();
            double[] g = weights.get(c).gradient().data();
            Arrays.fill(g, 0);
            double score = startScore;
            for (int r = 0; r < samples; r++) {
                int base = r * stride;
                double sum = 0;
                for (int k = 0; k < sourceCount; k++) {
                    sum += sources[base + k] * w[k];
                }
                double a = activation.value(sum);
                double errorValue = 0;
                for (int o = 0; o < outputs; o++) {
                    double v = w[sourceCount + o];
                    double diff = a * v - residuals[r * outputs + o];
                    g[sourceCount + o] += 2 * diff * a * scale;
                    errorValue += diff * v;
                    score -= diff * diff;
                }
                errorValue *= activation.derivative(sum, a) * scale;
                for (int k = 0; k < sourceCount; k++) {
                    g[k] += errorValue * sources[base + k];
                }
            }
            scores[c] = score;
        }
        best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return scores[best];
    }
}
