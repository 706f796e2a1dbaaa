package dev.synapse.core.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What one {@link Sequential#fit} call did, epoch by epoch — training loss, regularization penalty, metrics,
 * validation loss and metrics, wall time — and how it ended: why it stopped and which epoch's weights the model
 * kept.
 *
 * <pre>{@code
 * History h = model.fit(x, y, Training.epochs(100).validationSplit(0.2).earlyStopping(EarlyStopping.patience(5)));
 * h.validationLoss(h.keptEpoch());   // the best validation loss, whose weights the model now holds
 * h.summary();                       // "Early stopping at epoch 23: ...; kept the weights after epoch 18."
 * }</pre>
 */
public final class History {

    /** Why a {@link Sequential#fit} call ended. */
    public enum StopReason {
        /** The maximum number of epochs ran. */
        MAX_EPOCHS,
        /** An epoch's loss reached the target loss. */
        TARGET_LOSS_REACHED,
        /** An epoch's bit-fail count fell to the limit of {@link Training#stopWhenBitFailsAtMost(int)}. */
        BIT_FAILS_REACHED,
        /** {@link EarlyStopping} saw no improvement for its patience. */
        EARLY_STOPPED,
        /** A listener called {@link EpochReport#stopTraining()}. */
        STOPPED_BY_LISTENER,
        /** The loss became non-finite, exploded, or no gradient flowed; {@code fit} threw
         * {@link TrainingDivergedException}, whose {@code history()} this is. */
        DIVERGED
    }

    private final double[] losses;
    private final double[] penalties;
    private final double[] seconds;
    private final Metrics[] metrics;
    private final Metrics[] validation;
    private final StopReason stopReason;
    private final String stopDetail;
    private final int keptEpoch;
    private final String keptWeights;

    History(double[] losses, double[] penalties, double[] seconds, Metrics[] metrics, Metrics[] validation,
            int epochs, StopReason stopReason, String stopDetail, int keptEpoch, String keptWeights) {
        // The recorder hands its arrays over; they are copied only when longer than the epochs trained.
        this.losses = trimmed(losses, epochs);
        this.penalties = penalties == null ? new double[epochs] : trimmed(penalties, epochs);
        this.seconds = trimmed(seconds, epochs);
        this.metrics = metrics == null ? null : metrics.length == epochs ? metrics : Arrays.copyOf(metrics, epochs);
        this.validation = validation == null ? null
                : validation.length == epochs ? validation : Arrays.copyOf(validation, epochs);
        this.stopReason = stopReason;
        this.stopDetail = stopDetail;
        this.keptEpoch = keptEpoch;
        this.keptWeights = keptWeights;
    }

    private static double[] trimmed(double[] values, int epochs) {
        return values.length == epochs ? values : Arrays.copyOf(values, epochs);
    }

    /**
     * The number of epochs trained; when training diverged, an epoch whose loss exploded is counted, one that
     * stopped on a non-finite loss before it finished is not.
     *
     * @return the epoch count, 0 or more
     */
    public int epochs() {
        return losses.length;
    }

    /**
     * The training loss of {@code epoch} (1-based), computed from that epoch's forward passes.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its loss, penalty included
     * @throws IndexOutOfBoundsException if the epoch was not trained
     */
    public double loss(int epoch) {
        return losses[index(epoch)];
    }

    /**
     * The loss of the last epoch.
     *
     * @return the last epoch's loss; NaN when no epoch was trained
     */
    public double finalLoss() {
        if (losses.length == 0) {
            throw new IllegalStateException("no epoch was trained");
        }
        return losses[losses.length - 1];
    }

    /**
     * A copy of all training losses; element i belongs to epoch i + 1.
     *
     * @return a new array of {@link #epochs()} losses
     */
    public double[] losses() {
        return losses.clone();
    }

    /**
     * The regularization penalty included in {@code loss(epoch)}, reduced over the epoch as the loss is; 0 when no
     * layer is regularized.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its penalty, not negative
     */
    public double penalty(int epoch) {
        return penalties[index(epoch)];
    }

    /**
     * A copy of every epoch's penalty.
     *
     * @return a new array of {@link #epochs()} penalties
     */
    public double[] penalties() {
        return penalties.clone();
    }

    /**
     * The wall time of {@code epoch} in seconds, its validation included.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its wall time in seconds
     */
    public double seconds(int epoch) {
        return seconds[index(epoch)];
    }

    /**
     * The training metrics of {@code epoch}, from its forward passes; present when they were measured — with a
     * listener, validation data, early stopping, a bit-fail goal or {@link Training#recordMetrics()}.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its training metrics, or empty when they were not measured
     */
    public Optional<Metrics> metrics(int epoch) {
        int i = index(epoch);
        return metrics == null ? Optional.empty() : Optional.ofNullable(metrics[i]);
    }

    /**
     * Whether validation data was given, so {@link #validation(int)} is present for every epoch.
     *
     * @return true if the run had validation data
     */
    public boolean hasValidation() {
        return validation != null;
    }

    /**
     * Loss and metrics on the validation data after {@code epoch}'s updates; empty without validation data.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its validation metrics, or empty
     */
    public Optional<Metrics> validation(int epoch) {
        int i = index(epoch);
        return validation == null ? Optional.empty() : Optional.ofNullable(validation[i]);
    }

    /**
     * The validation loss after {@code epoch}; NaN without validation data.
     *
     * @param epoch the epoch, from 1 to {@link #epochs()}
     * @return its validation loss, or NaN
     */
    public double validationLoss(int epoch) {
        return validation(epoch).map(Metrics::loss).orElse(Double.NaN);
    }

    /**
     * A copy of every epoch's validation loss (NaN without validation data).
     *
     * @return a new array of {@link #epochs()} validation losses
     */
    public double[] validationLosses() {
        double[] out = new double[losses.length];
        for (int e = 1; e <= out.length; e++) {
            out[e - 1] = validationLoss(e);
        }
        return out;
    }

    /**
     * Why training stopped.
     *
     * @return the reason, never null
     */
    public StopReason stopReason() {
        return stopReason;
    }

    /**
     * What stopped training, in a sentence: "loss 8.1E-6 at epoch 16 reached the target 1.0E-5".
     *
     * @return the sentence, without a final period
     */
    public String stopDetail() {
        return stopDetail;
    }

    /**
     * The epoch whose weights the model holds after {@code fit}: the last one, unless a stop handed back others
     * (the epoch that reached the goal, early stopping's best, the best before a divergence); 0 means the weights
     * from before training.
     *
     * @return the kept weights' epoch, 0 for the initial weights
     */
    public int keptEpoch() {
        return keptEpoch;
    }

    /**
     * Which weights the model kept, in words: "the weights epoch 16's loss was measured on (before its update)".
     *
     * @return the sentence, without a final period
     */
    public String keptWeights() {
        return keptWeights;
    }

    /**
     * One line saying how training ended and which weights were kept, for a report or a command line.
     *
     * @return the line, without a line break
     */
    public String summary() {
        return Character.toUpperCase(stopDetail.charAt(0)) + stopDetail.substring(1) + "; kept " + keptWeights + ".";
    }

    private int index(int epoch) {
        if (epoch < 1 || epoch > losses.length) {
            throw new IndexOutOfBoundsException("epoch " + epoch + " is outside 1.." + losses.length);
        }
        return epoch - 1;
    }

    @Override
    public String toString() {
        return "History[epochs=" + losses.length + ", stop=" + stopReason
                + (losses.length > 0 ? ", final loss=" + finalLoss() : "") + ", kept epoch=" + keptEpoch + "]";
    }
}
