package dev.synapse.core.model;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/** Sums errors and hits batch by batch, so metrics of a whole epoch or data set cost one pass over the outputs. */
final class MetricsAccumulator {

    private double lossSum;
    private double absoluteErrorSum;
    private double squaredErrorSum;
    private long correct;
    private long samples;
    private long elements;

    void reset() {
        lossSum = 0;
        absoluteErrorSum = 0;
        squaredErrorSum = 0;
        correct = 0;
        samples = 0;
        elements = 0;
    }

    /** Adds one batch; {@code loss} is the batch's loss value. */
    void add(Matrix predicted, Matrix target, double loss, Loss.Reduction reduction) {
        int rows = predicted.rows();
        int cols = predicted.cols();
        double[] p = predicted.data();
        double[] t = target.data();
        lossSum += reduction == Loss.Reduction.SUM ? loss : loss * rows;
        for (int i = 0; i < rows * cols; i++) {
            double d = t[i] - p[i];
            absoluteErrorSum += Math.abs(d);
            squaredErrorSum += d * d;
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * cols;
            if (cols == 1) {
                correct += Math.abs(t[offset] - p[offset]) < 0.5 ? 1 : 0;
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

    /** The accumulated metrics; the loss is reduced as {@code reduction} says. */
    Metrics result(Loss.Reduction reduction) {
        double loss = reduction == Loss.Reduction.SUM ? lossSum : lossSum / samples;
        return new Metrics(loss, absoluteErrorSum / elements, squaredErrorSum / elements, (double) correct / samples);
    }
}
