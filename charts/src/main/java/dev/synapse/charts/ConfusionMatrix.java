package dev.synapse.charts;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Counts of (true class, predicted class) pairs over a test set, with the per-class figures read from them:
 * {@code recall(c) = counts[c][c] / Σ_p counts[c][p]} (the share of class c found) and
 * {@code precision(c) = counts[c][c] / Σ_t counts[t][c]} (the share of "c" answers that were right).
 *
 * <pre>{@code
 * ConfusionMatrix matrix = ConfusionMatrix.of(10, labels, predictions);   // int[] class indices, one per sample
 * double shirts = matrix.recall(6);
 * ConfusionMatrixChart.write(matrix, names, "Fashion-MNIST test set", Path.of("confusion.png"));
 * }</pre>
 */
public final class ConfusionMatrix {

    private final long[][] counts;
    private final long total;

    private ConfusionMatrix(long[][] counts, long total) {
        this.counts = counts;
        this.total = total;
    }

    /**
     * Counts each sample's (actual, predicted) pair.
     *
     * @param classes   the number of classes, at least 2
     * @param actual    each sample's true class, 0 to {@code classes - 1}
     * @param predicted each sample's predicted class, in the same order
     * @return the counts, rows by true class and columns by predicted class
     * @throws IllegalArgumentException if {@code classes} is below 2, the arrays differ in length or are empty, or a
     *                                  class index is outside {@code [0, classes)} (the message names the sample)
     */
    public static ConfusionMatrix of(int classes, int[] actual, int[] predicted) {
        checkArgument(classes >= 2, "a confusion matrix needs at least 2 classes, got %s", classes);
        checkArgument(actual.length == predicted.length,
                "%s actual classes but %s predictions: pass one prediction per sample", actual.length,
                predicted.length);
        checkArgument(actual.length > 0, "a confusion matrix needs at least one sample");
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            checkArgument(actual[i] >= 0 && actual[i] < classes && predicted[i] >= 0 && predicted[i] < classes,
                    "sample %s: actual class %s, predicted %s; classes are 0 to %s", i, actual[i], predicted[i],
                    classes - 1);
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts, actual.length);
    }

    /**
     * The number of classes.
     *
     * @return the side of the square matrix, at least 2
     */
    public int classes() {
        return counts.length;
    }

    /**
     * How many samples of class {@code actual} were predicted as {@code predicted}.
     *
     * @param actual    the true class, 0 to {@link #classes()} - 1
     * @param predicted the predicted class, 0 to {@link #classes()} - 1
     * @return the count, 0 or more
     */
    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * The number of samples counted.
     *
     * @return the sum of every cell, at least 1
     */
    public long total() {
        return total;
    }

    /**
     * The share of samples whose prediction is their class: the trace over the total.
     *
     * @return a fraction in [0, 1]
     */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < counts.length; c++) {
            right += counts[c][c];
        }
        return (double) right / total;
    }

    /**
     * How many samples have class {@code c}.
     *
     * @param c a class, 0 to {@link #classes()} - 1
     * @return the sum of row {@code c}
     */
    public long support(int c) {
        long sum = 0;
        for (long n : counts[c]) {
            sum += n;
        }
        return sum;
    }

    /**
     * The share of class {@code c}'s samples predicted as {@code c}.
     *
     * @param c a class, 0 to {@link #classes()} - 1
     * @return a fraction in [0, 1], or NaN when the class has no samples
     */
    public double recall(int c) {
        long support = support(c);
        return support == 0 ? Double.NaN : (double) counts[c][c] / support;
    }

    /**
     * The share of predictions of {@code c} that were right.
     *
     * @param c a class, 0 to {@link #classes()} - 1
     * @return a fraction in [0, 1], or NaN when {@code c} was never predicted
     */
    public double precision(int c) {
        long predicted = 0;
        for (long[] row : counts) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) counts[c][c] / predicted;
    }
}
