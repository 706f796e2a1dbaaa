package dev.synapse.core.model;

import dev.synapse.core.Matrix;
import dev.synapse.core.engine.Engine;
import dev.synapse.core.engine.Engines;
import java.util.Arrays;

/**
 * The training loop's two per-batch passes that only move memory: copying the batch's rows out of the training set
 * in the epoch's shuffled order, and clearing the parameter gradients before backpropagation. Large ones run on the
 * engine's threads ({@link Engine#forEachRange}, which leaves small arrays and a thread computing alone on the
 * caller's thread); each element is written by one range and nothing is computed, so the split changes no bit.
 *
 * <p>Why it pays: W3's 64 rows of 784 values come from random places in a 188 MB set, and one thread waits on main
 * memory for them (43-45 µs of a 290 µs float32 batch on 2 cores, 23-28 µs split); a gradient that the threaded
 * weight-gradient product fills in halves is cleared in the same halves, by the cores that hold them.
 *
 * <p>One instance lives with a model's training buffers and serves one batch at a time, so a batch allocates
 * nothing: the fields are set before the pass runs and cleared after it.
 */
final class BatchPasses implements Engine.RangePass {

    private enum Kind { GATHER, CLEAR }

    private Kind kind;
    private int cols;
    private int[] order;
    private int start;
    private float[] floatFrom;
    private float[] floatTo;
    private double[] from;
    private double[] to;

    /** Copies rows {@code order[start]}, {@code order[start + 1]}, … of {@code source} into {@code batch}'s rows. */
    void gather(Matrix source, int[] order, int start, Matrix batch) {
        kind = Kind.GATHER;
        cols = source.cols();
        this.order = order;
        this.start = start;
        try {
            if (source.isFloat()) {
                floatFrom = source.floatData();
                floatTo = batch.floatData();
            } else {
                from = source.data();
                to = batch.data();
            }
            Engines.current().forEachRange(batch.rows() * cols, this);
        } finally {
            release();
        }
    }

    /** Sets every element of {@code gradient} to zero. */
    void clear(Matrix gradient) {
        kind = Kind.CLEAR;
        try {
            if (gradient.isFloat()) {
                floatTo = gradient.floatData();
            } else {
                to = gradient.data();
            }
            Engines.current().forEachRange(gradient.size(), this);
        } finally {
            release();
        }
    }

    @Override
    public void run(int first, int end) {
        if (kind == Kind.CLEAR) {
            if (floatTo != null) {
                Arrays.fill(floatTo, first, end, 0f);
            } else {
                Arrays.fill(to, first, end, 0.0);
            }
            return;
        }
        // A range may start and end inside a row: copy the run of each row that falls in it.
        for (int i = first; i < end; ) {
            int row = i / cols;
            int column = i - row * cols;
            int length = Math.min(cols - column, end - i);
            int source = order[start + row] * cols + column;
            if (floatTo != null) {
                System.arraycopy(floatFrom, source, floatTo, i, length);
            } else {
                System.arraycopy(from, source, to, i, length);
            }
            i += length;
        }
    }

    private void release() {
        order = null;
        floatFrom = floatTo = null;
        from = to = null;
    }
}
