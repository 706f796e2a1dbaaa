package dev.synapse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.engine.Product;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private final Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});      // 2x3
    private final Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});  // 3x2

    @Test
    void timesMultipliesRowsByColumns() {
        assertThat(a.times(b).toArray()).isEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void transposeTimesReadsTheLeftOperandTransposed() {
        Matrix out = new Matrix(3, 3);

        a.transposeTimesInto(a, out);

        assertThat(out.toArray()).isEqualTo(new double[][] {{17, 22, 27}, {22, 29, 36}, {27, 36, 45}});
    }

    @Test
    void timesTransposeReadsTheRightOperandTransposed() {
        Matrix out = new Matrix(2, 2);

        a.timesTransposeInto(a, out);

        assertThat(out.toArray()).isEqualTo(new double[][] {{14, 32}, {32, 77}});
    }

    @Test
    void accumulatingProductAddsToTheOutput() {
        Matrix out = new Matrix(2, 2).fill(1);

        Matrix.multiply(Product.A_B, a, b, out, true);

        assertThat(out.toArray()).isEqualTo(new double[][] {{59, 65}, {140, 155}});
    }

    @Test
    void productWithMismatchedInnerDimensionsNamesBothShapes() {
        assertThatThrownBy(() -> a.times(a))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot multiply 2x3 by 2x3: inner dimensions 3 and 2 differ");
    }

    @Test
    void productIntoWrongShapeNamesBothShapes() {
        assertThatThrownBy(() -> a.timesInto(b, new Matrix(3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the product 2x3 by 3x2 is 2x2 but the output matrix is 3x3");
    }

    @Test
    void productRefusesToWriteIntoAnOperand() {
        Matrix square = Matrix.of(new double[][] {{1, 2}, {3, 4}});

        assertThatThrownBy(() -> square.timesInto(square, square))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be one of its operands");
    }

    @Test
    void addRowVectorAddsToEveryRow() {
        a.copy();
        Matrix m = a.copy().addRowVector(Matrix.rowVector(10, 20, 30));

        assertThat(m.toArray()).isEqualTo(new double[][] {{11, 22, 33}, {14, 25, 36}});
    }

    @Test
    void addRowVectorOfWrongWidthNamesTheShapes() {
        assertThatThrownBy(() -> a.copy().addRowVector(Matrix.rowVector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add a 1x2 row vector to the rows of a 2x3 matrix; it must be 1x3");
    }

    @Test
    void columnSumsSumEachColumn() {
        assertThat(a.columnSums().data()).containsExactly(5, 7, 9);
    }

    @Test
    void elementWiseOperationsWorkInPlace() {
        Matrix m = a.copy();

        m.add(a).subtract(Matrix.of(new double[][] {{1, 1, 1}, {1, 1, 1}})).multiplyElements(a).scale(0.5);

        assertThat(m.toArray()).isEqualTo(new double[][] {{0.5, 3, 7.5}, {14, 22.5, 33}});
        assertThat(m.copy().addScaled(-2, m).sum()).isEqualTo(-m.sum());
        assertThat(a.copy().map(x -> x * x).data()).containsExactly(1, 4, 9, 16, 25, 36);
    }

    @Test
    void elementWiseOperationOnDifferentShapesNamesBoth() {
        assertThatThrownBy(() -> a.copy().add(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add a 3x2 matrix and a 2x3 matrix; shapes must match");
    }

    @Test
    void ofRejectsRaggedRows() {
        assertThatThrownBy(() -> Matrix.of(new double[] {1, 2}, new double[] {3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 values but row 0 has 2; all rows must have the same length");
    }

    @Test
    void wrapSharesTheArrayAndChecksItsLength() {
        double[] data = {1, 2, 3, 4};
        Matrix m = Matrix.wrap(2, 2, data);
        data[3] = 9;

        assertThat(m.get(1, 1)).isEqualTo(9);
        assertThatThrownBy(() -> Matrix.wrap(2, 3, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2x3 matrix needs 6 values but got 4");
    }

    @Test
    void getOutsideTheMatrixNamesTheIndexAndShape() {
        assertThatThrownBy(() -> a.get(2, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("element (2, 0) is outside the 2x3 matrix");
    }

    @Test
    void firstNonFiniteFindsTheFirstNanOrInfinityInEitherPrecision() {
        for (Precision precision : Precision.values()) {
            // 21 values: past the eight-wide scan and into its tail.
            Matrix m = new Matrix(3, 7, precision);
            assertThat(m.firstNonFinite()).as(precision.toString()).isEqualTo(-1);

            m.set(2, 5, Double.NEGATIVE_INFINITY);
            assertThat(m.firstNonFinite()).as(precision.toString()).isEqualTo(19);
            m.set(1, 2, Double.NaN);
            assertThat(m.firstNonFinite()).as(precision.toString()).isEqualTo(9);
            m.set(0, 0, Double.POSITIVE_INFINITY);
            assertThat(m.firstNonFinite()).as(precision.toString()).isEqualTo(0);
        }
        assertThat(Matrix.of(new double[][] {{Double.MAX_VALUE, -0.0, Double.MIN_VALUE}}).firstNonFinite())
                .isEqualTo(-1);
    }
}
