package dev.synapse.core.model;

/**
 * Hears about training progress; registered with {@link Training#report(int, TrainingListener)} or
 * {@link Training#listener(TrainingListener)}. The library itself prints nothing: a listener is where progress goes
 * to a console, a log or a chart. Only {@link #onEpoch} must be written, so a lambda is a listener; a listener
 * stops training through {@link EpochReport#stopTraining()}.
 *
 * <pre>{@code
 * Training.epochs(100).listener(new TrainingListener() {
 *     public void onEpoch(EpochReport r) { chart.add(r.epoch(), r.loss()); }
 *     public void onBatch(int epoch, int batch, double loss) { progressBar.step(); }
 *     public void onTrainingEnd(History history) { chart.close(); }
 * });
 * }</pre>
 *
 * <p>Listeners run on the thread that called {@code fit}, one after another in the order they were added.
 */
@FunctionalInterface
public interface TrainingListener {

    /**
     * Called after each epoch the listener is registered to hear (every one for {@code listener(...)}).
     *
     * @param report the finished epoch's losses, metrics and time
     */
    void onEpoch(EpochReport report);

    /**
     * Called after every optimizer step with the 1-based epoch and batch and the batch's loss; does nothing unless
     * overridden. It runs in the hot loop: keep it short and allocation-free.
     *
     * @param epoch the current epoch, counted from 1
     * @param batch the batch within the epoch, counted from 1
     * @param batchLoss the batch's loss, before the step
     */
    default void onBatch(int epoch, int batch, double batchLoss) {}

    /**
     * Called once when training ends, however it ends — also when it diverged, before {@code fit} throws
     * {@link TrainingDivergedException}; {@code history} says why ({@link History#stopReason()}) and which epoch's
     * weights the model kept. Does nothing unless overridden.
     *
     * @param history every epoch's loss and why training stopped
     */
    default void onTrainingEnd(History history) {}
}
