package dev.synapse.fann;

import dev.synapse.activations.FannActivation;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.fann.CascadeTraining.ErrorFunction;
import dev.synapse.fann.CascadeTraining.StopFunction;
import dev.synapse.losses.FannMse;
import dev.synapse.losses.Losses;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of Cascade2, the loop of fann_cascadetrain_on_data with fann_train_outputs and fann_train_candidates:
 * train the outputs, stop if the goal is met, else train candidates and install the best, at most max-neurons
 * times; then train the outputs once more without a goal.
 */
final class CascadeTrainer {

    private final CascadeTraining settings;
    private final NumpyRandom random;
    private final CascadeNetwork net;
    private final FannMse loss;
    private final Consumer<CascadeNeuron> listener;
    private final double[] residuals;
    private final List<CascadeNeuron> neurons = new ArrayList<>();
    private int totalEpochs;

    CascadeTrainer(CascadeTraining settings, Matrix inputs, Matrix targets, long seed,
            Consumer<CascadeNeuron> listener) {
        this.settings = settings;
        this.random = new NumpyRandom(seed);
        boolean symmetric = settings.outputActivation.isSymmetric();
        this.loss = settings.errorFunction == ErrorFunction.TANH ? Losses.fannMse(symmetric)
                : Losses.fannMseLinear(symmetric);
        this.net = new CascadeNetwork(inputs, targets, settings.maxNeurons, settings.outputActivation, loss,
                settings.bitFailLimit, random);
        this.listener = listener;
        this.residuals = new double[inputs.rows() * targets.cols()];
    }

    CascadeResult run() {
        boolean reached = false;
        FannActivation added = null;
        double addedScore = 0;
        for (int i = 1; i <= settings.maxNeurons; i++) {
            totalEpochs += trainOutputs(settings.desiredError, false);
            if (added != null) {
                report(added, addedScore);
            }
            if (reached(settings.desiredError)) {
                reached = true;
                added = null;
                break;
            }
            CandidatePool pool = CandidatePool.create(net, settings.activationFunctions,
                    settings.activationSteepnesses, settings.candidateGroups, random);
            addedScore = trainCandidates(pool);
            added = pool.activation(pool.best());
            net.install(added, pool.weights(pool.best()).value().data(), settings.weightMultiplier);
        }
        totalEpochs += trainOutputs(0, true);
        if (added != null) {
            report(added, addedScore);
        }
        net.forward(false);
        reached = reached || reached(settings.desiredError);
        Sequential model = Sequential.of(net.layers(), loss, settings.optimizer, 0);
        return new CascadeResult(model, neurons, totalEpochs, net.mse(), net.bitFails(), reached);
    }

    private void report(FannActivation activation, double score) {
        CascadeNeuron neuron = new CascadeNeuron(neurons.size() + 1, activation, score, net.mse(), net.bitFails(),
                totalEpochs);
        neurons.add(neuron);
        listener.accept(neuron);
    }

    /** FANN's fann_desired_error_reached on the last measured epoch. */
    private boolean reached(double desired) {
        return settings.stopFunction == StopFunction.MSE ? net.mse() <= desired : net.bitFails() <= (long) desired;
    }

    /** Whether the measured error beats the best so far: fewer bit fails first with the bit stop function. */
    private boolean better(double mse, int bitFails, double bestMse, int bestBitFails) {
        if (settings.stopFunction == StopFunction.BIT && bitFails != bestBitFails) {
            return bitFails < bestBitFails;
        }
        return mse < bestMse;
    }

    /**
     * fann_train_outputs: full-batch epochs of the output weights until the goal, stagnation or the maximum. An epoch
     * measures the weights it starts from, then updates them; an epoch that meets the goal keeps its weights (FANN
     * updates them once more), and with {@code keepBest} (the last phase, which hands the model back) the weights of
     * the best measured epoch are kept, else those after the last update, as FANN does. Leaves the network measured
     * on the weights kept.
     *
     * @return the epochs run
     */
    private int trainOutputs(double desired, boolean keepBest) {
        Optimizer.State state = settings.optimizer.start(List.of(net.output()));
        Matrix weights = net.output().value();
        Matrix best = weights.copy();
        double bestMse = Double.POSITIVE_INFINITY;
        int bestBitFails = Integer.MAX_VALUE;
        double initial = 0;
        double target = 0;
        double backslide = -1e20;
        int stagnation = settings.maxOutputEpochs;
        int epochs = settings.maxOutputEpochs;
        for (int i = 0; i < settings.maxOutputEpochs; i++) {
            net.forward(true);
            if (better(net.mse(), net.bitFails(), bestMse, bestBitFails)) {
                best.copyFrom(weights);
                bestMse = net.mse();
                bestBitFails = net.bitFails();
            }
            if (reached(desired)) {
                epochs = i + 1;
                keepBest = false;       // these weights met the goal: keep them, not an earlier epoch's
                break;
            }
            state.step(i + 1, net.samples());
            if (i == 0) {
                initial = net.mse();
                continue;
            }
            double improvement = initial - net.mse();
            // After any significant change, set a new goal and allow a new quota of epochs to reach it.
            if (target >= 0 && (improvement > target || improvement < backslide)
                    || target < 0 && (improvement < target || improvement > backslide)) {
                target = improvement * (1 + settings.outputChangeFraction);
                backslide = improvement * (1 - settings.outputChangeFraction);
                stagnation = i + settings.outputStagnationEpochs;
            }
            if (i >= stagnation && i >= settings.minOutputEpochs) {
                epochs = i + 1;
                break;
            }
        }
        if (keepBest) {
            weights.copyFrom(best);
        }
        net.forward(false);
        return epochs;
    }

    /**
     * fann_train_candidates: full-batch epochs of every candidate until its best score stagnates, passes the
     * candidate limit or the maximum is reached.
     *
     * @return the best candidate's score in the last epoch
     */
    private double trainCandidates(CandidatePool pool) {
        net.residuals(residuals);
        double sse = net.mse() * net.samples() * net.outputs();
        Optimizer.State state = pool.start(settings.optimizer);
        double target = 0;
        double backslide = -1e20;
        int stagnation = settings.maxCandidateEpochs;
        double best = 0;
        int epochs = settings.maxCandidateEpochs;
        for (int i = 0; i < settings.maxCandidateEpochs; i++) {
            best = pool.scoreAndGradient(net.sources(), net.stride(), residuals, net.samples(), sse);
            state.step(i + 1, net.samples());
            if (best > settings.candidateLimit * sse) {
                epochs = i + 1;
                break;
            }
            if (best > target || best < backslide) {
                target = best * (1 + settings.candidateChangeFraction);
                backslide = best * (1 - settings.candidateChangeFraction);
                stagnation = i + settings.candidateStagnationEpochs;
            }
            if (i >= stagnation && i >= settings.minCandidateEpochs) {
                epochs = i + 1;
                break;
            }
        }
        totalEpochs += epochs;
        return best;
    }
}
