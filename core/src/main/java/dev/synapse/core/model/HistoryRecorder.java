package dev.synapse.core.model;

import java.util.Arrays;

/**
 * Collects a {@link History} epoch by epoch in arrays that grow by doubling, so a run of many tiny epochs (the
 * tutorials' 60,000) allocates a few times in all, not once per epoch.
 */
final class HistoryRecorder {

    private final int maxEpochs;
    private double[] losses;
    /** Null while every penalty was 0, as it is for models without regularization. */
    private double[] penalties;
    private double[] seconds;
    private Metrics[] metrics;
    private Metrics[] validation;
    private int epochs;

    HistoryRecorder(int maxEpochs, boolean measuring, boolean validating) {
        this.maxEpochs = maxEpochs;
        int capacity = Math.min(maxEpochs, 1024);
        losses = new double[capacity];
        seconds = new double[capacity];
        metrics = measuring ? new Metrics[capacity] : null;
        validation = validating ? new Metrics[capacity] : null;
    }

    /** Records the next epoch; {@code trainingMetrics} and {@code validationMetrics} may be null. */
    void record(double loss, double penalty, double wallSeconds, Metrics trainingMetrics, Metrics validationMetrics) {
        if (epochs == losses.length) {
            int capacity = (int) Math.min(maxEpochs, 2L * losses.length);
            losses = Arrays.copyOf(losses, capacity);
            penalties = penalties == null ? null : Arrays.copyOf(penalties, capacity);
            seconds = Arrays.copyOf(seconds, capacity);
            metrics = metrics == null ? null : Arrays.copyOf(metrics, capacity);
            validation = validation == null ? null : Arrays.copyOf(validation, capacity);
        }
        losses[epochs] = loss;
        if (penalty != 0 && penalties == null) {
            penalties = new double[losses.length];
        }
        if (penalties != null) {
            penalties[epochs] = penalty;
        }
        seconds[epochs] = wallSeconds;
        if (metrics != null) {
            metrics[epochs] = trainingMetrics;
        }
        if (validation != null) {
            validation[epochs] = validationMetrics;
        }
        epochs++;
    }

    /** The loss recorded for {@code epoch}, 1-based. */
    double loss(int epoch) {
        return losses[epoch - 1];
    }

    int epochs() {
        return epochs;
    }

    History build(History.StopReason reason, String detail, int keptEpoch, String keptWeights) {
        return new History(losses, penalties, seconds, metrics, validation, epochs, reason, detail, keptEpoch,
                keptWeights);
    }
}
