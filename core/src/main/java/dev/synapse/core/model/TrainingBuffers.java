package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * What a training run needs besides the model — the workspaces of the full and the last, smaller batch, the sample
 * order and the two parameter snapshots of {@link WeightSnapshots} (the start of the epoch, the best loss) — owned by one {@link Sequential} and reused by every
 * {@link Sequential#fit} call, so that a loop of short fits (one epoch each, as the benchmarks and an early-stopping
 * user run them) allocates nothing but each call's {@link History}.
 */
final class TrainingBuffers {

    private final Workspace[] workspaces = new Workspace[2];
    private final double[][][] snapshots = new double[2][][];
    /** The loss of the model's first trained epoch, over every fit: the divergence guard's measure of "large". */
    double firstEpochLoss = Double.NaN;
    private int[] order = new int[0];
    /** Whether batches use the engine's workers, measured over every fit of the model. */
    final ThreadChoice threadChoice = new ThreadChoice();
    /** The batches' row gathering and gradient clearing, on the engine's threads when large. */
    final BatchPasses passes = new BatchPasses();

    /**
     * The training workspace for {@code batch} rows with targets {@code targetWidth} wide, in slot 0 (full batches)
     * or 1 (the last batch).
     */
    Workspace workspace(int slot, List<Layer> layers, int batch, int targetWidth) {
        Workspace w = workspaces[slot];
        if (w == null || w.batch != batch || w.target.cols() != targetWidth) {
            w = new Workspace(layers, batch, targetWidth, true);
            workspaces[slot] = w;
        }
        return w;
    }

    /** The identity permutation of {@code samples}, in a reused array. */
    int[] identityOrder(int samples) {
        if (order.length != samples) {
            order = new int[samples];
        }
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Snapshot arrays shaped like the parameters, in slot 0 or 1. */
    double[][] snapshot(int slot, List<Parameter> parameters) {
        double[][] s = snapshots[slot];
        if (s == null) {
            s = new double[parameters.size()][];
            for (int i = 0; i < s.length; i++) {
                s[i] = new double[parameters.get(i).value().size()];
            }
            snapshots[slot] = s;
        }
        return s;
    }
}
