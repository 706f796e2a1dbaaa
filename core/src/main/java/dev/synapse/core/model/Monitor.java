package dev.synapse.core.model;

import java.util.Locale;

/**
 * A quantity of an epoch that {@link EarlyStopping} and {@link Checkpoint} watch, with the direction that counts as
 * better: losses and bit fails improve downward, accuracies upward. The validation quantities need validation data
 * ({@link Training#validationData}); a monitor that reads them in a run without it is refused when {@code fit}
 * starts.
 */
public enum Monitor {
    /** The training loss of the epoch, {@link EpochReport#loss()}. */
    LOSS(false, true),
    /** The loss on the validation data after the epoch, {@link EpochReport#validationLoss()}. */
    VALIDATION_LOSS(true, true),
    /** The training accuracy of the epoch (see {@link Metrics#accuracy()}). */
    ACCURACY(false, false),
    /** The accuracy on the validation data after the epoch. */
    VALIDATION_ACCURACY(true, false),
    /** FANN's bit-fail count of the epoch's training forward passes. */
    BIT_FAILS(false, true);

    private final boolean validation;
    private final boolean lowerIsBetter;

    Monitor(boolean validation, boolean lowerIsBetter) {
        this.validation = validation;
        this.lowerIsBetter = lowerIsBetter;
    }

    /**
     * Whether the quantity is measured on the validation data, after the epoch's updates.
     *
     * @return true for validation quantities, which need {@code Training.validation(...)}
     */
    public boolean needsValidation() {
        return validation;
    }

    /**
     * Whether smaller values are better (losses, bit fails) rather than larger (accuracies).
     *
     * @return true for losses and bit fails, false for accuracies
     */
    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /**
     * The quantity's value in {@code report}; NaN when the report does not hold it.
     *
     * @param report the epoch to read
     * @return the value, or NaN
     */
    public double valueIn(EpochReport report) {
        return switch (this) {
            case LOSS -> report.loss();
            case VALIDATION_LOSS -> report.validationLoss();
            case ACCURACY -> report.metrics().accuracy();
            case VALIDATION_ACCURACY -> report.validation().map(Metrics::accuracy).orElse(Double.NaN);
            case BIT_FAILS -> report.bitFails();
        };
    }

    /** Whether {@code value} beats {@code best} by more than {@code minDelta} in this quantity's direction. */
    boolean improves(double value, double best, double minDelta) {
        if (Double.isNaN(value)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return true;
        }
        return lowerIsBetter ? value < best - minDelta : value > best + minDelta;
    }

    /** A lower-case name for messages, e.g. "validation loss". */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
