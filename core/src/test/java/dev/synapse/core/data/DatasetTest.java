package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** Sample i has input i and target 10·i, so an order shows in either column. */
    private static Dataset numbered(int n) {
        Matrix inputs = new Matrix(n, 1);
        Matrix targets = new Matrix(n, 1);
        for (int i = 0; i < n; i++) {
            inputs.set(i, 0, i);
            targets.set(i, 0, 10 * i);
        }
        return Dataset.of(inputs, targets);
    }

    @Test
    void shufflesInNumpysPermutationOrder() {
        Dataset shuffled = numbered(10).shuffle(1);

        // np.random.seed(1); np.random.permutation(10)
        assertThat(shuffled.inputs().data()).containsExactly(2, 9, 6, 4, 0, 3, 1, 7, 8, 5);
        assertThat(shuffled.targets().data()).containsExactly(20, 90, 60, 40, 0, 30, 10, 70, 80, 50);
    }

    @Test
    void splitsInOrderAtTheFraction() {
        Dataset.Split split = numbered(10).split(0.8);

        assertThat(split.train().inputs().data()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(split.test().inputs().data()).containsExactly(8, 9);
    }

    @Test
    void refusesASplitThatLeavesAPartEmpty() {
        assertThatThrownBy(() -> numbered(4).split(0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("splitting 4 samples at 0.1 leaves 0 for training and 4 for testing;"
                        + " both need at least one sample");
    }

    @Test
    void keepsItsOwnCopies() {
        Matrix inputs = Matrix.columnVector(1, 2);
        Dataset data = Dataset.of(inputs, Matrix.columnVector(3, 4));

        inputs.set(0, 0, 99);
        data.inputs().set(1, 0, 99);

        assertThat(data.inputs().data()).containsExactly(1, 2);
    }

    @Test
    void refusesInputsAndTargetsOfDifferentLengths() {
        assertThatThrownBy(() -> Dataset.of(Matrix.columnVector(1, 2), Matrix.columnVector(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputs have 2 rows but targets have 1");
    }

    @Test
    void scalesInputsAndTargetsWithScalersFittedElsewhere() {
        Dataset.Split split = numbered(4).split(0.5);
        Scaler inputs = Scaler.fitMinMax(split.train().inputs());
        Scaler targets = Scaler.fitMinMax(split.train().targets());

        Dataset test = split.test().scaleInputs(inputs).scaleTargets(targets);

        assertThat(test.inputs().data()).containsExactly(2, 3);
        assertThat(test.targets().data()).containsExactly(2, 3);
    }
}
