package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.OutputRange;
import java.util.List;
import java.util.Optional;

/** Sums errors and hits batch by batch, so metrics of a whole epoch or data set cost one pass over the outputs. */
final class MetricsAccumulator {

    /** FANN's default bit-fail limit ({@code fann_set_bit_fail_limit}). */
    static final double DEFAULT_BIT_FAIL_LIMIT = 0.35;

    private final double bitFailLimit;
    /** Single-output accuracy: prediction and target fall on the same side of this value. */
    private final double threshold;
    /** Measures each output's error for the bit-fail count; null for {@code target - predicted}. */
    private final Loss loss;
    private double lossSum;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private long correct;
    private long samples;
    private long elements;
    private long bitFails;

    /**
     * Counts bit fails of {@code loss.error(...)} at {@code bitFailLimit} ({@code loss} may be null) and judges a
     * single output right when it lies on the same side of {@code threshold} as its target
     * ({@link #accuracyThreshold}).
     */
    MetricsAccumulator(double bitFailLimit, Loss loss, double threshold) {
        this.bitFailLimit = bitFailLimit;
        this.loss = loss;
        this.threshold = threshold;
    }

    /**
     * The accuracy rule's threshold for a single output: the midpoint of the output layer's range when it is bounded
     * (0.5 for a sigmoid, 0 for tanh and FANN's symmetric functions), else the midpoint of the targets' smallest and
     * largest value (for an identity output trained on 0/1 targets, 0.5). Unused with several outputs (argmax).
     */
    static double accuracyThreshold(List<Layer> layers, Matrix targets) {
        Optional<OutputRange> range = layers.get(layers.size() - 1).outputRange();
        if (range.isPresent()) {
            return range.get().midpoint();
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double t : targets.data()) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        return (min + max) / 2;
    }

    void reset() {
        lossSum = 0;
        absoluteErrorSum = 0;
        squaredErrorSum = 0;
        correct = 0;
        samples = 0;
        elements = 0;
        bitFails = 0;
    }

    /** Adds one batch; {@code loss} is the batch's loss value. */
    void add(Matrix predicted, Matrix target, double loss, Loss.Reduction reduction) {
        int rows = predicted.rows();
        int cols = predicted.cols();
        double[] p = predicted.data();
        double[] t = target.data();
        // Class-index targets (sparse cross-entropy) are one column for several outputs: read as one-hot rows.
        boolean classIndices = target.cols() != cols;
        lossSum += reduction == Loss.Reduction.SUM ? loss : loss * rows;
        for (int i = 0; i < rows * cols; i++) {
            double ti = classIndices ? (t[i / cols] == i % cols ? 1 : 0) : t[i];
            double d = ti - p[i];
            absoluteErrorSum += Math.abs(d);
            squaredErrorSum += d * d;
            double e = this.loss == null ? d : this.loss.error(p[i], ti);
            if (Math.abs(e) >= bitFailLimit) {
                bitFails++;
            }
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            if (classIndices) {
                correct += argmax(p, offset, cols) == (int) t[r] ? 1 : 0;
            } else if (cols == 1) {
                correct += (p[offset] >= threshold) == (t[offset] >= threshold) ? 1 : 0;
            } else {
                correct += argmax(p, offset, cols) == argmax(t, offset, cols) ? 1 : 0;
            }
        }
        samples += rows;
        elements += (long) rows * cols;
    }

    private static int argmax(double[] values, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The bit fails counted since the last {@link #reset()}. */
    long bitFails() {
        return bitFails;
    }

    /** The accumulated metrics; the loss is reduced as {@code reduction} says. */
    Metrics result(Loss.Reduction reduction) {
        double loss = reduction == Loss.Reduction.SUM ? lossSum : lossSum / samples;
        return new Metrics(loss, absoluteErrorSum / elements, squaredErrorSum / elements, (double) correct / samples,
                bitFails);
    }
}
