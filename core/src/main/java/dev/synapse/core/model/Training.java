package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The settings of one {@link Sequential#fit} call: immutable, each method returns a changed copy.
 *
 * <pre>{@code
 * History history = model.fit(x, y, Training.epochs(10_000)
 *         .batchSize(64)                       // mini-batches; full batch when not set
 *         .targetLoss(1e-3)                    // stop early once an epoch's loss is this low
 *         .report(1000, r -> System.out.println(r.epoch() + " " + r.loss())));
 * }</pre>
 *
 * <p>Mini-batches are shuffled before every epoch by the model's seeded generator, unless {@link #shuffle(boolean)}
 * turns that off. A listener registered with {@code report(n, ...)} hears epochs 1, n + 1, 2n + 1, ... (the
 * tutorials print at 0-based iterations 0, n, 2n, ...) and the last epoch.
 *
 * <p><b>FANN's training control</b> maps as follows: {@code fann_train_on_data(ann, data, max_epochs,
 * epochs_between_reports, desired_error)} is {@code Training.epochs(max_epochs).report(epochs_between_reports, ...)
 * .targetLoss(desired_error)} with {@code Losses.fannMse(...)} as the loss (FANN's desired error is its MSE);
 * FANN_STOPFUNC_BIT with a desired error of n bit fails is {@link #stopWhenBitFailsAtMost(int)
 * stopWhenBitFailsAtMost(n)}, and {@code fann_set_bit_fail_limit} is {@link #bitFailLimit(double)}. FANN's
 * FANN_TRAIN_INCREMENTAL is {@link #incremental()} with {@code Sgd}; FANN_TRAIN_BATCH is full-batch {@code Sgd};
 * FANN_TRAIN_RPROP and FANN_TRAIN_QUICKPROP are full-batch {@code Rprop} and {@code Quickprop}.
 */
public final class Training {

    /** A listener and how often it hears. */
    record Report(int every, TrainingListener listener) {}

    private final int maxEpochs;
    private final int batchSize;
    private final boolean shuffle;
    private final double targetLoss;
    private final double bitFailLimit;
    private final long maxBitFails;
    private final ImmutableList<Report> reports;

    private Training(int maxEpochs, int batchSize, boolean shuffle, double targetLoss, double bitFailLimit,
            long maxBitFails, ImmutableList<Report> reports) {
        this.maxEpochs = maxEpochs;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.targetLoss = targetLoss;
        this.bitFailLimit = bitFailLimit;
        this.maxBitFails = maxBitFails;
        this.reports = reports;
    }

    /**
     * Full-batch training for at most {@code maxEpochs} epochs.
     *
     * @throws IllegalArgumentException if {@code maxEpochs} is not positive
     */
    public static Training epochs(int maxEpochs) {
        checkArgument(maxEpochs > 0, "the number of epochs must be positive, got %s", maxEpochs);
        return new Training(maxEpochs, 0, true, Double.NEGATIVE_INFINITY, MetricsAccumulator.DEFAULT_BIT_FAIL_LIMIT,
                -1, ImmutableList.of());
    }

    /**
     * Trains in mini-batches of {@code size} samples (the last batch of an epoch may be smaller).
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public Training batchSize(int size) {
        checkArgument(size > 0, "batch size must be positive, got %s; use fullBatch() for whole-data-set batches", size);
        return new Training(maxEpochs, size, shuffle, targetLoss, bitFailLimit, maxBitFails, reports);
    }

    /** Trains on the whole data set at once, every epoch (the default). */
    public Training fullBatch() {
        return new Training(maxEpochs, 0, shuffle, targetLoss, bitFailLimit, maxBitFails, reports);
    }

    /**
     * Incremental training, FANN's FANN_TRAIN_INCREMENTAL: one optimizer step per sample, in data-set order — the
     * same as {@code batchSize(1).shuffle(false)}. Use it with {@code Sgd}; with {@code Losses.fannMse(...)} and
     * {@code Sgd.learningRate(0.7)} (plus {@code momentum(m)} for FANN's learning momentum) every step is FANN's.
     */
    public Training incremental() {
        return new Training(maxEpochs, 1, false, targetLoss, bitFailLimit, maxBitFails, reports);
    }

    /** Whether mini-batches are drawn in a new seeded order every epoch (the default) or in data-set order. */
    public Training shuffle(boolean shuffle) {
        return new Training(maxEpochs, batchSize, shuffle, targetLoss, bitFailLimit, maxBitFails, reports);
    }

    /**
     * Stops after the first epoch whose loss is at most {@code loss}.
     *
     * @throws IllegalArgumentException if {@code loss} is NaN
     */
    public Training targetLoss(double loss) {
        checkArgument(!Double.isNaN(loss), "target loss must be a number, got NaN");
        return new Training(maxEpochs, batchSize, shuffle, loss, bitFailLimit, maxBitFails, reports);
    }

    /**
     * The error at which an output counts as a bit fail: an output fails when the magnitude of its error, as the loss
     * measures it ({@link dev.synapse.core.Loss#error}), is at least {@code limit}. FANN's default, and ours, is 0.35.
     *
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public Training bitFailLimit(double limit) {
        checkArgument(limit > 0 && Double.isFinite(limit), "bit-fail limit must be positive and finite, got %s", limit);
        return new Training(maxEpochs, batchSize, shuffle, targetLoss, limit, maxBitFails, reports);
    }

    /**
     * Stops after the first epoch with at most {@code bitFails} bit fails (FANN's FANN_STOPFUNC_BIT), counted over
     * every output of every sample in that epoch's forward passes. Combines with {@link #targetLoss}: whichever is
     * reached first stops training.
     *
     * @throws IllegalArgumentException if {@code bitFails} is negative
     */
    public Training stopWhenBitFailsAtMost(int bitFails) {
        checkArgument(bitFails >= 0, "the number of bit fails to stop at must not be negative, got %s", bitFails);
        return new Training(maxEpochs, batchSize, shuffle, targetLoss, bitFailLimit, bitFails, reports);
    }

    /**
     * Calls {@code listener} after epochs 1, {@code every} + 1, 2·{@code every} + 1, ... and after the last epoch.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public Training report(int every, TrainingListener listener) {
        checkArgument(every > 0, "report interval must be a positive number of epochs, got %s", every);
        checkNotNull(listener, "listener");
        return new Training(maxEpochs, batchSize, shuffle, targetLoss, bitFailLimit, maxBitFails,
                ImmutableList.<Report>builder().addAll(reports).add(new Report(every, listener)).build());
    }

    public int maxEpochs() {
        return maxEpochs;
    }

    /** The mini-batch size, or 0 for full batch. */
    public int batchSize() {
        return batchSize;
    }

    public boolean shuffle() {
        return shuffle;
    }

    /** The target loss; negative infinity when training runs to the last epoch. */
    public double targetLoss() {
        return targetLoss;
    }

    /** The bit-fail limit, 0.35 unless set. */
    public double bitFailLimit() {
        return bitFailLimit;
    }

    /** The bit-fail count that stops training, or -1 when bit fails do not stop it. */
    public long maxBitFails() {
        return maxBitFails;
    }

    List<Report> reports() {
        return reports;
    }

    @Override
    public String toString() {
        return "Training[maxEpochs=" + maxEpochs + ", batch=" + (batchSize == 0 ? "full" : batchSize)
                + ", shuffle=" + shuffle + ", targetLoss=" + targetLoss + ", bitFailLimit=" + bitFailLimit
                + (maxBitFails >= 0 ? ", stopWhenBitFailsAtMost=" + maxBitFails : "")
                + ", listeners=" + reports.size() + "]";
    }
}
