package dev.synapse.core.model;

import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * Copies of the parameters that one training run may hand back instead of the last ones: the weights at the start
 * of the current epoch (what a full-batch epoch's loss was measured on), the weights of the best training loss so far
 * (restored when training diverges) and any a listener keeps (early stopping's best).
 *
 * <p>"The weights an epoch's training loss was measured on" are, for full-batch training, those at the start of the
 * epoch, before its one update; with mini-batches no single set was measured, and the weights after the epoch stand
 * for it (Keras' choice). Validation quantities are measured after the epoch's updates.
 */
final class WeightSnapshots {

    /** One copy of every parameter, tagged with the epoch it belongs to. */
    static final class Snapshot {
        private final double[][] values;
        /** The epoch whose weights these are; 0 for the weights before training. */
        private int epoch;
        /** Whether these are the weights at the start of {@link #epoch}, before its update (full batch). */
        private boolean beforeUpdate;

        private Snapshot(double[][] values) {
            this.values = values;
        }

        int epoch() {
            return epoch;
        }

        /** Which weights these are, for messages: "the weights after epoch 12". */
        String describe() {
            if (epoch == 0) {
                return "the weights from before training";
            }
            return beforeUpdate
                    ? "the weights epoch " + epoch + "'s loss was measured on (before its update)"
                    : "the weights after epoch " + epoch;
        }
    }

    private final List<Parameter> parameters;
    private final ModelGuard guard;
    private final boolean fullBatch;
    private Snapshot start;
    private Snapshot bestLoss;
    private boolean hasBestLoss;

    WeightSnapshots(List<Parameter> parameters, ModelGuard guard, boolean fullBatch, TrainingBuffers buffers) {
        this.parameters = parameters;
        this.guard = guard;
        this.fullBatch = fullBatch;
        this.start = new Snapshot(buffers.snapshot(0, parameters));
        this.bestLoss = new Snapshot(buffers.snapshot(1, parameters));
    }

    /** A fresh snapshot for a listener to keep weights in. */
    Snapshot newSnapshot() {
        double[][] values = new double[parameters.size()][];
        for (int i = 0; i < values.length; i++) {
            values[i] = new double[parameters.get(i).value().size()];
        }
        return new Snapshot(values);
    }

    /** Copies the parameters as {@code epoch} begins. */
    void startEpoch(int epoch) {
        copyParametersInto(start);
        start.epoch = fullBatch ? epoch : epoch - 1;
        start.beforeUpdate = fullBatch;
    }

    /**
     * Records that {@code epoch} has the best training loss so far. Full batch: its weights are the start-of-epoch
     * copy, taken over by swapping the two copies, so nothing is copied.
     */
    void bestLossAt(int epoch) {
        if (fullBatch) {
            Snapshot swap = bestLoss;
            bestLoss = start;
            start = swap;
        } else {
            copyParametersInto(bestLoss);
            bestLoss.epoch = epoch;
            bestLoss.beforeUpdate = false;
        }
        hasBestLoss = true;
    }

    /** The weights of the best training loss so far, or the ones from before training if no epoch finished. */
    Snapshot bestLossOrStart() {
        if (hasBestLoss) {
            return bestLoss;
        }
        // No epoch finished, so this is the first: its start holds the weights from before training.
        start.epoch = 0;
        start.beforeUpdate = false;
        return start;
    }

    /**
     * The weights the training loss of {@code epoch}, just finished, was measured on; null when they are the current
     * ones (mini-batches). Call after {@link #bestLossAt}, which may have moved them.
     */
    Snapshot measuredOn(int epoch) {
        if (!fullBatch) {
            return null;
        }
        return hasBestLoss && bestLoss.epoch == epoch && bestLoss.beforeUpdate ? bestLoss : start;
    }

    /** Copies into {@code into} the weights {@code monitor}'s value of {@code epoch} was measured on. */
    void keep(Snapshot into, Monitor monitor, int epoch) {
        Snapshot measured = monitor.needsValidation() ? null : measuredOn(epoch);
        if (measured == null) {
            copyParametersInto(into);
            into.epoch = epoch;
            into.beforeUpdate = false;
        } else {
            for (int i = 0; i < into.values.length; i++) {
                System.arraycopy(measured.values[i], 0, into.values[i], 0, into.values[i].length);
            }
            into.epoch = measured.epoch;
            into.beforeUpdate = measured.beforeUpdate;
        }
    }

    /** Puts {@code snapshot} back into the model, as one write that readers never see half done. */
    void restore(Snapshot snapshot) {
        guard.lockForUpdate();
        try {
            for (int i = 0; i < snapshot.values.length; i++) {
                Matrix value = parameters.get(i).value();
                if (value.isFloat()) {
                    // The snapshot holds float values widened, so rounding them back is exact.
                    float[] f = value.floatData();
                    for (int j = 0; j < f.length; j++) {
                        f[j] = (float) snapshot.values[i][j];
                    }
                } else {
                    System.arraycopy(snapshot.values[i], 0, value.data(), 0, value.size());
                }
            }
        } finally {
            guard.unlockAfterUpdate();
        }
    }

    /**
     * Runs {@code action} with {@code snapshot} in the model and the current weights put back afterwards, all under
     * the update lock, so a checkpoint saves the weights it kept while readers see either set whole.
     */
    <E extends Exception> void with(Snapshot snapshot, Snapshot scratch, ThrowingAction<E> action) throws E {
        guard.lockForUpdate();
        try {
            copyParametersInto(scratch);
            restore(snapshot);
            try {
                action.run();
            } finally {
                restore(scratch);
            }
        } finally {
            guard.unlockAfterUpdate();
        }
    }

    /** An action that may throw a checked exception (a checkpoint's save). */
    interface ThrowingAction<E extends Exception> {
        void run() throws E;
    }

    private void copyParametersInto(Snapshot snapshot) {
        for (int i = 0; i < snapshot.values.length; i++) {
            Matrix value = parameters.get(i).value();
            if (value.isFloat()) {
                float[] f = value.floatData();
                for (int j = 0; j < f.length; j++) {
                    snapshot.values[i][j] = f[j];
                }
            } else {
                System.arraycopy(value.data(), 0, snapshot.values[i], 0, value.size());
            }
        }
    }
}
