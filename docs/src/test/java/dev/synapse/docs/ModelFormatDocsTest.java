package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of model-format.md. */
class ModelFormatDocsTest {

    @TempDir
    Path dir;

    private static Sequential xorModel(dev.synapse.core.Activation hidden) {
        return Sequential.builder().input(2)
                .add(Dense.units(3).activation(hidden))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
    }

    @Test
    void savingAndLoadingGiveTheSamePredictions() throws Exception {
        Sequential model = xorModel(sigmoid());
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        model.fit(x, Matrix.columnVector(0, 1, 1, 0), 100);
        Scaler scaler = Scaler.fitMinMax(Matrix.of(new double[][] {{4, 2}, {6, 4}}));

        // snippet:model-file-basics
        model.save(dir.resolve("xor.json"));                           // atomic: the old file survives any failure
        Sequential same = Sequential.load(dir.resolve("xor.json"));    // validated before anything is built

        ModelFile.of(model).withInputScaler(scaler).save(dir.resolve("scaled.json"));
        double[] y = ModelFile.load(dir.resolve("scaled.json")).predict(5.1, 3.5);   // raw inputs, scaled as in training
        // end-snippet

        assertThat(same.predict(x)).isEqualTo(model.predict(x));
        assertThat(y).containsExactly(model.predict(scaler.transform(5.1, 3.5)));
    }

    @Test
    void aUserActivationRoundTripsOnceRegistered() throws Exception {
        Sequential model = xorModel(new Softsign());
        Path path = dir.resolve("softsign.json");

        // snippet:model-file-registry
        Registry mine = Registry.withBuiltIns().registerActivation("softsign", args -> new Softsign());
        model.save(path, mine);
        Sequential back = Sequential.load(path, mine);
        // end-snippet

        assertThat(back.predict(1, 0)).containsExactly(model.predict(1, 0));
        assertThat(((Dense) back.layers().get(0)).activation().name()).isEqualTo("softsign");
    }
}
