package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * What a {@link TrainingListener} hears after an epoch, and where it asks training to stop.
 *
 * <pre>{@code
 * Training.epochs(300).report(10, r -> System.out.printf("Epoch %d. Current error: %.6f. Bit fail %d.%n",
 *         r.epoch(), r.loss(), r.bitFails()));          // FANN's report line
 * Training.epochs(300).listener(r -> {
 *     if (r.validationLoss() < 0.01) {
 *         r.stopTraining();                              // like Keras' model.stop_training = True
 *     }
 * });
 * }</pre>
 *
 * <p>One report is shared by every listener of the epoch; a stop asked by one is seen by the others through
 * {@link #stopRequested()} and ends training after all of them have heard the epoch.
 */
public final class EpochReport {

    private final int epoch;
    private final double loss;
    private final double penalty;
    private final Metrics metrics;
    private final Metrics validation;
    private final double seconds;
    private StopRequest stop;

    /** What a listener (or a built-in stop) asked for: why, and which weights training hands back. */
    record StopRequest(History.StopReason reason, String detail, WeightSnapshots.Snapshot keep) {}

    /**
     * A report of an epoch without validation data or penalty, e.g. to relabel epochs before passing a report on.
     *
     * @param epoch   the epoch just finished, 1-based
     * @param loss    the epoch's loss, computed from the forward passes of that epoch (before their updates)
     * @param metrics error, accuracy and bit fails from the same forward passes
     */
    public EpochReport(int epoch, double loss, Metrics metrics) {
        this(epoch, loss, 0, metrics, null, Double.NaN);
    }

    EpochReport(int epoch, double loss, double penalty, Metrics metrics, Metrics validation, double seconds) {
        this.epoch = epoch;
        this.loss = loss;
        this.penalty = penalty;
        this.metrics = checkNotNull(metrics, "metrics");
        this.validation = validation;
        this.seconds = seconds;
    }

    /**
     * The epoch just finished, 1-based.
     *
     * @return the epoch's number, counted from 1
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The epoch's training loss, computed from that epoch's forward passes (before their updates).
     *
     * @return the training loss, penalty included
     */
    public double loss() {
        return loss;
    }

    /**
     * The regularization penalty included in {@link #loss()}; 0 when no layer is regularized.
     *
     * @return the penalty part of the loss, not negative
     */
    public double penalty() {
        return penalty;
    }

    /**
     * Error, accuracy and bit fails from the epoch's training forward passes.
     *
     * @return the training metrics of the epoch
     */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * FANN's bit-fail count of the epoch: {@code metrics().bitFails()}.
     *
     * @return the number of outputs whose error reached the bit-fail limit, 0 or more
     */
    public long bitFails() {
        return metrics.bitFails();
    }

    /**
     * Loss and metrics on the validation data, measured after the epoch's updates; empty without validation data.
     *
     * @return the validation metrics, or empty
     */
    public Optional<Metrics> validation() {
        return Optional.ofNullable(validation);
    }

    /**
     * The validation loss after the epoch's updates; NaN without validation data.
     *
     * @return the validation loss, or NaN
     */
    public double validationLoss() {
        return validation == null ? Double.NaN : validation.loss();
    }

    /**
     * The epoch's wall time in seconds, validation included; NaN in reports built by users.
     *
     * @return the wall time in seconds, or NaN
     */
    public double seconds() {
        return seconds;
    }

    /**
     * Asks training to stop after this epoch, keeping the weights as they are after it (Keras'
     * {@code model.stop_training = True}). {@code fit} then returns normally, with
     * {@link History.StopReason#STOPPED_BY_LISTENER}.
     */
    public void stopTraining() {
        requestStop(History.StopReason.STOPPED_BY_LISTENER, "a listener asked to stop at epoch " + epoch, null);
    }

    /**
     * Whether a listener (or a built-in stop) has asked to stop after this epoch.
     *
     * @return true if training ends after this epoch
     */
    public boolean stopRequested() {
        return stop != null;
    }

    /** The first stop asked for wins: it says why training ended and which weights it keeps. */
    void requestStop(History.StopReason reason, String detail, WeightSnapshots.Snapshot keep) {
        if (stop == null) {
            stop = new StopRequest(reason, detail, keep);
        }
    }

    StopRequest stopRequest() {
        return stop;
    }

    @Override
    public String toString() {
        return "EpochReport[epoch=" + epoch + ", loss=" + loss + (validation == null ? "" : ", validation loss="
                + validation.loss()) + ", " + metrics + "]";
    }
}
