package dev.synapse.core;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.Product;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A dense, row-major matrix of doubles (or floats); rows are samples, columns are features.
 *
 * <pre>{@code
 * Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {1, 1, 1}});
 * Matrix w = new Matrix(3, 4);
 * Matrix h = x.times(w);            // 2×4, a new matrix
 * x.timesInto(w, h);                // the same product, written into h
 * }</pre>
 *
 * <p>A matrix is a mutable numeric buffer: the {@code ...Into} methods write into a matrix the caller owns, so a
 * training loop can reuse its buffers and allocate nothing once warm. Methods named as verbs ({@link #add},
 * {@link #scale}, ...) change this matrix in place and return it. Every product goes through the current
 * {@link dev.synapse.core.engine.Engine}. Shape errors name both shapes.
 *
 * <p>A matrix has a {@link Precision}: {@link Precision#FLOAT64} (the default, backed by a {@code double[]},
 * {@link #data()}) or {@link Precision#FLOAT32} (backed by a {@code float[]}, {@link #floatData()}), computing in
 * that precision throughout. Element access ({@link #get}, {@link #set}, {@link #row}, ...) reads and takes doubles
 * either way. Operations never mix precisions: they throw, naming both shapes and precisions;
 * {@link #toPrecision} converts.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    /** The elements of a float64 matrix; null for float32. */
    private final double[] data;
    /** The elements of a float32 matrix; null for float64. */
    private final float[] floats;

    /**
     * A zero float64 matrix of the given shape.
     *
     * @param rows the number of rows (samples), 0 or more
     * @param cols the number of columns (values per sample), 0 or more
     * @throws IllegalArgumentException if a dimension is negative or the matrix would exceed 2^31-1 elements
     */
    public Matrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    /**
     * A zero matrix of the given shape and precision.
     *
     * @param rows the number of rows (samples), 0 or more
     * @param cols the number of columns (values per sample), 0 or more
     * @param precision float64 (a {@code double[]}) or float32 (a {@code float[]})
     * @throws IllegalArgumentException if a dimension is negative or the matrix would exceed 2^31-1 elements
     */
    public Matrix(int rows, int cols, Precision precision) {
        this(rows, cols, precision == Precision.FLOAT64 ? new double[checkedSize(rows, cols)] : null,
                precision == Precision.FLOAT32 ? new float[checkedSize(rows, cols)] : null);
    }

    private Matrix(int rows, int cols, double[] data) {
        this(rows, cols, data, null);
    }

    private Matrix(int rows, int cols, double[] data, float[] floats) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.floats = floats;
    }

    private static int checkedSize(int rows, int cols) {
        checkArgument(rows >= 0 && cols >= 0, "matrix shape must not be negative, got %sx%s", rows, cols);
        long size = (long) rows * cols;
        checkArgument(size <= Integer.MAX_VALUE, "matrix %sx%s has more than 2^31-1 elements", rows, cols);
        return (int) size;
    }

    /**
     * A matrix copied from rows of equal length.
     *
     * @param rows the rows, at least one, all of the same length
     * @return a new matrix, rows.length × rows[0].length
     * @throws IllegalArgumentException if there is no row or the rows differ in length
     */
    public static Matrix of(double[]... rows) {
        checkArgument(rows.length > 0, "a matrix needs at least one row");
        int cols = rows[0].length;
        Matrix m = new Matrix(rows.length, cols);
        for (int r = 0; r < rows.length; r++) {
            checkArgument(rows[r].length == cols,
                    "row %s has %s values but row 0 has %s; all rows must have the same length", r, rows[r].length, cols);
            System.arraycopy(rows[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /**
     * A matrix backed by {@code data} (row-major, not copied): changes to one show in the other.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the elements in row-major order, exactly {@code rows × cols} of them
     * @return a matrix sharing {@code data}
     * @throws IllegalArgumentException if {@code data} does not hold {@code rows × cols} elements
     */
    public static Matrix wrap(int rows, int cols, double... data) {
        checkArgument(data.length == checkedSize(rows, cols),
                "a %sx%s matrix needs %s values but got %s", rows, cols, (long) rows * cols, data.length);
        return new Matrix(rows, cols, data);
    }

    /**
     * A float32 matrix backed by {@code data} (row-major, not copied): changes to one show in the other.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @param data the elements in row-major order, exactly {@code rows × cols} of them
     * @return a float32 matrix sharing {@code data}
     * @throws IllegalArgumentException if {@code data} does not hold {@code rows × cols} elements
     */
    public static Matrix wrapFloats(int rows, int cols, float... data) {
        checkArgument(data.length == checkedSize(rows, cols),
                "a %sx%s matrix needs %s values but got %s", rows, cols, (long) rows * cols, data.length);
        return new Matrix(rows, cols, null, data);
    }

    /**
     * A 1×n matrix holding a copy of {@code values}.
     *
     * @param values the row's elements
     * @return a new 1 × values.length matrix
     */
    public static Matrix rowVector(double... values) {
        return wrap(1, values.length, values.clone());
    }

    /**
     * An n×1 matrix holding a copy of {@code values}.
     *
     * @param values the column's elements, one per sample
     * @return a new values.length × 1 matrix
     */
    public static Matrix columnVector(double... values) {
        return wrap(values.length, 1, values.clone());
    }

    /**
     * The number of rows: samples, in a batch.
     *
     * @return the row count, 0 or more
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns: values per sample.
     *
     * @return the column count, 0 or more
     */
    public int cols() {
        return cols;
    }

    /**
     * {@code rows × cols}.
     *
     * @return the number of elements
     */
    public int size() {
        return rows * cols;
    }

    /**
     * The precision this matrix stores and computes in.
     *
     * @return {@link Precision#FLOAT64} or {@link Precision#FLOAT32}
     */
    public Precision precision() {
        return floats == null ? Precision.FLOAT64 : Precision.FLOAT32;
    }

    /**
     * Whether this matrix is float32.
     *
     * @return true for {@link Precision#FLOAT32}, false for float64
     */
    public boolean isFloat() {
        return floats != null;
    }

    /**
     * The backing array of a float64 matrix, row-major: element (r, c) is at {@code r * cols() + c}. Kernels read and
     * write it.
     *
     * @return the backing array itself, not a copy
     * @throws IllegalStateException if this matrix is float32 (use {@link #floatData()})
     */
    public double[] data() {
        if (data == null) {
            throw new IllegalStateException("this " + shape() + " matrix is float32: its elements are floatData(), "
                    + "not data(); convert it with toPrecision(Precision.FLOAT64) for a double[]");
        }
        return data;
    }

    /**
     * The backing array of a float32 matrix, row-major: element (r, c) is at {@code r * cols() + c}.
     *
     * @return the backing array itself, not a copy
     * @throws IllegalStateException if this matrix is float64 (use {@link #data()})
     */
    public float[] floatData() {
        if (floats == null) {
            throw new IllegalStateException("this " + shape() + " matrix is float64: its elements are data(), "
                    + "not floatData(); convert it with toPrecision(Precision.FLOAT32) for a float[]");
        }
        return floats;
    }

    /**
     * This matrix in {@code precision}: itself if it already has it, otherwise a new matrix with every element
     * converted (float64 to float32 rounds to nearest; float32 to float64 is exact).
     *
     * @param precision the precision wanted
     * @return this matrix, or a converted copy of it
     */
    public Matrix toPrecision(Precision precision) {
        if (precision == precision()) {
            return this;
        }
        Matrix out = new Matrix(rows, cols, precision);
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                out.data[i] = floats[i];
            }
        } else {
            for (int i = 0; i < data.length; i++) {
                out.floats[i] = (float) data[i];
            }
        }
        return out;
    }

    /**
     * The element at ({@code row}, {@code col}), both 0-based; unchecked beyond the array's own bounds, as in a kernel.
     *
     * @param row the row, 0-based
     * @param col the column, 0-based
     * @return the element
     */
    public double get(int row, int col) {
        return floats != null ? floats[index(row, col)] : data[index(row, col)];
    }

    /**
     * Sets the element at ({@code row}, {@code col}), both 0-based; a float32 matrix stores it rounded to float.
     *
     * @param row the row, 0-based
     * @param col the column, 0-based
     * @param value the new element
     */
    public void set(int row, int col, double value) {
        if (floats != null) {
            floats[index(row, col)] = (float) value;
        } else {
            data[index(row, col)] = value;
        }
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException(
                    "element (" + row + ", " + col + ") is outside the " + shape() + " matrix");
        }
        return row * cols + col;
    }

    /**
     * A copy of one row.
     *
     * @param row the row, 0-based
     * @return a new array of {@link #cols()} elements
     * @throws IllegalArgumentException if {@code row} is outside the matrix
     */
    public double[] row(int row) {
        checkArgument(row >= 0 && row < rows, "row %s is outside the %s matrix", row, shape());
        if (floats != null) {
            double[] out = new double[cols];
            for (int c = 0; c < cols; c++) {
                out[c] = floats[row * cols + c];
            }
            return out;
        }
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    /**
     * The element at row-major {@code index} ({@code row · cols() + col}), widened to double for a float32 matrix:
     * for code that reads a matrix of either precision in order, outside the kernels.
     *
     * @param index the element's position in row-major order, 0-based
     * @return the element
     */
    public double element(int index) {
        return floats != null ? floats[index] : data[index];
    }

    /**
     * A copy of rows [{@code from}, {@code to}) in this matrix's precision.
     *
     * @param from the first row copied
     * @param to one past the last row copied, at least {@code from}
     * @return a new (to - from) × cols() matrix
     * @throws IllegalArgumentException if the range is not within the matrix
     */
    public Matrix rows(int from, int to) {
        checkArgument(from >= 0 && from <= to && to <= rows, "rows [%s, %s) are not within the %s matrix", from, to,
                shape());
        Matrix out = new Matrix(to - from, cols, precision());
        if (floats != null) {
            System.arraycopy(floats, from * cols, out.floats, 0, (to - from) * cols);
        } else {
            System.arraycopy(data, from * cols, out.data, 0, (to - from) * cols);
        }
        return out;
    }

    /**
     * Copies {@code source}, of the same shape and either precision, into this matrix, converting each element to
     * this matrix's precision (rounding to nearest into float32, exactly into float64).
     *
     * @param source a matrix of this matrix's shape
     * @return this matrix, for chaining
     * @throws IllegalArgumentException if the shapes differ
     */
    public Matrix convertFrom(Matrix source) {
        if (source.rows != rows || source.cols != cols) {
            throw new IllegalArgumentException("cannot convert a " + source.shape() + " matrix into a " + shape()
                    + " matrix; shapes must match");
        }
        if (floats != null && source.data != null) {
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) source.data[i];
            }
        } else if (data != null && source.floats != null) {
            for (int i = 0; i < data.length; i++) {
                data[i] = source.floats[i];
            }
        } else if (floats != null) {
            System.arraycopy(source.floats, 0, floats, 0, floats.length);
        } else {
            System.arraycopy(source.data, 0, data, 0, data.length);
        }
        return this;
    }

    /**
     * A copy as an array of rows.
     *
     * @return a new array of {@link #rows()} new arrays
     */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /**
     * The shape as {@code "rowsxcols"}, as error messages print it.
     *
     * @return e.g. {@code "4x3"} for 4 rows and 3 columns
     */
    public String shape() {
        return rows + "x" + cols;
    }

    /**
     * Whether this matrix has {@code rows} rows and {@code cols} columns.
     *
     * @param rows the expected rows
     * @param cols the expected columns
     * @return true if both match
     */
    public boolean hasShape(int rows, int cols) {
        return this.rows == rows && this.cols == cols;
    }

    /**
     * A deep copy.
     *
     * @return a new matrix of the same shape, precision and elements
     */
    public Matrix copy() {
        return floats != null ? new Matrix(rows, cols, null, floats.clone()) : new Matrix(rows, cols, data.clone());
    }

    /**
     * Copies {@code source}, of the same shape, into this matrix.
     *
     * @param source a matrix of this matrix's shape and precision
     * @return this matrix, for chaining
     */
    public Matrix copyFrom(Matrix source) {
        checkSameShape("copy", source);
        if (floats != null) {
            System.arraycopy(source.floats, 0, floats, 0, floats.length);
        } else {
            System.arraycopy(source.data, 0, data, 0, data.length);
        }
        return this;
    }

    /**
     * Sets every element to {@code value}.
     *
     * @param value the value of every element
     * @return this matrix, for chaining
     */
    public Matrix fill(double value) {
        if (floats != null) {
            Arrays.fill(floats, (float) value);
        } else {
            Arrays.fill(data, value);
        }
        return this;
    }

    // ---------------------------------------------------------------- products

    /**
     * {@code this · b} as a new matrix.
     *
     * @param b the right operand, {@code cols()} rows
     * @return a new rows() × b.cols() matrix
     */
    public Matrix times(Matrix b) {
        Matrix out = new Matrix(rows, b.cols, precision());
        multiply(Product.A_B, this, b, out, false);
        return out;
    }

    /**
     * Writes {@code this · b} into {@code out}.
     *
     * @param b the right operand, {@code cols()} rows
     * @param out where the product goes, rows() × b.cols(), overwritten
     */
    public void timesInto(Matrix b, Matrix out) {
        multiply(Product.A_B, this, b, out, false);
    }

    /**
     * Writes {@code thisᵀ · b} into {@code out}, without building the transpose.
     *
     * @param b the right operand, with as many rows as this matrix
     * @param out where the product goes, cols() × b.cols(), overwritten
     */
    public void transposeTimesInto(Matrix b, Matrix out) {
        multiply(Product.AT_B, this, b, out, false);
    }

    /**
     * Writes {@code this · bᵀ} into {@code out}, without building the transpose.
     *
     * @param b the right operand, with as many columns as this matrix
     * @param out where the product goes, rows() × b.rows(), overwritten
     */
    public void timesTransposeInto(Matrix b, Matrix out) {
        multiply(Product.A_BT, this, b, out, false);
    }

    /**
     * The general product: {@code out = op(a)·op(b)}, or {@code out += op(a)·op(b)} when {@code accumulate} is set,
     * with the operands read as {@code form} says.
     *
     * @param form which product: A·B, Aᵀ·B or A·Bᵀ
     * @param a the left operand, as {@code form} reads it
     * @param b the right operand, as {@code form} reads it
     * @param out the result, overwritten or added to
     * @param accumulate true to add to {@code out}, false to overwrite it
     * @throws IllegalArgumentException if the inner dimensions differ, {@code out} has the wrong shape, or the three
     *     matrices are not all of one precision
     */
    public static void multiply(Product form, Matrix a, Matrix b, Matrix out, boolean accumulate) {
        int m = form == Product.AT_B ? a.cols : a.rows;
        int k = form == Product.AT_B ? a.rows : a.cols;
        int kb = form == Product.A_BT ? b.cols : b.rows;
        int n = form == Product.A_BT ? b.rows : b.cols;
        if (k != kb) {
            throw new IllegalArgumentException("cannot multiply " + describe(form, a, b)
                    + ": inner dimensions " + k + " and " + kb + " differ");
        }
        if (!out.hasShape(m, n)) {
            throw new IllegalArgumentException("the product " + describe(form, a, b) + " is " + m + "x" + n
                    + " but the output matrix is " + out.shape());
        }
        if (out == a || out == b || out.data != null && (out.data == a.data || out.data == b.data)
                || out.floats != null && (out.floats == a.floats || out.floats == b.floats)) {
            throw new IllegalArgumentException("the output of a product must not be one of its operands");
        }
        if (a.floats != null && b.floats != null && out.floats != null) {
            Engines.current().multiply(form, a.floats, b.floats, out.floats, m, n, k, accumulate);
        } else if (a.data != null && b.data != null && out.data != null) {
            Engines.current().multiply(form, a.data, b.data, out.data, m, n, k, accumulate);
        } else {
            throw new IllegalArgumentException("cannot multiply " + a.describe() + " by " + b.describe() + " into "
                    + out.describe() + ": a product's matrices must all have one precision; convert with toPrecision");
        }
    }

    private static String describe(Product form, Matrix a, Matrix b) {
        return switch (form) {
            case A_B -> a.shape() + " by " + b.shape();
            case AT_B -> "the transpose of " + a.shape() + " by " + b.shape();
            case A_BT -> a.shape() + " by the transpose of " + b.shape();
        };
    }

    // ---------------------------------------------------------------- element-wise, in place

    /**
     * {@code this += other}, element-wise.
     *
     * @param other a matrix of this matrix's shape
     * @return this matrix, for chaining
     */
    public Matrix add(Matrix other) {
        return addScaled("add", 1, other);
    }

    /**
     * {@code this -= other}, element-wise (as {@code this += -1·other}, which rounds the same).
     *
     * @param other a matrix of this matrix's shape
     * @return this matrix, for chaining
     */
    public Matrix subtract(Matrix other) {
        return addScaled("subtract", -1, other);
    }

    /**
     * {@code this += alpha · other}, element-wise; a float32 matrix takes {@code alpha} rounded to float.
     *
     * @param alpha the factor {@code other} is scaled by, e.g. minus the learning rate
     * @param other a matrix of this matrix's shape
     * @return this matrix, for chaining
     */
    public Matrix addScaled(double alpha, Matrix other) {
        return addScaled("add", alpha, other);
    }

    private Matrix addScaled(String operation, double alpha, Matrix other) {
        checkSameShape(operation, other);
        if (floats != null) {
            Engines.current().axpy(floats.length, (float) alpha, other.floats, floats);
        } else {
            Engines.current().axpy(data.length, alpha, other.data, data);
        }
        return this;
    }

    /**
     * {@code this *= other}, element-wise (the Hadamard product).
     *
     * @param other a matrix of this matrix's shape
     * @return this matrix, for chaining
     */
    public Matrix multiplyElements(Matrix other) {
        checkSameShape("multiply element-wise", other);
        if (floats != null) {
            float[] o = other.floats;
            for (int i = 0; i < floats.length; i++) {
                floats[i] *= o[i];
            }
            return this;
        }
        double[] o = other.data;
        for (int i = 0; i < data.length; i++) {
            data[i] *= o[i];
        }
        return this;
    }

    /**
     * {@code this *= factor}; a float32 matrix takes {@code factor} rounded to float.
     *
     * @param factor what every element is multiplied by
     * @return this matrix, for chaining
     */
    public Matrix scale(double factor) {
        if (floats != null) {
            float f = (float) factor;
            for (int i = 0; i < floats.length; i++) {
                floats[i] *= f;
            }
            return this;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] *= factor;
        }
        return this;
    }

    /**
     * Applies {@code f} to every element (of a float32 matrix: widened to double, the result rounded to float).
     * Convenient, not fast: kernels loop over {@link #data()} or {@link #floatData()} instead.
     *
     * @param f the function applied to each element, in place
     * @return this matrix, for chaining
     */
    public Matrix map(DoubleUnaryOperator f) {
        if (floats != null) {
            for (int i = 0; i < floats.length; i++) {
                floats[i] = (float) f.applyAsDouble(floats[i]);
            }
            return this;
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = f.applyAsDouble(data[i]);
        }
        return this;
    }

    /**
     * Adds the 1×cols matrix {@code row} to every row: how a bias joins a batch.
     *
     * @param row a 1 × cols() matrix of this matrix's precision
     * @return this matrix, for chaining
     */
    public Matrix addRowVector(Matrix row) {
        // Not checkArgument: its varargs and boxing would allocate on every call of a training loop.
        if (row.rows != 1 || row.cols != cols) {
            throw new IllegalArgumentException("cannot add a " + row.shape() + " row vector to the rows of a " + shape()
                    + " matrix; it must be 1x" + cols);
        }
        if (floats != null && row.floats != null) {
            Engines.current().addRowVector(floats, rows, cols, row.floats);
        } else if (data != null && row.data != null) {
            Engines.current().addRowVector(data, rows, cols, row.data);
        } else {
            throw mixed("add the row vector", row);
        }
        return this;
    }

    // ---------------------------------------------------------------- reductions

    /**
     * Writes the sum of each column into the 1×cols matrix {@code out}, or adds it there when accumulating.
     *
     * @param out a 1 × cols() matrix of this matrix's precision
     * @param accumulate true to add the sums to {@code out}, false to overwrite it
     */
    public void columnSumsInto(Matrix out, boolean accumulate) {
        if (out.rows != 1 || out.cols != cols) {
            throw new IllegalArgumentException("column sums of a " + shape() + " matrix are 1x" + cols
                    + " but the output is " + out.shape());
        }
        if (floats != null && out.floats != null) {
            Engines.current().columnSums(floats, rows, cols, out.floats, accumulate);
        } else if (data != null && out.data != null) {
            Engines.current().columnSums(data, rows, cols, out.data, accumulate);
        } else {
            throw mixed("write the column sums into", out);
        }
    }

    /**
     * The sum of each column, as a new 1×cols matrix.
     *
     * @return a new 1 × cols() matrix
     */
    public Matrix columnSums() {
        Matrix out = new Matrix(1, cols, precision());
        columnSumsInto(out, false);
        return out;
    }

    /**
     * The sum of all elements, in double (a float32 matrix's elements too), in order.
     *
     * @return the sum, 0 for an empty matrix
     */
    public double sum() {
        double s = 0;
        if (floats != null) {
            for (float v : floats) {
                s += v;
            }
            return s;
        }
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /**
     * The sum of the squares of all elements, in double (a float32 matrix's elements widened first), in order: an
     * L2 penalty, a gradient's norm.
     *
     * @return {@code Σ x²}, 0 for an empty matrix
     */
    public double sumOfSquares() {
        double s = 0;
        if (floats != null) {
            for (float v : floats) {
                s += (double) v * v;
            }
            return s;
        }
        for (double v : data) {
            s += v * v;
        }
        return s;
    }

    /**
     * Where the first value that is NaN or infinite lies, in row-major order ({@code index / cols()} is its row), for
     * checks that name the bad value; one pass without a branch per element when every value is finite.
     *
     * @return the index of the first non-finite element, or -1 when every element is finite
     */
    public int firstNonFinite() {
        if (floats != null ? allFinite(floats) : allFinite(data)) {
            return -1;
        }
        for (int i = 0; i < size(); i++) {
            if (!Double.isFinite(element(i))) {
                return i;
            }
        }
        return -1;
    }

    /*
     * A finite x gives x·0 = ±0 and an infinity or NaN gives NaN, which every later sum keeps; eight sums, so the adds
     * do not wait on each other. fit checks all of its inputs every call (W3: 47 million values), and the loop with a
     * branch per element took 13% of a float32 W3 epoch.
     */
    private static boolean allFinite(double[] x) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < x.length; i += 8) {
            s0 += x[i] * 0.0;
            s1 += x[i + 1] * 0.0;
            s2 += x[i + 2] * 0.0;
            s3 += x[i + 3] * 0.0;
            s4 += x[i + 4] * 0.0;
            s5 += x[i + 5] * 0.0;
            s6 += x[i + 6] * 0.0;
            s7 += x[i + 7] * 0.0;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0;
    }

    private static boolean allFinite(float[] x) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < x.length; i += 8) {
            s0 += x[i] * 0f;
            s1 += x[i + 1] * 0f;
            s2 += x[i + 2] * 0f;
            s3 += x[i + 3] * 0f;
            s4 += x[i + 4] * 0f;
            s5 += x[i + 5] * 0f;
            s6 += x[i + 6] * 0f;
            s7 += x[i + 7] * 0f;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0f;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0;
    }

    private void checkSameShape(String operation, Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(
                    "cannot " + operation + " a " + other.shape() + " matrix and a " + shape() + " matrix; shapes must match");
        }
        if ((other.floats == null) != (floats == null)) {
            throw mixed(operation, other);
        }
    }

    private IllegalArgumentException mixed(String operation, Matrix other) {
        return new IllegalArgumentException("cannot " + operation + " " + other.describe() + " and " + describe()
                + ": precisions must match; convert one with toPrecision");
    }

    /** E.g. {@code "a 4x3 float32 matrix"}, as messages about precision name a matrix. */
    private String describe() {
        return "a " + shape() + " " + precision().label() + " matrix";
    }

    /** Equal shape, precision and bit-identical elements. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data)
                && Arrays.equals(m.floats, floats);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + (floats != null ? Arrays.hashCode(floats) + 1 : Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(shape());
        int shown = Math.min(rows, 8);
        for (int r = 0; r < shown; r++) {
            s.append(r == 0 ? " [" : ", ").append(Arrays.toString(row(r)));
        }
        return s.append(rows > shown ? ", ...]" : rows == 0 ? " []" : "]").toString();
    }
}
