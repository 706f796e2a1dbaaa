package dev.synapse.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.testing.Fixtures.Linear;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format on its own: a {@link StoredModel} goes to a file and back with no model class involved. */
class StoredModelFileTest {

    @TempDir
    Path dir;

    @Test
    void aStoredModelWithScalersComesBackFromItsFileAsItWasWritten() throws IOException {
        Scaler inputs = Scaler.zScore(new double[] {1, 2}, new double[] {0.5, 4});
        Scaler targets = Scaler.minMax(new double[] {-3}, new double[] {7}, -1, 1);
        StoredModel written = new StoredModel(2, List.of(new Linear(Matrix.wrap(2, 1, new double[] {0.25, -1.5}))),
                null, inputs, targets);
        Path file = dir.resolve("plain.json");

        written.write(file, SaveLoop.REGISTRY);
        StoredModel read = StoredModel.read(file, SaveLoop.REGISTRY);

        assertThat(read.inputSize()).isEqualTo(2);
        assertThat(read.layers()).hasSize(1);
        assertThat(read.layers().get(0).type()).isEqualTo("linear");
        assertThat(read.layers().get(0).parameters().get(0).value().data()).containsExactly(0.25, -1.5);
        assertThat(read.loss()).isNull();
        assertThat(read.inputScaler()).isEqualTo(inputs);
        assertThat(read.targetScaler()).isEqualTo(targets);
    }
}
