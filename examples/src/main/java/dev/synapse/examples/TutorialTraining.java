package dev.synapse.examples;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.core.model.TrainingListener;

/**
 * Trains as the numpy tutorials loop and keeps what they print after the loop: the outputs of the last iteration's
 * forward pass, which were computed before that iteration's update (see shared/tutorials.md, "Printed outputs").
 * The public API gives it without a special hook: train {@code iterations - 1} epochs, {@code predict}, train the
 * last epoch.
 */
final class TutorialTraining {

    private TutorialTraining() {}

    /**
     * What a tutorial's loop leaves behind.
     *
     * @param lastForwardPass the outputs of the last iteration's forward pass, one per sample
     * @param losses          the loss of every iteration, from that iteration's forward pass; element i is iteration i
     *                        (0-based), i.e. epoch i + 1
     */
    record Outcome(double[] lastForwardPass, double[] losses) {}

    /** Full-batch training for {@code iterations} epochs, reporting to nobody. */
    static Outcome fit(Sequential model, Matrix x, Matrix y, int iterations) {
        return fit(model, x, y, iterations, 0, null);
    }

    /**
     * Full-batch training for {@code iterations} epochs; when {@code listener} is given it hears epochs 1,
     * {@code every} + 1, ... and the last two epochs, numbered as one run.
     */
    static Outcome fit(Sequential model, Matrix x, Matrix y, int iterations, int every, TrainingListener listener) {
        if (iterations < 1) {
            throw new IllegalArgumentException("the number of iterations must be positive, got " + iterations);
        }
        double[] losses = new double[iterations];
        if (iterations > 1) {
            Training first = Training.epochs(iterations - 1);
            if (listener != null) {
                first = first.report(every, listener);
            }
            History history = model.fit(x, y, first);
            System.arraycopy(history.losses(), 0, losses, 0, iterations - 1);
        }
        double[] lastForwardPass = model.predict(x).data();
        Training last = Training.epochs(1);
        if (listener != null) {
            // The second fit call counts from 1 again; the listener hears the run's own epoch number.
            last = last.report(1, r -> listener.onEpoch(new EpochReport(iterations, r.loss(), r.metrics())));
        }
        losses[iterations - 1] = model.fit(x, y, last).finalLoss();
        return new Outcome(lastForwardPass, losses);
    }

    /** A column of numbers as numpy prints an n×1 array, each with full double precision. */
    static String column(double[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "[" : " [").append(values[i]).append(i == values.length - 1 ? "]]" : "]\n");
        }
        return values.length == 0 ? "[]" : s.toString();
    }
}
