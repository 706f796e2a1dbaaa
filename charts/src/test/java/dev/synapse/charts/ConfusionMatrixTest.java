package dev.synapse.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    // Three classes; class 0 is twice taken for class 2, class 2 is never predicted wrong.
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 2, 2, 1, 0, 2, 2, 2};

    @Test
    void countsEachActualAndPredictedPair() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, ACTUAL, PREDICTED);

        assertThat(matrix.count(0, 0)).isEqualTo(2);
        assertThat(matrix.count(0, 2)).isEqualTo(2);
        assertThat(matrix.count(1, 0)).isEqualTo(1);
        assertThat(matrix.count(2, 2)).isEqualTo(3);
        assertThat(matrix.count(2, 0)).isZero();
        assertThat(matrix.total()).isEqualTo(9);
        assertThat(matrix.support(0)).isEqualTo(4);
    }

    @Test
    void readsAccuracyRecallAndPrecisionFromTheCounts() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, ACTUAL, PREDICTED);

        assertThat(matrix.accuracy()).isCloseTo(6.0 / 9, within(1e-15));
        assertThat(matrix.recall(0)).isEqualTo(0.5);
        assertThat(matrix.recall(1)).isEqualTo(0.5);
        assertThat(matrix.recall(2)).isEqualTo(1.0);
        assertThat(matrix.precision(0)).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(matrix.precision(1)).isEqualTo(1.0);
        assertThat(matrix.precision(2)).isEqualTo(0.6);
    }

    @Test
    void aClassNeverPredictedHasNoPrecision() {
        ConfusionMatrix matrix = ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {0, 0});

        assertThat(matrix.precision(1)).isNaN();
        assertThat(matrix.recall(2)).isNaN();
    }

    @Test
    void refusesAClassOutsideTheRangeNamingTheSample() {
        assertThatThrownBy(() -> ConfusionMatrix.of(3, new int[] {0, 3}, new int[] {0, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sample 1: actual class 3, predicted 1; classes are 0 to 2");
        assertThatThrownBy(() -> ConfusionMatrix.of(3, new int[] {0, 1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 actual classes but 1 predictions");
    }
}
