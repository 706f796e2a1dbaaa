package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.random.NumpyRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link Sequential#fit} call: the tutorial loop made general. Per batch: forward keeping every intermediate,
 * loss and its gradient, backward into the parameter gradients, one optimizer step. After each epoch the loop
 * measures the validation data and asks small stop-and-observe objects what to do — the divergence guard, then the
 * listeners: the built-in goals ({@link GoalStop}), {@link EarlyStopping}, {@link Checkpoint} and the user's, any of
 * which may ask to stop through the {@link EpochReport}. Everything the batches need is allocated before the first
 * epoch; metrics are gathered from the same forward passes, only when something reads them.
 */
final class TrainingLoop {

    /** A listener and how often it hears epochs (batches and the end it always hears). */
    private record Registered(int every, TrainingListener listener) {}

    private final Sequential model;
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Optimizer.State optimizerState;
    private final NumpyRandom random;
    private final Training training;
    private final TrainingBuffers buffers;
    private final ModelGuard guard;
    private final Loss.Reduction reduction;
    private final List<Registered> listeners = new ArrayList<>();
    private boolean[] heard;

    TrainingLoop(Sequential model, Optimizer.State optimizerState, NumpyRandom random, Training training,
            TrainingBuffers buffers, ModelGuard guard) {
        this.model = model;
        this.layers = model.layers();
        this.parameters = model.parameters();
        this.loss = model.loss().orElseThrow();
        this.optimizer = model.optimizer().orElseThrow();
        this.optimizerState = optimizerState;
        this.random = random;
        this.training = training;
        this.buffers = buffers;
        this.guard = guard;
        this.reduction = loss.reduction();
    }

    History run(Matrix allInputs, Matrix allTargets) {
        ThreadChoice threads = buffers.threadChoice;
        threads.begin(training.measuresThreads());
        try {
            return run(allInputs, allTargets, threads);
        } finally {
            threads.end();
        }
    }

