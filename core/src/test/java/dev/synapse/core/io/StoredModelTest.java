package dev.synapse.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.testing.Fixtures.Linear;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain data the model-file formats read and write checks that its parts fit together. */
class StoredModelTest {

    private static Layer linear(int in, int out) {
        return new Linear(new Matrix(in, out));
    }

    @Test
    void takesItsInputSizeFromTheFirstLayer() {
        StoredModel model = StoredModel.of(List.of(linear(3, 2), linear(2, 1)), null);

        assertThat(model.inputSize()).isEqualTo(3);
        assertThat(model.outputSize()).isEqualTo(1);
        assertThat(model.inputScaler()).isNull();
    }

    @Test
    void refusesLayersThatDoNotChainNamingTheLayer() {
        assertThatThrownBy(() -> StoredModel.of(List.of(linear(3, 2), linear(4, 1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 (linear) expects 4 inputs per sample but the layer before it gives 2");
    }

    @Test
    void refusesAScalerOfAnotherWidth() {
        Scaler twoColumns = Scaler.zScore(new double[] {0, 0}, new double[] {1, 1});

        assertThatThrownBy(() -> new StoredModel(3, List.of(linear(3, 1)), null, twoColumns, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input scaler has 2 columns but the model takes 3 inputs");
    }
}
