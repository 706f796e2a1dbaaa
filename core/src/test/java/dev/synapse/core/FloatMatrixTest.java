package dev.synapse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.engine.Product;
import org.junit.jupiter.api.Test;

class FloatMatrixTest {

    private final Matrix a = Matrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}}).toPrecision(Precision.FLOAT32);
    private final Matrix b = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}}).toPrecision(Precision.FLOAT32);

    @Test
    void aFloat32MatrixIsBackedByFloatsAndRefusesData() {
        Matrix m = new Matrix(2, 3, Precision.FLOAT32);

        assertThat(m.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(m.isFloat()).isTrue();
        assertThat(m.floatData()).hasSize(6);
        assertThatThrownBy(m::data).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2x3 matrix is float32").hasMessageContaining("floatData()");
        assertThatThrownBy(new Matrix(1, 1)::floatData).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("float64").hasMessageContaining("data()");
    }

    @Test
    void productsOfEveryFormStayFloat32() {
        Matrix ab = a.times(b);
        Matrix ata = new Matrix(3, 3, Precision.FLOAT32);
        Matrix aat = new Matrix(2, 2, Precision.FLOAT32);
        a.transposeTimesInto(a, ata);
        a.timesTransposeInto(a, aat);

        assertThat(ab.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(ab.toArray()).isEqualTo(new double[][] {{58, 64}, {139, 154}});
        assertThat(ata.toArray()).isEqualTo(new double[][] {{17, 22, 27}, {22, 29, 36}, {27, 36, 45}});
        assertThat(aat.toArray()).isEqualTo(new double[][] {{14, 32}, {32, 77}});
    }

    @Test
    void mixingPrecisionsThrowsNamingBothShapesAndPrecisions() {
        Matrix d = Matrix.of(new double[][] {{7, 8}, {9, 10}, {11, 12}});

        assertThatThrownBy(() -> a.times(d)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot multiply a 2x3 float32 matrix by a 3x2 float64 matrix into a 2x2 float32 matrix: "
                        + "a product's matrices must all have one precision; convert with toPrecision");
        assertThatThrownBy(() -> a.add(a.toPrecision(Precision.FLOAT64))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add a 2x3 float64 matrix and a 2x3 float32 matrix: precisions must match; "
                        + "convert one with toPrecision");
        assertThatThrownBy(() -> a.addRowVector(Matrix.rowVector(1, 2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x3 float64").hasMessageContaining("2x3 float32");
        assertThatThrownBy(() -> a.columnSumsInto(new Matrix(1, 3), false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1x3 float64").hasMessageContaining("2x3 float32");
        assertThatThrownBy(() -> new Matrix(2, 3).copyFrom(a)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precisions must match");
    }

    @Test
    void elementWiseOperationsComputeInFloat() {
        Matrix m = a.copy();

        m.add(a).subtract(a).addScaled(0.5, a).multiplyElements(a).scale(2).map(v -> v + 1);
        Matrix rowSums = Matrix.rowVector(1, 1, 1).toPrecision(Precision.FLOAT32);
        m.addRowVector(rowSums);

        assertThat(m.toArray()).isEqualTo(new double[][] {{5, 14, 29}, {50, 77, 110}});
        assertThat(m.columnSums().toArray()).isEqualTo(new double[][] {{55, 91, 139}});
        assertThat(m.columnSums().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(m.sum()).isEqualTo(285);
        assertThat(m.precision()).isEqualTo(Precision.FLOAT32);
    }

    @Test
    void setRoundsToFloatAndGetReadsTheFloatBack() {
        Matrix m = new Matrix(1, 2, Precision.FLOAT32);

        m.set(0, 1, 0.1);
        m.fill(0.1);

        assertThat(m.get(0, 1)).isEqualTo((double) 0.1f);
        assertThat(m.row(0)).containsExactly(0.1f, 0.1f);
    }

    @Test
    void conversionRoundsOnceAndWidensExactly() {
        Matrix d = Matrix.rowVector(0.1, 1e-50, 3);

        Matrix f = d.toPrecision(Precision.FLOAT32);

        assertThat(f.floatData()).containsExactly(0.1f, 0f, 3f);
        assertThat(f.toPrecision(Precision.FLOAT64).data()).containsExactly(0.1f, 0.0, 3.0);
        assertThat(f.toPrecision(Precision.FLOAT32)).isSameAs(f);
    }

    @Test
    void equalityTellsPrecisionsApart() {
        Matrix d = Matrix.rowVector(1, 2);
        Matrix f = d.toPrecision(Precision.FLOAT32);

        assertThat(f).isEqualTo(Matrix.wrapFloats(1, 2, 1f, 2f)).hasSameHashCodeAs(Matrix.wrapFloats(1, 2, 1f, 2f));
        assertThat(f).isNotEqualTo(d);
        assertThat(f.copy()).isEqualTo(f);
        assertThat(f.toString()).isEqualTo("Matrix 1x2 [[1.0, 2.0]]");
    }

    @Test
    void aProductIntoOneOfItsOperandsIsRefused() {
        Matrix square = new Matrix(2, 2, Precision.FLOAT32);

        assertThatThrownBy(() -> Matrix.multiply(Product.A_B, square, square.copy(), square, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be one of its operands");
    }
}
