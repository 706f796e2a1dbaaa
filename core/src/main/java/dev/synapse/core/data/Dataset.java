package dev.synapse.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;

/**
 * An immutable data set: one row of inputs and one row of targets per sample.
 *
 * <pre>{@code
 * Dataset data = FannData.read(Path.of("xor.data")).shuffle(1);
 * Dataset.Split split = data.split(0.75);                          // first 75% train, the rest test
 * Scaler scaler = Scaler.fitZScore(split.train().inputs());         // fitted on the training set only
 * Dataset train = split.train().scaleInputs(scaler);
 * model.fit(train.inputs(), train.targets(), 1000);
 * }</pre>
 *
 * <p>Every method that changes something returns a new data set. The matrices go in and come out as copies, so no
 * caller can change a data set another one holds.
 */
public final class Dataset {

    private final Matrix inputs;
    private final Matrix targets;

    private Dataset(Matrix inputs, Matrix targets) {
        this.inputs = inputs;
        this.targets = targets;
    }

    /**
     * A data set holding copies of {@code inputs} and {@code targets}, row i of each being sample i.
     *
     * @param inputs samples × input values
     * @return a new data set; changing the matrices afterwards does not change it
     * @param targets samples × outputs; may have no columns for data without labels
     * @throws IllegalArgumentException if the row counts differ, there are no samples or no input columns, or a
     *                                  value is not finite
     */
    public static Dataset of(Matrix inputs, Matrix targets) {
        checkNotNull(inputs, "inputs");
        checkNotNull(targets, "targets");
        checkArgument(inputs.rows() == targets.rows(),
                "inputs have %s rows but targets have %s (inputs %s, targets %s); each sample needs one row of each",
                inputs.rows(), targets.rows(), inputs.shape(), targets.shape());
        checkArgument(inputs.rows() > 0, "a data set needs at least one sample, got inputs %s", inputs.shape());
        checkArgument(inputs.cols() > 0, "a data set needs at least one input column, got inputs %s", inputs.shape());
        checkFinite(inputs, "inputs");
        checkFinite(targets, "targets");
        return new Dataset(inputs.copy(), targets.copy());
    }

    /** Wraps matrices the caller gives up (the readers' fresh matrices): no copy, no checks beyond the shapes. */
    static Dataset wrap(Matrix inputs, Matrix targets) {
        return new Dataset(inputs, targets);
    }

    private static void checkFinite(Matrix m, String what) {
        int bad = m.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("the " + what + " hold " + m.element(bad) + " at row " + bad / m.cols()
                    + ", column " + bad % m.cols() + "; every value of a data set must be finite");
        }
    }

    /**
     * The number of samples.
     *
     * @return the sample count, 0 or more
     */
    public int size() {
        return inputs.rows();
    }

    /**
     * Values per input row.
     *
     * @return the input columns
     */
    public int inputWidth() {
        return inputs.cols();
    }

    /**
     * Values per target row.
     *
     * @return the target columns; 0 for data without labels
     */
    public int targetWidth() {
        return targets.cols();
    }

    /**
     * A copy of the inputs, samples × {@link #inputWidth()}.
     *
     * @return a new matrix, one row per sample
     */
    public Matrix inputs() {
        return inputs.copy();
    }

    /**
     * A copy of the targets, samples × {@link #targetWidth()}.
     *
     * @return a new matrix, one row per sample
     */
    public Matrix targets() {
        return targets.copy();
    }

    /**
     * A copy of the inputs of one sample (0-based).
     *
     * @param sample the sample's index, from 0 to {@code size() - 1}
     * @return a new array of {@link #inputWidth()} values
     */
    public double[] input(int sample) {
        return inputs.row(sample);
    }

    /**
     * A copy of the targets of one sample (0-based).
     *
     * @param sample the sample's index, from 0 to {@code size() - 1}
     * @return a new array of {@link #targetWidth()} values
     */
    public double[] target(int sample) {
        return targets.row(sample);
    }

    /**
     * The same samples in a seeded random order: the order {@code np.random.seed(seed);
     * np.random.permutation(size)} gives, so the same seed gives the same order on every run.
     *
     * @param seed the seed, in numpy's range [0, 2^32 - 1]
     * @return a new data set with the samples reordered; this one is unchanged
     * @throws IllegalArgumentException if the seed is outside [0, 2^32 - 1]
     */
    public Dataset shuffle(long seed) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        new NumpyRandom(seed).shuffle(order);
        return select(order);
    }

    /**
     * The samples {@code from} (inclusive) to {@code to} (exclusive), in order.
     *
     * @param from the first sample taken, 0-based
     * @param to the sample after the last one taken
     * @return a new data set of {@code to - from} samples
     * @throws IllegalArgumentException unless {@code 0 <= from < to <= size()}
     */
    public Dataset slice(int from, int to) {
        checkArgument(from >= 0 && from < to && to <= size(),
                "a slice needs 0 <= from < to <= %s (the size), got from %s to %s", size(), from, to);
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return select(rows);
    }

    /**
     * Splits into a training set, the first {@code round(size · trainFraction)} samples, and a test set, the rest.
     * The order is kept: {@link #shuffle} first for a random split.
     *
     * @param trainFraction the share of samples for training, e.g. 0.8
     * @return the training and the test set
     * @throws IllegalArgumentException if the fraction is not strictly between 0 and 1 or leaves either part empty
     */
    public Split split(double trainFraction) {
        checkArgument(trainFraction > 0 && trainFraction < 1,
                "the training fraction must be between 0 and 1 (exclusive), got %s", trainFraction);
        int train = (int) Math.round(size() * trainFraction);
        checkArgument(train > 0 && train < size(),
                "splitting %s samples at %s leaves %s for training and %s for testing; both need at least one sample",
                size(), trainFraction, train, size() - train);
        return new Split(slice(0, train), slice(train, size()));
    }

    /**
     * A data set with the inputs transformed by {@code scaler}, fitted beforehand on training inputs.
     *
     * @param scaler a scaler as wide as the inputs
     * @return a new data set with scaled inputs and the same targets
     */
    public Dataset scaleInputs(Scaler scaler) {
        checkArgument(scaler.width() == inputWidth(),
                "the scaler has %s columns but the inputs have %s", scaler.width(), inputWidth());
        return new Dataset(scaler.transform(inputs), targets);
    }

    /**
     * A data set with the targets transformed by {@code scaler}; {@link Scaler#inverse} maps predictions back.
     *
     * @param scaler a scaler as wide as the targets
     * @return a new data set with the same inputs and scaled targets
     */
    public Dataset scaleTargets(Scaler scaler) {
        checkArgument(scaler.width() == targetWidth(),
                "the scaler has %s columns but the targets have %s", scaler.width(), targetWidth());
        return new Dataset(inputs, scaler.transform(targets));
    }

    private Dataset select(int[] rows) {
        return new Dataset(selectRows(inputs, rows), selectRows(targets, rows));
    }

    private static Matrix selectRows(Matrix m, int[] rows) {
        int cols = m.cols();
        double[] from = m.data();
        double[] to = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(from, rows[r] * cols, to, r * cols, cols);
        }
        return Matrix.wrap(rows.length, cols, to);
    }

    /** Equal shapes and bit-identical values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && d.inputs.equals(inputs) && d.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return 31 * inputs.hashCode() + targets.hashCode();
    }

    @Override
    public String toString() {
        return "Dataset[" + size() + " samples, " + inputWidth() + " inputs, " + targetWidth() + " targets]";
    }

    /** A data set cut in two by {@link #split}. */
    public record Split(Dataset train, Dataset test) {}
}
