package dev.synapse.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import dev.synapse.core.Matrix;
import java.util.Arrays;

/**
 * A per-column rescaling fitted on a training set: min-max to a range, or z-score to mean 0 and standard
 * deviation 1. A scaler is data — its {@link #type()} and its numbers per column — so a model file can carry it.
 *
 * <pre>{@code
 * Scaler scaler = Scaler.fitMinMax(train.inputs());           // each column to [0, 1]
 * Dataset scaledTrain = train.scaleInputs(scaler);
 * Dataset scaledTest = test.scaleInputs(scaler);              // the same numbers, never refitted on test data
 *
 * Scaler targets = Scaler.fitZScore(train.targets());
 * Matrix predictions = targets.inverse(model.predict(scaledTest.inputs()));  // back to the targets' units
 * }</pre>
 *
 * <p>Min-max: {@code y = low + (x - min)·(high - low)/(max - min)}. Z-score: {@code y = (x - mean)/std}, with the
 * population standard deviation (as numpy's {@code std} and scikit-learn). A constant column (max = min, std = 0)
 * maps to {@code low} or 0 instead of dividing by zero. Immutable and thread-safe.
 */
public final class Scaler {

    /** The kind of rescaling; {@link #id()} is its name in model files. */
    public enum Type {
        /** {@code y = low + (x - min)·(high - low)/(max - min)}. */
        MIN_MAX("min-max"),
        /** {@code y = (x - mean)/std}. */
        Z_SCORE("z-score");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /**
         * The stable name used in model files: {@code "min-max"} or {@code "z-score"}.
         *
         * @return {@code "min-max"} or {@code "z-score"}
         */
        public String id() {
            return id;
        }
    }

    private final Type type;
    private final double low;
    private final double high;
    /** min or mean, per column. */
    private final double[] center;
    /** max or std, per column. */
    private final double[] spread;

    private Scaler(Type type, double low, double high, double[] center, double[] spread) {
        this.type = type;
        this.low = low;
        this.high = high;
        this.center = center;
        this.spread = spread;
    }

    /**
     * A min-max scaler to [0, 1] fitted on the columns of {@code data}.
     *
     * @param data the training data, samples × columns
     * @return a scaler mapping each column's minimum to 0 and maximum to 1
     */
    public static Scaler fitMinMax(Matrix data) {
        return fitMinMax(data, 0, 1);
    }

    /**
     * A min-max scaler to [low, high] fitted on the columns of {@code data}; {@code fitMinMax(data, -1, 1)} suits
     * tanh and FANN's symmetric activations.
     *
     * @param data the training data, samples × columns
     * @param low what each column's minimum maps to
     * @param high what each column's maximum maps to, greater than {@code low}
     * @return a scaler mapping each column's range onto [low, high]
     * @throws IllegalArgumentException if {@code data} has no rows or a value that is not finite, or unless
     *                                  {@code low < high}, both finite
     */
    public static Scaler fitMinMax(Matrix data, double low, double high) {
        checkFittable(data);
        int cols = data.cols();
        double[] min = new double[cols];
        double[] max = new double[cols];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        double[] d = data.data();
        for (int i = 0; i < d.length; i++) {
            int c = i % cols;
            min[c] = Math.min(min[c], d[i]);
            max[c] = Math.max(max[c], d[i]);
        }
        return minMax(min, max, low, high);
    }

