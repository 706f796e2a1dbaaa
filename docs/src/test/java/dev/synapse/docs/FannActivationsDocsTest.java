package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Rprop;
import org.junit.jupiter.api.Test;

/** The snippet of fann-activations.md. */
class FannActivationsDocsTest {

    @Test
    void aFannStyleNetworkLearnsXorWithRprop() {
        // snippet:fann-network
        Sequential model = Sequential.builder().input(2)
                .add(Dense.units(4).activation(FannActivations.sigmoidSymmetric()))              // FANN's default steepness, 0.5
                .add(Dense.units(1).activation(FannActivations.sigmoidSymmetric(1.0)))           // an explicit steepness
                .loss(Losses.fannMse(true))                  // the output is symmetric: FANN halves its error
                .optimizer(Rprop.fannDefaults())
                .seed(1)
                .build();
        // end-snippet
        Matrix x = Matrix.of(new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1}, new double[] {1, 1});
        Matrix y = Matrix.columnVector(-1, 1, 1, -1);

        History history = model.fit(x, y, Training.epochs(1000).targetLoss(0.001));

        assertThat(history.finalLoss()).isLessThanOrEqualTo(0.001);
        assertThat(model.evaluate(x, y).accuracy()).isEqualTo(1.0);
    }
}
