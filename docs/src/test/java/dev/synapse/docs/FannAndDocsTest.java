package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Rprop;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of example-fann-and.md: FANN's tutorial through the public API. */
class FannAndDocsTest {

    @Test
    void theTutorialTrainsSavesLoadsAndAnswersMinusOne(@TempDir Path dir) throws Exception {
        // snippet:fann-and-data
        Dataset andData = Dataset.of(Matrix.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}),
                Matrix.columnVector(-1, -1, -1, 1));
        FannData.write(andData, dir.resolve("and.data"));
        // end-snippet
        double[] answer = new double[1];
        History[] trained = new History[1];

        String printed = Stdout.capture(() -> {
            // snippet:fann-and
            Dataset and = FannData.read(dir.resolve("and.data"));
            Sequential network = Sequential.builder().input(2)       // fann_create_standard(3, 2, 4, 1)
                    .add(Dense.units(4).activation(FannActivations.sigmoidStepwise())
                            .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                    .add(Dense.units(1).activation(FannActivations.sigmoidSymmetricStepwise())
                            .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                    .loss(Losses.fannMse(true))            // FANN's MSE; the output is symmetric, so errors are halved
                    .optimizer(Rprop.fannDefaults())       // FANN_TRAIN_RPROP: the learning rate 0.7 plays no part
                    .seed(1)
                    .build();

            History history = network.fit(and.inputs(), and.targets(), Training.epochs(10_000)
                    .targetLoss(0.00001)
                    .report(1, r -> {                      // FANN's schedule: epoch 1, every 1000th, the last
                        if (r.epoch() == 1 || r.epoch() % 1000 == 0 || r.loss() <= 0.00001) {
                            System.out.printf("Epochs %8d. Current error: %.10f. Bit fail %d.%n",
                                    r.epoch(), r.loss(), r.bitFails());
                        }
                    }));
            network.save(dir.resolve("and.model"));

            Sequential loaded = Sequential.load(dir.resolve("and.model"));
            double[] out = loaded.predict(-1, 1);          // about -1
            // end-snippet
            answer[0] = out[0];
            trained[0] = history;
        });

        assertThat(answer[0]).isLessThan(-0.9);
        assertThat(trained[0].epochs()).isEqualTo(16);
        assertThat(printed.lines()).hasSize(2);
        assertThat(printed).startsWith("Epochs        1. Current error: ").contains("Epochs       16. ");
    }
}
