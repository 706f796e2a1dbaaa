package dev.synapse.core.model;

/**
 * What a {@link TrainingListener} hears after an epoch.
 *
 * <pre>{@code
 * Training.epochs(300).report(10, r -> System.out.printf("Epoch %d. Current error: %.6f. Bit fail %d.%n",
 *         r.epoch(), r.loss(), r.bitFails()));          // FANN's report line
 * }</pre>
 *
 * @param epoch   the epoch just finished, 1-based
 * @param loss    the epoch's loss, computed from the forward passes of that epoch (before their updates)
 * @param metrics error, accuracy and bit fails from the same forward passes
 */
public record EpochReport(int epoch, double loss, Metrics metrics) {

    /** FANN's bit-fail count of the epoch: {@code metrics().bitFails()}. */
    public long bitFails() {
        return metrics.bitFails();
    }
}
