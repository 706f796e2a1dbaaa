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
 */
public final class Training {

    /** A listener and how often it hears. */
    record Report(int every, TrainingListener listener) {}

    private final int maxEpochs;
    private final int batchSize;
    private final boolean shuffle;
    private final double targetLoss;
    private final ImmutableList<Report> reports;

    private Training(int maxEpochs, int batchSize, boolean shuffle, double targetLoss, ImmutableList<Report> reports) {
        this.maxEpochs = maxEpochs;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.targetLoss = targetLoss;
        this.reports = reports;
    }

    /**
     * Full-batch training for at most {@code maxEpochs} epochs.
     *
     * @throws IllegalArgumentException if {@code maxEpochs} is not positive
     */
    public static Training epochs(int maxEpochs) {
        checkArgument(maxEpochs > 0, "the number of epochs must be positive, got %s", maxEpochs);
        return new Training(maxEpochs, 0, true, Double.NEGATIVE_INFINITY, ImmutableList.of());
    }

    /**
     * Trains in mini-batches of {@code size} samples (the last batch of an epoch may be smaller).
     *
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public Training batchSize(int size) {
        checkArgument(size > 0, "batch size must be positive, got %s; use fullBatch() for whole-data-set batches", size);
        return new Training(maxEpochs, size, shuffle, targetLoss, reports);
    }

    /** Trains on the whole data set at once, every epoch (the default). */
    public Training fullBatch() {
        return new Training(maxEpochs, 0, shuffle, targetLoss, reports);
    }

    /** Whether mini-batches are drawn in a new seeded order every epoch (the default) or in data-set order. */
    public Training shuffle(boolean shuffle) {
        return new Training(maxEpochs, batchSize, shuffle, targetLoss, reports);
    }

    /**
     * Stops after the first epoch whose loss is at most {@code loss}.
     *
     * @throws IllegalArgumentException if {@code loss} is NaN
     */
    public Training targetLoss(double loss) {
        checkArgument(!Double.isNaN(loss), "target loss must be a number, got NaN");
        return new Training(maxEpochs, batchSize, shuffle, loss, reports);
    }

    /**
     * Calls {@code listener} after epochs 1, {@code every} + 1, 2·{@code every} + 1, ... and after the last epoch.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public Training report(int every, TrainingListener listener) {
        checkArgument(every > 0, "report interval must be a positive number of epochs, got %s", every);
        checkNotNull(listener, "listener");
        return new Training(maxEpochs, batchSize, shuffle, targetLoss,
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

    List<Report> reports() {
        return reports;
    }

    @Override
    public String toString() {
        return "Training[maxEpochs=" + maxEpochs + ", batch=" + (batchSize == 0 ? "full" : batchSize)
                + ", shuffle=" + shuffle + ", targetLoss=" + targetLoss + ", listeners=" + reports.size() + "]";
    }
}
