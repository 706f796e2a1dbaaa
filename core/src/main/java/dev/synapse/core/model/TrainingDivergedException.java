package dev.synapse.core.model;

/**
 * Training stopped because it diverged: a loss that is not finite, a loss that exploded
 * ({@link Training#explosionFactor(double)}), or an output that passed no gradient for a whole epoch. The message
 * names the epoch, the first layer whose outputs or gradients went non-finite or saturated, the optimizer's settings
 * and the likely cause. The model holds the weights of the epoch with the best training loss so far (or those from
 * before training, when the first epoch failed), and the message says which.
 */
public final class TrainingDivergedException extends RuntimeException {

    /** The epoch in which training diverged. */
    private final int epoch;
    /** The epoch whose weights were restored; 0 for those from before training. */
    private final int restoredEpoch;
    /** The epochs before the divergence; not serialized (Synapse uses no Java serialization). */
    private final transient History history;

    TrainingDivergedException(String message, int epoch, int restoredEpoch, History history) {
        super(message);
        this.epoch = epoch;
        this.restoredEpoch = restoredEpoch;
        this.history = history;
    }

    /**
     * The 1-based epoch in which training diverged.
     *
     * @return the epoch whose loss was not finite, counted from 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The epoch whose weights the model holds now; 0 for the weights from before training.
     *
     * @return the epoch of the weights kept, 0 for the initial weights
     */
    public int restoredEpoch() {
        return restoredEpoch;
    }

    /**
     * The epochs trained before the divergence, with {@link History.StopReason#DIVERGED}.
     *
     * @return the history up to the divergence
     */
    public History history() {
        return history;
    }
}
