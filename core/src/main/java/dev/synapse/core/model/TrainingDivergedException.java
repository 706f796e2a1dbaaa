package dev.synapse.core.model;

/**
 * Training stopped because the loss was no longer a finite number. The model keeps the parameters of the last
 * epoch whose loss was finite; the message names the epoch and suggests a fix.
 */
public final class TrainingDivergedException extends RuntimeException {

    private final int epoch;

    TrainingDivergedException(String message, int epoch) {
        super(message);
        this.epoch = epoch;
    }

    /** The 1-based epoch whose loss was not finite. */
    public int epoch() {
        return epoch;
    }
}