    private History run(Matrix allInputs, Matrix allTargets, ThreadChoice threads) {
        FitData data = FitData.of(layers, loss, allInputs, allTargets, training);
        // Converted to the model's precision once per fit, never per step (a no-op for a float64 model).
        Matrix inputs = data.inputs().toPrecision(model.precision());
        Matrix targets = data.targets();
        int samples = inputs.rows();
        int batchSize = training.batchSize() == 0 ? samples : Math.min(training.batchSize(), samples);
        boolean wholeSetInOrder = batchSize == samples;
        int remainder = samples % batchSize;
        Workspace full = buffers.workspace(0, layers, batchSize, targets.cols());
        Workspace last = remainder == 0 ? null : buffers.workspace(1, layers, remainder, targets.cols());
        int[] order = buffers.identityOrder(samples);
        WeightSnapshots weights = new WeightSnapshots(parameters, guard, wholeSetInOrder, buffers);
        DivergenceGuard divergence = new DivergenceGuard(layers, training.explosionFactor(), training.targetLoss(),
                buffers.firstEpochLoss);
        registerListeners(weights, data.validating());
        boolean measuring = !listeners.isEmpty() || training.recordsMetrics() || data.validating();
        double threshold = MetricsAccumulator.accuracyThreshold(layers, targets);
        MetricsAccumulator metrics = new MetricsAccumulator(training.bitFailLimit(), loss, threshold);
        Validation validation = data.validating() ? new Validation(data, threshold) : null;
        HistoryRecorder history = new HistoryRecorder(training.maxEpochs(), measuring, data.validating());
        long epochStart = System.nanoTime();

        for (int epoch = 1; epoch <= training.maxEpochs(); epoch++) {
            weights.startEpoch(epoch);
            divergence.startEpoch();
            if (!wholeSetInOrder && training.shuffle()) {
                random.shuffle(order);
            }
            metrics.reset();
            double epochLoss = 0;
            // The part of epochLoss that is the layers' weight penalty (L2), for History to report apart.
            double epochPenalty = 0;
            int batch = 0;
            for (int start = 0; start < samples; start += batchSize) {
                threads.beforeBatch();
                Workspace ws = samples - start < batchSize ? last : full;
                Matrix x = inputs;
                Matrix y = targets;
                if (!wholeSetInOrder) {
                    buffers.passes.gather(inputs, order, start, ws.input);
                    buffers.passes.gather(targets, order, start, ws.target);
                    x = ws.input;
                    y = ws.target;
                }
                Matrix predicted = ws.forwardTraining(layers, x, random);
                double batchPenalty = Workspace.penalty(layers);
                double batchLoss = ws.loss(layers, loss, y) + batchPenalty;
                String problem = divergence.checkBatch(batchLoss, ws);
                if (problem != null) {
                    throw diverged(epoch, problem, divergence, weights, history);
                }
                epochLoss += reduced(batchLoss, ws.batch, samples);
                epochPenalty += reduced(batchPenalty, ws.batch, samples);
                if (measuring) {
                    metrics.add(predicted, y, batchLoss, reduction);
                }
                backward(ws, x, y);
                divergence.afterBackward();
                step(epoch, ws.batch);
                batch++;
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).listener().onBatch(epoch, batch, batchLoss);
                }
                threads.afterBatch(ws.batch);
            }
            Metrics validated = validation == null ? null : validation.measure();
            long now = System.nanoTime();
            double seconds = (now - epochStart) * 1e-9;
            epochStart = now;
            Metrics measured = measuring ? metrics.result(reduction) : null;
            history.record(epochLoss, epochPenalty, seconds, measured, validated);
            String problem = divergence.checkEpoch(epoch, epochLoss, ws(full, last));
            buffers.firstEpochLoss = divergence.firstLoss();
            if (problem != null) {
                throw diverged(epoch, problem, divergence, weights, history);
            }
            if (divergence.isBest(epochLoss)) {
                weights.bestLossAt(epoch);
            }
            if (!listeners.isEmpty()) {
                EpochReport report = new EpochReport(epoch, epochLoss, epochPenalty, measured, validated, seconds);
                tell(report, epoch == training.maxEpochs());
                epochStart = System.nanoTime(); // listeners' time belongs to no epoch
                EpochReport.StopRequest stop = report.stopRequest();
                if (stop != null) {
                    return finish(history, weights, stop.reason(), stop.detail(), stop.keep());
                }
            }
        }
        return finish(history, weights, History.StopReason.MAX_EPOCHS,
                "trained all " + training.maxEpochs() + " epochs", null);
    }

    /**
     * Cleared parameter gradients, then the loss gradient (fused with the output activation where it can be) and
     * backpropagation into them.
     */
    private void backward(Workspace ws, Matrix x, Matrix y) {
        for (int p = 0; p < parameters.size(); p++) {
            buffers.passes.clear(parameters.get(p).gradient());
        }
        ws.backward(layers, loss, x, y);
    }

    /** One optimizer step, under the model's write lock so readers see the weights before or after it, whole. */
    private void step(int epoch, int batch) {
        guard.lockForUpdate();
        try {
            optimizerState.step(epoch, batch);
        } finally {
            guard.unlockAfterUpdate();
        }
    }

    private double reduced(double batchValue, int batch, int samples) {
        return reduction == Loss.Reduction.SUM ? batchValue : batchValue * batch / samples;
    }

    /** The workspace of the epoch's last batch. */
    private static Workspace ws(Workspace full, Workspace last) {
        return last != null ? last : full;
    }

    /** The built-in stops first, so users' listeners see a stop they asked for; then the users', in order. */
    private void registerListeners(WeightSnapshots weights, boolean validating) {
        listeners.clear();
        if (GoalStop.isSet(training)) {
            listeners.add(new Registered(1, new GoalStop(training, weights)));
        }
        for (EarlyStopping stopping : training.earlyStoppings()) {
            requireValidation(stopping.monitor(), validating, "early stopping");
            listeners.add(new Registered(1, stopping.start(weights)));
        }
        for (Checkpoint checkpoint : training.checkpoints()) {
            requireValidation(checkpoint.monitor(), validating, "the checkpoint to " + checkpoint.path());
            listeners.add(new Registered(1, checkpoint.start(model, weights)));
        }
        for (Training.Report r : training.reports()) {
            listeners.add(new Registered(r.every(), r.listener()));
        }
        heard = new boolean[listeners.size()];
    }

    private static void requireValidation(Monitor monitor, boolean validating, String who) {
        if (monitor.needsValidation() && !validating) {
            throw new IllegalArgumentException(who + " monitors the " + monitor.label() + ", but this fit has no"
                    + " validation data: add validationData(...) or validationSplit(0.1) to the Training, or monitor"
                    + " a training quantity such as Monitor.LOSS");
        }
    }

    /**
     * Tells every listener due this epoch; if one asks to stop, those not due hear it too, since it is the last
     * epoch and every listener hears the last one.
     */
    private void tell(EpochReport report, boolean lastEpoch) {
        int epoch = report.epoch();
        for (int i = 0; i < listeners.size(); i++) {
            Registered r = listeners.get(i);
            heard[i] = lastEpoch || (epoch - 1) % r.every() == 0;
            if (heard[i]) {
                r.listener().onEpoch(report);
            }
        }
        if (!lastEpoch && report.stopRequested()) {
            for (int i = 0; i < listeners.size(); i++) {
                if (!heard[i]) {
                    listeners.get(i).listener().onEpoch(report);
                }
            }
        }
    }

    /** Hands back the weights the stop asked for ({@code keep}; null: the current ones) and tells the listeners. */
    private History finish(HistoryRecorder history, WeightSnapshots weights, History.StopReason reason, String detail,
            WeightSnapshots.Snapshot keep) {
        if (keep != null) {
            weights.restore(keep);
        }
        int epochs = history.epochs();
        History result = history.build(reason, detail, keep == null ? epochs : keep.epoch(),
                keep == null ? "the weights after epoch " + epochs : keep.describe());
        for (Registered r : listeners) {
            r.listener().onTrainingEnd(result);
        }
        return result;
    }

    /**
     * Restores the weights of the best epoch so far (or those from before training), tells the listeners, and
     * builds the exception {@code fit} throws.
     */
    private TrainingDivergedException diverged(int epoch, String problem, DivergenceGuard divergence,
            WeightSnapshots weights, HistoryRecorder history) {
        WeightSnapshots.Snapshot best = weights.bestLossOrStart();
        String restored = best.epoch() == 0 ? best.describe()
                : best.describe() + ", the best loss so far (" + history.loss(best.epoch()) + ")";
        String cause = switch (divergence.kind()) {
            case NO_GRADIENT -> "a saturated output: its activation sits at a bound where its derivative is 0, so"
                    + " nothing can learn. Steps that are too large (optimizer: " + optimizer + ") or unscaled"
                    + " inputs drive it there; try a smaller learning rate, scaled inputs, smaller initial weights,"
                    + " or a loss whose gradient does not vanish there (cross-entropy for a sigmoid output).";
            case NOT_FINITE, EXPLODED -> "steps too large for these data. Try a smaller learning rate (optimizer: "
                    + optimizer + ") or scale the inputs.";
        };
        String message = "Training diverged at epoch " + epoch + ": " + problem + ". Restored "
                + restored + ". Likely cause: " + cause;
        weights.restore(best);
        History result = history.build(History.StopReason.DIVERGED, "training diverged at epoch " + epoch,
                best.epoch(), best.describe());
        for (Registered r : listeners) {
            r.listener().onTrainingEnd(result);
        }
        return new TrainingDivergedException(message, epoch, best.epoch(), result);
    }

    /** Loss and metrics of the validation data after an epoch: one forward pass, no update. */
    private final class Validation {
        private final Matrix inputs;
        private final Matrix targets;
        private final Workspace workspace;
        private final MetricsAccumulator metrics;

        Validation(FitData data, double threshold) {
            this.inputs = data.validationInputs().toPrecision(model.precision());
            this.targets = data.validationTargets();
            this.workspace = new Workspace(layers, inputs.rows(), false);
            this.metrics = new MetricsAccumulator(training.bitFailLimit(), loss, threshold);
        }

        Metrics measure() {
            Matrix predicted = workspace.forward(layers, inputs);
            metrics.reset();
            metrics.add(predicted, targets, workspace.loss(layers, loss, targets), reduction);
            return metrics.result(reduction);
        }
    }
}
