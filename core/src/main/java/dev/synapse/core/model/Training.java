package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import java.util.List;

/**
 * The settings of one {@link Sequential#fit} call: immutable, each method returns a changed copy.
 *
 * <pre>{@code
 * History history = model.fit(x, y, Training.epochs(10_000)
 *         .batchSize(64)                       // mini-batches; full batch when not set
 *         .validationSplit(0.1)                // the last 10% of the rows are held out
 *         .earlyStopping(EarlyStopping.patience(5))
 *         .targetLoss(1e-3)                    // stop early once an epoch's loss is this low
 *         .report(1000, r -> System.out.println(r.epoch() + " " + r.loss())));
 * }</pre>
 *
 * <p>Mini-batches are shuffled before every epoch by the model's seeded generator, unless {@link #shuffle(boolean)}
 * turns that off. A listener registered with {@code report(n, ...)} hears epochs 1, n + 1, 2n + 1, ... (the
 * tutorials print at 0-based iterations 0, n, 2n, ...) and the last epoch.
 *
 * <p><b>What stops training</b>, checked after every epoch: the maximum number of epochs; the target loss and the
 * bit-fail goal, which hand back the weights whose error met the goal (see {@link #fannCompatible()});
 * {@link EarlyStopping}; a listener's {@link EpochReport#stopTraining()}; and divergence, which throws
 * {@link TrainingDivergedException} after restoring the weights of the best epoch so far — when a loss is not finite,
 * when an epoch's loss exceeds {@link #explosionFactor(double) 1e6} × the larger of the best loss so far and the
 * first epoch's, or when no gradient reaches the output layer's weights for a whole epoch while the loss is above
 * the target (a saturated output).
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

    /** Where validation data comes from: given matrices, or the last rows of the training data. */
    record Validation(Matrix inputs, Matrix targets, double split) {}

    /** 1e6: an epoch whose loss exceeds this many times max(best loss, first epoch's loss) has diverged. */
    public static final double DEFAULT_EXPLOSION_FACTOR = 1e6;

    private int maxEpochs;
    private int batchSize;
    private boolean shuffle = true;
    private boolean measureThreads = true;
    private double targetLoss = Double.NEGATIVE_INFINITY;
    private double bitFailLimit = MetricsAccumulator.DEFAULT_BIT_FAIL_LIMIT;
    private long maxBitFails = -1;
    private double explosionFactor = DEFAULT_EXPLOSION_FACTOR;
    private boolean fannCompatible;
    private boolean recordMetrics;
    private Validation validation;
    private ImmutableList<Report> reports = ImmutableList.of();
    private ImmutableList<EarlyStopping> earlyStopping = ImmutableList.of();
    private ImmutableList<Checkpoint> checkpoints = ImmutableList.of();

    private Training() {}

    private Training copy() {
        Training t = new Training();
        t.maxEpochs = maxEpochs;
        t.batchSize = batchSize;
        t.shuffle = shuffle;
        t.measureThreads = measureThreads;
        t.targetLoss = targetLoss;
        t.bitFailLimit = bitFailLimit;
        t.maxBitFails = maxBitFails;
        t.explosionFactor = explosionFactor;
        t.fannCompatible = fannCompatible;
        t.recordMetrics = recordMetrics;
        t.validation = validation;
        t.reports = reports;
        t.earlyStopping = earlyStopping;
        t.checkpoints = checkpoints;
        return t;
    }

    /**
     * Full-batch training for at most {@code maxEpochs} epochs.
     *
     * @param maxEpochs the most epochs to train, at least 1
     * @return full-batch training settings with no stop but the epoch count
     * @throws IllegalArgumentException if {@code maxEpochs} is not positive
     */
    public static Training epochs(int maxEpochs) {
        checkArgument(maxEpochs > 0, "the number of epochs must be positive, got %s", maxEpochs);
        Training t = new Training();
        t.maxEpochs = maxEpochs;
        return t;
    }

    /**
     * Trains in mini-batches of {@code size} samples (the last batch of an epoch may be smaller).
     *
     * @param size the samples per batch, at least 1
     * @return a changed copy
     * @throws IllegalArgumentException if {@code size} is not positive
     */
    public Training batchSize(int size) {
        checkArgument(size > 0, "batch size must be positive, got %s; use fullBatch() for whole-data-set batches", size);
        Training t = copy();
        t.batchSize = size;
        return t;
    }

    /**
     * Trains on the whole data set at once, every epoch (the default).
     *
     * @return a changed copy
     */
    public Training fullBatch() {
        Training t = copy();
        t.batchSize = 0;
        return t;
    }

    /**
     * Incremental training, FANN's FANN_TRAIN_INCREMENTAL: one optimizer step per sample, in data-set order — the
     * same as {@code batchSize(1).shuffle(false)}. Use it with {@code Sgd}; with {@code Losses.fannMse(...)} and
     * {@code Sgd.learningRate(0.7)} (plus {@code momentum(m)} for FANN's learning momentum) every step is FANN's.
     *
     * @return a changed copy
     */
    public Training incremental() {
        Training t = copy();
        t.batchSize = 1;
        t.shuffle = false;
        return t;
    }

    /**
     * Whether mini-batches are drawn in a new seeded order every epoch (the default) or in data-set order.
     *
     * @param shuffle true to reshuffle every epoch, false to keep the data set's order
     * @return a changed copy
     */
    public Training shuffle(boolean shuffle) {
        Training t = copy();
        t.shuffle = shuffle;
        return t;
    }

    /**
     * Whether batches run on the engine's worker threads or on the calling thread alone is decided by timing both
     * ways on the training's own batches, again every second or so (the default), or batches always use the workers
     * ({@code false}). The trained bits are the same either way. Timing pays where moving data between cores is
     * slow at times (docs/performance.md measures a 2-vCPU virtual machine on which a threaded W3 epoch varies by
     * 2.5× while a one-thread epoch does not); turning it off keeps every batch's work placement fixed, e.g. to
     * measure the threads themselves. A fit whose first batch has no operation large enough to split (the tutorials'
     * networks) times nothing after that batch.
     *
     * @param measure true to choose by timing, false to always use the workers
     * @return a changed copy
     */
    public Training measuredThreads(boolean measure) {
        Training t = copy();
        t.measureThreads = measure;
        return t;
    }

    /**
     * Stops after the first epoch whose loss is at most {@code loss}, handing back the weights that loss was
     * measured on (full batch: those at the start of the epoch) unless {@link #fannCompatible()} is set.
     *
     * @param loss the goal, e.g. 1e-3
     * @return a changed copy
     * @throws IllegalArgumentException if {@code loss} is NaN
     */
    public Training targetLoss(double loss) {
        checkArgument(!Double.isNaN(loss), "target loss must be a number, got NaN");
        Training t = copy();
        t.targetLoss = loss;
        return t;
    }

    /**
     * The error at which an output counts as a bit fail: an output fails when the magnitude of its error, as the loss
     * measures it ({@link dev.synapse.core.Loss#error}), is at least {@code limit}. FANN's default, and ours, is 0.35.
     *
     * @param limit the error magnitude that fails, positive; FANN's default is 0.35
     * @return a changed copy
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public Training bitFailLimit(double limit) {
        checkArgument(limit > 0 && Double.isFinite(limit), "bit-fail limit must be positive and finite, got %s", limit);
        Training t = copy();
        t.bitFailLimit = limit;
        return t;
    }

    /**
     * Stops after the first epoch with at most {@code bitFails} bit fails (FANN's FANN_STOPFUNC_BIT), counted over
     * every output of every sample in that epoch's forward passes, handing back the weights they were counted on as
     * {@link #targetLoss} does. Combines with {@link #targetLoss}: whichever is reached first stops training.
     *
     * @param bitFails the goal, 0 or more
     * @return a changed copy
     * @throws IllegalArgumentException if {@code bitFails} is negative
     */
    public Training stopWhenBitFailsAtMost(int bitFails) {
        checkArgument(bitFails >= 0, "the number of bit fails to stop at must not be negative, got %s", bitFails);
        Training t = copy();
        t.maxBitFails = bitFails;
        return t;
    }

    /**
     * Keeps FANN's behaviour when a target loss or bit-fail goal stops training: the model holds the weights after
     * the last update, not the ones whose error met the goal (with full-batch RPROP these can be far apart, as
     * iRPROP− oscillates). For step-for-step comparisons with FANN.
     *
     * @return a changed copy
     */
    public Training fannCompatible() {
        Training t = copy();
        t.fannCompatible = true;
        return t;
    }

    /**
     * How far the loss may grow before training counts as diverged: an epoch whose loss exceeds {@code factor} ×
     * max(best loss so far in this fit, first epoch's loss) stops it, the first epoch being the model's first
     * trained one, over every {@code fit} (so a model fitted one epoch per call is judged against its first loss,
     * not against the previous call's tiny one). 1e6 unless set; {@code Double.POSITIVE_INFINITY} turns the check
     * off (non-finite losses still stop training).
     *
     * @param factor the growth that counts as divergence, greater than 1
     * @return a changed copy
     * @throws IllegalArgumentException unless {@code factor} is greater than 1 (NaN is refused)
     */
    public Training explosionFactor(double factor) {
        checkArgument(factor > 1, "explosion factor must be greater than 1 (or infinite to turn the check off),"
                + " got %s", factor);
        Training t = copy();
        t.explosionFactor = factor;
        return t;
    }

    /**
     * Holds out {@code inputs} and {@code targets} as validation data: after every epoch the model is evaluated on
     * them (no update), into {@link EpochReport#validation()} and {@link History#validation(int)}.
     *
     * @param inputs validation samples × the model's input size
     * @param targets validation samples × the loss' target width
     * @return a changed copy
     * @throws IllegalArgumentException if the row counts differ or there are no rows; widths are checked by fit
     */
    public Training validationData(Matrix inputs, Matrix targets) {
        checkNotNull(inputs, "validation inputs");
        checkNotNull(targets, "validation targets");
        checkArgument(inputs.rows() == targets.rows(), "validation inputs have %s rows but validation targets have %s"
                + " (inputs %s, targets %s); each sample needs one row of each", inputs.rows(), targets.rows(),
                inputs.shape(), targets.shape());
        checkArgument(inputs.rows() > 0, "validation data needs at least one sample, got inputs %s", inputs.shape());
        Training t = copy();
        t.validation = new Validation(inputs.copy(), targets.copy(), 0);
        return t;
    }

    /**
     * {@link #validationData(Matrix, Matrix)} from a data set.
     *
     * @param data the validation samples
     * @return a changed copy
     */
    public Training validationData(Dataset data) {
        checkNotNull(data, "validation data set");
        return validationData(data.inputs(), data.targets());
    }

    /**
     * Holds out the last {@code fraction} of the rows given to {@code fit} as validation data, taken before any
     * shuffling (Keras' {@code validation_split}): of n rows, the first {@code round(n·(1 - fraction))} train.
     *
     * @param fraction the share of rows held out, in (0, 1)
     * @return a changed copy
     * @throws IllegalArgumentException unless {@code 0 < fraction < 1}
     */
    public Training validationSplit(double fraction) {
        checkArgument(fraction > 0 && fraction < 1, "validation split must be a fraction in (0, 1), e.g. 0.1, got %s",
                fraction);
        Training t = copy();
        t.validation = new Validation(null, null, fraction);
        return t;
    }

    /**
     * Measures training metrics (errors, accuracy, bit fails) every epoch into {@link History#metrics(int)}.
     *
     * @return a changed copy
     */
    public Training recordMetrics() {
        Training t = copy();
        t.recordMetrics = true;
        return t;
    }

    /**
     * Stops training when a monitored quantity stops improving, as {@code stopping} says.
     *
     * @param stopping the monitored quantity, patience and whether best weights come back
     * @return a changed copy
     * @throws IllegalArgumentException if early stopping is already set
     */
    public Training earlyStopping(EarlyStopping stopping) {
        checkNotNull(stopping, "early stopping");
        checkArgument(earlyStopping.isEmpty(), "early stopping is already set (%s); set it once", earlyStopping);
        Training t = copy();
        t.earlyStopping = ImmutableList.of(stopping);
        return t;
    }

    /**
     * Saves the best model so far to a file after every epoch that improves, as {@code checkpoint} says.
     *
     * @param checkpoint the file and the monitored quantity
     * @return a changed copy
     */
    public Training checkpoint(Checkpoint checkpoint) {
        checkNotNull(checkpoint, "checkpoint");
        Training t = copy();
        t.checkpoints = ImmutableList.<Checkpoint>builder().addAll(checkpoints).add(checkpoint).build();
        return t;
    }

    /**
     * Calls {@code listener} after epochs 1, {@code every} + 1, 2·{@code every} + 1, ... and after the last epoch;
     * its batch and end-of-training hooks hear every batch and the end.
     *
     * @param every the epochs between reports, at least 1
     * @param listener what hears the reports, e.g. a progress printer
     * @return a changed copy
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public Training report(int every, TrainingListener listener) {
        checkArgument(every > 0, "report interval must be a positive number of epochs, got %s", every);
        checkNotNull(listener, "listener");
        Training t = copy();
        t.reports = ImmutableList.<Report>builder().addAll(reports).add(new Report(every, listener)).build();
        return t;
    }

    /**
     * Calls {@code listener} after every epoch: {@code report(1, listener)}.
     *
     * @param listener what hears every epoch
     * @return a changed copy
     */
    public Training listener(TrainingListener listener) {
        return report(1, listener);
    }

    /**
     * The maximum number of epochs.
     *
     * @return the epoch limit, at least 1
     */
    public int maxEpochs() {
        return maxEpochs;
    }

    /**
     * The mini-batch size, or 0 for full batch.
     *
     * @return the batch size, 0 for full batch
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether mini-batches are shuffled every epoch.
     *
     * @return true unless {@link #shuffle(boolean)} turned it off
     */
    public boolean shuffle() {
        return shuffle;
    }

    /**
     * Whether batches use the workers by measurement ({@link #measuredThreads(boolean)}).
     *
     * @return true unless {@code measuredThreads(false)} was set
     */
    public boolean measuresThreads() {
        return measureThreads;
    }

    /**
     * The target loss; negative infinity when training runs to the last epoch.
     *
     * @return the target loss, or negative infinity
     */
    public double targetLoss() {
        return targetLoss;
    }

    /**
     * The bit-fail limit, 0.35 unless set.
     *
     * @return the limit, positive
     */
    public double bitFailLimit() {
        return bitFailLimit;
    }

    /**
     * The bit-fail count that stops training, or -1 when bit fails do not stop it.
     *
     * @return the bit-fail goal, or -1
     */
    public long maxBitFails() {
        return maxBitFails;
    }

    /**
     * The factor of {@link #explosionFactor(double)}, 1e6 unless set.
     *
     * @return the factor, greater than 1
     */
    public double explosionFactor() {
        return explosionFactor;
    }

    /**
     * Whether goals keep FANN's weights after the last update ({@link #fannCompatible()}).
     *
     * @return true if {@link #fannCompatible()} was asked for
     */
    public boolean isFannCompatible() {
        return fannCompatible;
    }

    Validation validation() {
        return validation;
    }

    boolean recordsMetrics() {
        return recordMetrics;
    }

    List<Report> reports() {
        return reports;
    }

    List<EarlyStopping> earlyStoppings() {
        return earlyStopping;
    }

    List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    @Override
    public String toString() {
        return "Training[maxEpochs=" + maxEpochs + ", batch=" + (batchSize == 0 ? "full" : batchSize)
                + ", shuffle=" + shuffle + ", targetLoss=" + targetLoss + ", bitFailLimit=" + bitFailLimit
                + (maxBitFails >= 0 ? ", stopWhenBitFailsAtMost=" + maxBitFails : "")
                + (validation == null ? "" : validation.split() > 0 ? ", validationSplit=" + validation.split()
                        : ", validation rows=" + validation.inputs().rows())
                + (earlyStopping.isEmpty() ? "" : ", " + earlyStopping.get(0))
                + (fannCompatible ? ", fannCompatible" : "") + (measureThreads ? "" : ", fixedThreads")
                + ", listeners=" + reports.size() + "]";
    }
}
