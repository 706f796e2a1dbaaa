package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Stops training when a monitored quantity has not improved for a number of epochs, and hands back the weights of
 * its best epoch — Keras' {@code EarlyStopping(monitor, patience, min_delta, restore_best_weights)}. Immutable: each
 * {@code fit} starts its own count.
 *
 * <pre>{@code
 * model.fit(x, y, Training.epochs(100).validationSplit(0.1)
 *         .earlyStopping(EarlyStopping.patience(5)));                       // validation loss, best weights kept
 * EarlyStopping.patience(3).monitor(Monitor.LOSS).minDelta(1e-4).restoreBestWeights(false);
 * }</pre>
 *
 * <p>An epoch improves when its value beats the best so far by more than {@code minDelta} (lower for losses, higher
 * for accuracies); after {@code patience} epochs in a row without improvement, training stops with
 * {@link History.StopReason#EARLY_STOPPED}. The best weights are those the best value was measured on: after the
 * epoch for validation quantities, and for training quantities as {@link WeightSnapshots} explains (full batch:
 * before the epoch's update). They are restored only when early stopping ends the run, as in Keras.
 */
public final class EarlyStopping {

    private final Monitor monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;

    private EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBestWeights) {
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
    }

    /**
     * Early stopping on the validation loss after {@code epochs} epochs without improvement, restoring the best
     * weights.
     *
     * @param epochs the epochs without improvement to wait for, 0 or more; 0 stops at the first one without
     * @return early stopping on the validation loss
     * @throws IllegalArgumentException if {@code epochs} is negative
     */
    public static EarlyStopping patience(int epochs) {
        checkArgument(epochs >= 0, "early-stopping patience must be a number of epochs >= 0, got %s", epochs);
        return new EarlyStopping(Monitor.VALIDATION_LOSS, epochs, 0, true);
    }

    /**
     * Watches {@code quantity} instead of the validation loss.
     *
     * @param quantity the quantity to watch, e.g. {@code Monitor.LOSS} for a run without validation data
     * @return a copy of this early stopping watching that quantity
     */
    public EarlyStopping monitor(Monitor quantity) {
        return new EarlyStopping(checkNotNull(quantity, "monitored quantity"), patience, minDelta, restoreBestWeights);
    }

    /**
     * The least change that counts as an improvement (Keras' {@code min_delta}); 0 unless set.
     *
     * @param delta the least improvement, finite and not negative
     * @return a copy of this early stopping with that threshold
     * @throws IllegalArgumentException if {@code delta} is negative or not finite
     */
    public EarlyStopping minDelta(double delta) {
        checkArgument(delta >= 0 && Double.isFinite(delta), "early-stopping min delta must be finite and >= 0, got %s",
                delta);
        return new EarlyStopping(monitor, patience, delta, restoreBestWeights);
    }

    /**
     * Whether the model gets back the best epoch's weights when early stopping ends training (true unless set).
     *
     * @param restore true to hand back the best epoch's weights, false to keep the last epoch's
     * @return a copy of this early stopping with that choice
     */
    public EarlyStopping restoreBestWeights(boolean restore) {
        return new EarlyStopping(monitor, patience, minDelta, restore);
    }

    /**
     * The monitored quantity.
     *
     * @return the watched quantity; the validation loss unless set
     */
    public Monitor monitor() {
        return monitor;
    }

    /**
     * Epochs without improvement before training stops.
     *
     * @return the patience in epochs, 0 or more
     */
    public int patience() {
        return patience;
    }

    /**
     * The least change that counts as an improvement.
     *
     * @return the threshold, not negative; 0 unless set
     */
    public double minDelta() {
        return minDelta;
    }

    /**
     * Whether the best weights are handed back.
     *
     * @return true if the best epoch's weights are restored when training stops early
     */
    public boolean restoresBestWeights() {
        return restoreBestWeights;
    }

    /** The listener that counts for one run. */
    TrainingListener start(WeightSnapshots weights) {
        return new Counter(weights);
    }

    @Override
    public String toString() {
        return "EarlyStopping[monitor=" + monitor.label() + ", patience=" + patience + ", minDelta=" + minDelta
                + ", restoreBestWeights=" + restoreBestWeights + "]";
    }

    /** The state of one run: the best value, its epoch and weights, and the epochs waited since. */
    private final class Counter implements TrainingListener {

        private final WeightSnapshots weights;
        private final WeightSnapshots.Snapshot best;
        private double bestValue = Double.NaN;
        private int bestEpoch;
        private int waited;

        Counter(WeightSnapshots weights) {
            this.weights = weights;
            this.best = restoreBestWeights ? weights.newSnapshot() : null;
        }

        @Override
        public void onEpoch(EpochReport report) {
            double value = monitor.valueIn(report);
            if (monitor.improves(value, bestValue, minDelta)) {
                bestValue = value;
                bestEpoch = report.epoch();
                waited = 0;
                if (best != null) {
                    weights.keep(best, monitor, report.epoch());
                }
                return;
            }
            waited++;
            if (waited >= patience) {
                report.requestStop(History.StopReason.EARLY_STOPPED, "early stopping at epoch " + report.epoch()
                        + ": the " + monitor.label() + " has not improved on " + bestValue + " (epoch " + bestEpoch
                        + ") by more than " + minDelta + " for " + waited + " epochs", bestEpoch > 0 ? best : null);
            }
        }
    }
}
