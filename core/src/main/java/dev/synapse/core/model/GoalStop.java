package dev.synapse.core.model;

/**
 * The built-in goals, a target loss and a bit-fail count (FANN's desired error and FANN_STOPFUNC_BIT), as a listener
 * like any other. A goal met hands back the weights its error was measured on — unless the run is
 * {@link Training#fannCompatible()}, which keeps FANN's weights after the last update.
 */
final class GoalStop implements TrainingListener {

    private final double targetLoss;
    private final long maxBitFails;
    private final boolean fannCompatible;
    private final WeightSnapshots weights;

    GoalStop(Training training, WeightSnapshots weights) {
        this.targetLoss = training.targetLoss();
        this.maxBitFails = training.maxBitFails();
        this.fannCompatible = training.isFannCompatible();
        this.weights = weights;
    }

    /** Whether {@code training} sets a goal at all. */
    static boolean isSet(Training training) {
        return training.targetLoss() > Double.NEGATIVE_INFINITY || training.maxBitFails() >= 0;
    }

    @Override
    public void onEpoch(EpochReport report) {
        int epoch = report.epoch();
        WeightSnapshots.Snapshot keep = fannCompatible ? null : weights.measuredOn(epoch);
        if (report.loss() <= targetLoss) {
            report.requestStop(History.StopReason.TARGET_LOSS_REACHED, "desired error reached at epoch " + epoch
                    + ": loss " + report.loss() + " <= " + targetLoss, keep);
        } else if (maxBitFails >= 0 && report.bitFails() <= maxBitFails) {
            report.requestStop(History.StopReason.BIT_FAILS_REACHED, "bit-fail goal reached at epoch " + epoch
                    + ": " + report.bitFails() + " bit fails <= " + maxBitFails, keep);
        }
    }
}
