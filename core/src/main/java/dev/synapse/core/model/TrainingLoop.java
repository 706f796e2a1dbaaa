package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.random.NumpyRandom;
import java.util.Arrays;
import java.util.List;

/**
 * One {@link Sequential#fit} call: the tutorial loop made general. Per batch: forward keeping every intermediate,
 * loss and its gradient, backward into the parameter gradients, one optimizer step. Everything the loop needs is
 * allocated here, before the first epoch. Metrics (and FANN's bit-fail count) are gathered from the same forward
 * passes, only when a listener or a bit-fail stop needs them.
 */
final class TrainingLoop {

    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Optimizer.State optimizerState;
    private final NumpyRandom random;
    private final Training training;
    private final MetricsAccumulator metrics;
    private final TrainingBuffers buffers;
    /** Parameters at the start of the current and the previous epoch, to restore after a divergence. */
    private double[][] startOfEpoch;
    private double[][] startOfPreviousEpoch;

    TrainingLoop(List<Layer> layers, List<Parameter> parameters, Loss loss, Optimizer optimizer,
            Optimizer.State optimizerState, NumpyRandom random, Training training, TrainingBuffers buffers) {
        this.buffers = buffers;
        this.layers = layers;
        this.parameters = parameters;
        this.loss = loss;
        this.optimizer = optimizer;
        this.optimizerState = optimizerState;
        this.random = random;
        this.training = training;
        this.metrics = new MetricsAccumulator(training.bitFailLimit(), loss);
    }

    History run(Matrix inputs, Matrix targets) {
        int samples = inputs.rows();
        int batchSize = training.batchSize() == 0 ? samples : Math.min(training.batchSize(), samples);
        boolean wholeSetInOrder = batchSize == samples;
        int remainder = samples % batchSize;
        Workspace full = buffers.workspace(0, layers, batchSize, targets.cols());
        Workspace last = remainder == 0 ? null : buffers.workspace(1, layers, remainder, targets.cols());
        int[] order = buffers.identityOrder(samples);
        startOfEpoch = buffers.snapshot(0, parameters);
        startOfPreviousEpoch = buffers.snapshot(1, parameters);
        boolean listening = !training.reports().isEmpty();
        boolean countingBitFails = training.maxBitFails() >= 0;
        boolean measuring = listening || countingBitFails;
        Loss.Reduction reduction = loss.reduction();
        double[] losses = new double[Math.min(training.maxEpochs(), 1024)];

        for (int epoch = 1; epoch <= training.maxEpochs(); epoch++) {
            snapshot();
            if (!wholeSetInOrder && training.shuffle()) {
                random.shuffle(order);
            }
            metrics.reset();
            double epochLoss = 0;
            // The part of epochLoss that is the layers' weight penalty (L2), for History to report apart.
            double epochPenalty = 0;
            for (int start = 0; start < samples; start += batchSize) {
                Workspace ws = samples - start < batchSize ? last : full;
                Matrix x = inputs;
                Matrix y = targets;
                if (!wholeSetInOrder) {
                    gather(inputs, order, start, ws.input);
                    gather(targets, order, start, ws.target);
                    x = ws.input;
                    y = ws.target;
                }
                Matrix predicted = ws.forwardTraining(layers, x, random);
                double batchPenalty = Workspace.penalty(layers);
                double batchLoss = ws.loss(layers, loss, y) + batchPenalty;
                if (!Double.isFinite(batchLoss)) {
                    throw diverged(epoch, batchLoss);
                }
                epochLoss += reduction == Loss.Reduction.SUM ? batchLoss : batchLoss * ws.batch / samples;
                epochPenalty += reduction == Loss.Reduction.SUM ? batchPenalty : batchPenalty * ws.batch / samples;
                if (measuring) {
                    metrics.add(predicted, y, batchLoss, reduction);
                }
                for (int p = 0; p < parameters.size(); p++) {
                    parameters.get(p).gradient().fill(0.0);
                }
                ws.backward(layers, loss, x, y);
                optimizerState.step(epoch, ws.batch);
            }
            if (epoch > losses.length) {
                losses = Arrays.copyOf(losses, Math.min(training.maxEpochs(), losses.length * 2));
            }
            losses[epoch - 1] = epochLoss;
            boolean reachedTarget = epochLoss <= training.targetLoss();
            boolean reachedBitFails = countingBitFails && metrics.bitFails() <= training.maxBitFails();
            boolean lastEpoch = reachedTarget || reachedBitFails || epoch == training.maxEpochs();
            if (listening) {
                report(epoch, epochLoss, lastEpoch, reduction);
            }
            if (reachedTarget) {
                return new History(losses, epoch, History.StopReason.TARGET_LOSS_REACHED);
            }
            if (reachedBitFails) {
                return new History(losses, epoch, History.StopReason.BIT_FAILS_REACHED);
            }
        }
        return new History(losses, training.maxEpochs(), History.StopReason.MAX_EPOCHS);
    }

    private void report(int epoch, double epochLoss, boolean lastEpoch, Loss.Reduction reduction) {
        Metrics result = null;
        for (Training.Report r : training.reports()) {
            if (lastEpoch || (epoch - 1) % r.every() == 0) {
                if (result == null) {
                    result = metrics.result(reduction);
                }
                r.listener().onEpoch(new EpochReport(epoch, epochLoss, result));
            }
        }
    }

    private static void gather(Matrix source, int[] order, int start, Matrix batch) {
        int cols = source.cols();
        double[] from = source.data();
        double[] to = batch.data();
        for (int r = 0; r < batch.rows(); r++) {
            System.arraycopy(from, order[start + r] * cols, to, r * cols, cols);
        }
    }

    /** Keeps the parameters at the start of this epoch and of the one before. */
    private void snapshot() {
        double[][] oldest = startOfPreviousEpoch;
        startOfPreviousEpoch = startOfEpoch;
        startOfEpoch = oldest;
        for (int i = 0; i < startOfEpoch.length; i++) {
            double[] value = parameters.get(i).value().data();
            System.arraycopy(value, 0, startOfEpoch[i], 0, value.length);
        }
    }

    /**
     * The loss of {@code epoch} is not finite, so the parameters at its start are bad; the ones at the start of the
     * previous epoch produced a finite loss. Restores those (or the initial ones, if the first epoch failed).
     */
    private TrainingDivergedException diverged(int epoch, double badLoss) {
        double[][] restore = epoch == 1 ? startOfEpoch : startOfPreviousEpoch;
        for (int i = 0; i < restore.length; i++) {
            double[] value = parameters.get(i).value().data();
            System.arraycopy(restore[i], 0, value, 0, value.length);
        }
        String restored = epoch == 1
                ? "weights restored to their values before training"
                : "weights restored from epoch " + (epoch - 1) + ", the last with a finite loss";
        return new TrainingDivergedException("Loss became " + badLoss + " at epoch " + epoch + "; " + restored
                + ". Try a smaller learning rate (optimizer: " + optimizer + ") or scale the inputs.", epoch);
    }
}