    /**
     * A z-score scaler fitted on the columns of {@code data}: their means and population standard deviations.
     *
     * @param data the training data, samples × columns
     * @return a scaler giving each column mean 0 and standard deviation 1
     * @throws IllegalArgumentException if {@code data} has no rows or a value that is not finite
     */
    public static Scaler fitZScore(Matrix data) {
        checkFittable(data);
        int rows = data.rows();
        int cols = data.cols();
        double[] d = data.data();
        double[] mean = new double[cols];
        for (int i = 0; i < d.length; i++) {
            mean[i % cols] += d[i];
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        // Two passes: sums of squared deviations do not cancel catastrophically as E[x²] - E[x]² can.
        double[] std = new double[cols];
        for (int i = 0; i < d.length; i++) {
            double dev = d[i] - mean[i % cols];
            std[i % cols] += dev * dev;
        }
        for (int c = 0; c < cols; c++) {
            std[c] = Math.sqrt(std[c] / rows);
        }
        return zScore(mean, std);
    }

    private static void checkFittable(Matrix data) {
        checkNotNull(data, "data");
        checkArgument(data.rows() > 0 && data.cols() > 0, "cannot fit a scaler on an empty %s matrix", data.shape());
        for (double v : data.data()) {
            checkArgument(Double.isFinite(v), "cannot fit a scaler on data holding %s; clean the data first", v);
        }
    }

    /**
     * A min-max scaler from known numbers, e.g. read from a model file.
     *
     * @param min each column's minimum (copied)
     * @param max each column's maximum (copied)
     * @param low what each minimum maps to
     * @param high what each maximum maps to
     * @return the min-max scaler
     * @throws IllegalArgumentException unless both arrays have the same non-zero length, every value is finite,
     *                                  {@code min[i] <= max[i]} and {@code low < high}
     */
    public static Scaler minMax(double[] min, double[] max, double low, double high) {
        checkColumns("min", min, "max", max);
        checkArgument(Double.isFinite(low) && Double.isFinite(high) && low < high,
                "a min-max scaler needs a finite range low < high, got [%s, %s]", low, high);
        for (int c = 0; c < min.length; c++) {
            checkArgument(min[c] <= max[c], "column %s has min %s above max %s", c, min[c], max[c]);
        }
        return new Scaler(Type.MIN_MAX, low, high, min.clone(), max.clone());
    }

    /**
     * A z-score scaler from known numbers, e.g. read from a model file.
     *
     * @param mean each column's mean (copied)
     * @param std each column's standard deviation (copied)
     * @return the z-score scaler
     * @throws IllegalArgumentException unless both arrays have the same non-zero length, every value is finite and
     *                                  no standard deviation is negative
     */
    public static Scaler zScore(double[] mean, double[] std) {
        checkColumns("mean", mean, "std", std);
        for (int c = 0; c < std.length; c++) {
            checkArgument(std[c] >= 0, "column %s has a negative standard deviation %s", (Object) c, std[c]);
        }
        return new Scaler(Type.Z_SCORE, 0, 0, mean.clone(), std.clone());
    }

    private static void checkColumns(String firstName, double[] first, String secondName, double[] second) {
        checkNotNull(first, firstName);
        checkNotNull(second, secondName);
        checkArgument(first.length > 0 && first.length == second.length,
                "a scaler needs one %s and one %s per column, got %s and %s values",
                firstName, secondName, first.length, second.length);
        for (int c = 0; c < first.length; c++) {
            checkArgument(Double.isFinite(first[c]) && Double.isFinite(second[c]),
                    "column %s has %s %s and %s %s; scaler numbers must be finite",
                    c, firstName, first[c], secondName, second[c]);
        }
    }

    /**
     * Which kind of scaler this is, which says which of the getters below hold numbers.
     *
     * @return {@link Type#MIN_MAX} or {@link Type#Z_SCORE}
     */
    public Type type() {
        return type;
    }

    /**
     * The number of columns the scaler was fitted on.
     *
     * @return the column count, at least 1
     */
    public int width() {
        return center.length;
    }

    /**
     * The per-column minimums of a {@link Type#MIN_MAX} scaler (a copy).
     *
     * @return a new array of {@link #width()} values
     */
    public double[] minimums() {
        checkType(Type.MIN_MAX);
        return center.clone();
    }

    /**
     * The per-column maximums of a {@link Type#MIN_MAX} scaler (a copy).
     *
     * @return a new array of {@link #width()} values
     */
    public double[] maximums() {
        checkType(Type.MIN_MAX);
        return spread.clone();
    }

    /**
     * The lower end of a {@link Type#MIN_MAX} scaler's target range.
     *
     * @return what each column's minimum maps to
     */
    public double low() {
        checkType(Type.MIN_MAX);
        return low;
    }

    /**
     * The upper end of a {@link Type#MIN_MAX} scaler's target range.
     *
     * @return what each column's maximum maps to
     */
    public double high() {
        checkType(Type.MIN_MAX);
        return high;
    }

    /**
     * The per-column means of a {@link Type#Z_SCORE} scaler (a copy).
     *
     * @return a new array of {@link #width()} values
     */
    public double[] means() {
        checkType(Type.Z_SCORE);
        return center.clone();
    }

    /**
     * The per-column population standard deviations of a {@link Type#Z_SCORE} scaler (a copy).
     *
     * @return a new array of {@link #width()} values
     */
    public double[] standardDeviations() {
        checkType(Type.Z_SCORE);
        return spread.clone();
    }

    private void checkType(Type wanted) {
        checkState(type == wanted, "this is a %s scaler, not %s", type.id(), wanted.id());
    }

    /**
     * The scaled copy of {@code data}.
     *
     * @param data values in the original units, samples × {@link #width()}
     * @return a new matrix of scaled values
     * @throws IllegalArgumentException if {@code data} does not have {@link #width()} columns
     */
    public Matrix transform(Matrix data) {
        checkWidth(data);
        Matrix out = data.copy();
        double[] d = out.data();
        int cols = center.length;
        for (int i = 0; i < d.length; i++) {
            int c = i % cols;
            d[i] = type == Type.MIN_MAX
                    ? low + (d[i] - center[c]) * (high - low) / range(c)
                    : (d[i] - center[c]) / deviation(c);
        }
        return out;
    }

    /**
     * The scaled copy of one sample.
     *
     * @param sample one sample in the original units, {@link #width()} values
     * @return a new array of scaled values
     */
    public double[] transform(double... sample) {
        return transform(Matrix.rowVector(sample)).data();
    }

    /**
     * Undoes {@link #transform}: maps scaled values (e.g. a model's predictions of scaled targets) back to the
     * original units, as a new matrix.
     *
     * @param scaled scaled values, samples × {@link #width()}
     * @return a new matrix in the original units
     * @throws IllegalArgumentException if {@code scaled} does not have {@link #width()} columns
     */
    public Matrix inverse(Matrix scaled) {
        checkWidth(scaled);
        Matrix out = scaled.copy();
        double[] d = out.data();
        int cols = center.length;
        for (int i = 0; i < d.length; i++) {
            int c = i % cols;
            d[i] = type == Type.MIN_MAX
                    ? center[c] + (d[i] - low) * range(c) / (high - low)
                    : d[i] * deviation(c) + center[c];
        }
        return out;
    }

    /** max - min, or 1 for a constant column. */
    private double range(int c) {
        double r = spread[c] - center[c];
        return r == 0 ? 1 : r;
    }

    /** std, or 1 for a constant column. */
    private double deviation(int c) {
        return spread[c] == 0 ? 1 : spread[c];
    }

    private void checkWidth(Matrix data) {
        checkArgument(data.cols() == width(), "the scaler was fitted on %s columns but the data is %s",
                width(), data.shape());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scaler s && s.type == type && Double.compare(s.low, low) == 0
                && Double.compare(s.high, high) == 0 && Arrays.equals(s.center, center)
                && Arrays.equals(s.spread, spread);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Arrays.hashCode(center)) + Arrays.hashCode(spread);
    }

    @Override
    public String toString() {
        return type == Type.MIN_MAX
                ? "Scaler[min-max to [" + low + ", " + high + "], min=" + Arrays.toString(center)
                        + ", max=" + Arrays.toString(spread) + "]"
                : "Scaler[z-score, mean=" + Arrays.toString(center) + ", std=" + Arrays.toString(spread) + "]";
    }
}
