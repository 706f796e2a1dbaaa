package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private static final Matrix DATA = Matrix.of(
            new double[] {1, 10, 5}, new double[] {2, 30, 5}, new double[] {3, 20, 5}, new double[] {4, 40, 5});

    @Test
    void minMaxMapsEachColumnOntoTheRange() {
        Scaler scaler = Scaler.fitMinMax(DATA, -1, 1);

        Matrix scaled = scaler.transform(DATA);

        assertThat(scaler.type()).isEqualTo(Scaler.Type.MIN_MAX);
        assertThat(scaler.minimums()).containsExactly(1, 10, 5);
        assertThat(scaler.maximums()).containsExactly(4, 40, 5);
        assertThat(scaled.row(0)).containsExactly(new double[] {-1, -1, -1}, within(1e-15));
        assertThat(scaled.row(3)).containsExactly(new double[] {1, 1, -1}, within(1e-15));
        assertThat(scaled.get(1, 1)).isCloseTo(1.0 / 3, within(1e-15));
    }

    @Test
    void zScoreUsesThePopulationStandardDeviation() {
        Scaler scaler = Scaler.fitZScore(DATA);

        Matrix scaled = scaler.transform(DATA);

        assertThat(scaler.means()).containsExactly(2.5, 25, 5);
        assertThat(scaler.standardDeviations()[0]).isCloseTo(Math.sqrt(1.25), within(1e-15));
        assertThat(scaled.get(0, 0)).isCloseTo(-1.5 / Math.sqrt(1.25), within(1e-15));
        assertThat(scaled.get(2, 2)).isZero();
    }

    @Test
    void inverseUndoesTransform() {
        for (Scaler scaler : new Scaler[] {Scaler.fitMinMax(DATA), Scaler.fitZScore(DATA)}) {
            Matrix back = scaler.inverse(scaler.transform(DATA));

            for (int r = 0; r < DATA.rows(); r++) {
                assertThat(back.row(r)).containsExactly(DATA.row(r), within(1e-12));
            }
        }
    }

    @Test
    void leavesTheFittedDataUnchanged() {
        Matrix data = DATA.copy();

        Scaler.fitZScore(data).transform(data);

        assertThat(data).isEqualTo(DATA);
    }

    @Test
    void refusesDataOfAnotherWidth() {
        Scaler scaler = Scaler.fitMinMax(DATA);

        assertThatThrownBy(() -> scaler.transform(new Matrix(2, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the scaler was fitted on 3 columns but the data is 2x2");
    }

    @Test
    void isRebuiltFromItsNumbers() {
        Scaler fitted = Scaler.fitMinMax(DATA, -1, 1);

        Scaler rebuilt = Scaler.minMax(fitted.minimums(), fitted.maximums(), fitted.low(), fitted.high());

        assertThat(rebuilt).isEqualTo(fitted);
    }
}
