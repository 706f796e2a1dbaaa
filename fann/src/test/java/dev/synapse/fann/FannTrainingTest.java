package dev.synapse.fann;

import static dev.synapse.fann.FannDriver.Flavour.DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Sparse;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Quickprop;
import dev.synapse.optimizers.Rprop;
import dev.synapse.optimizers.Sgd;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Networks FANN saved keep training in Synapse; FANN files Synapse cannot take are refused, naming the layer. */
class FannTrainingTest {

    @TempDir
    Path dir;

    @Test
    void aSparseFannNetworkTrainsWithEveryOptimizerAndItsMasksStayMasked() throws Exception {
        Path train = FannDriver.dataset("robot.train");
        Path net = FannDriver.make(DOUBLE, "sparse:0.4", train, dir.resolve("sparse.net"), 3, 5,
                FannImportTest.SIGMOID_SYMMETRIC, 0.5, FannImportTest.LINEAR, 0.5, 48, 20, 3);
        Dataset data = FannData.read(train);

        for (Optimizer optimizer : List.of(Rprop.fannDefaults(), Quickprop.fannDefaults(), Sgd.learningRate(0.01))) {
            List<Layer> layers = FannNetFile.read(net).model().layers();
            List<Matrix> masks = layers.stream().map(l -> ((Sparse) l).mask()).toList();
            Sequential model = Sequential.of(layers, Losses.fannMse(false), optimizer, 1);

            History history = model.fit(data.inputs(), data.targets(), 30);

            assertThat(history.finalLoss()).as("%s", optimizer).isLessThan(history.losses()[0]);
            for (int l = 0; l < layers.size(); l++) {
                Sparse sparse = (Sparse) model.layers().get(l);
                assertThat(sparse.mask()).isEqualTo(masks.get(l));
                Matrix w = sparse.weightMatrix();
                for (int i = 0; i < w.size(); i++) {
                    if (masks.get(l).data()[i] == 0) {
                        assertThat(w.data()[i]).as("%s: unconnected weight %s of layer %s", optimizer, i, l)
                                .isEqualTo(0.0);
                    }
                }
            }
        }
    }

    @Test
    void aFannNetworkWhoseLayerMixesSteepnessesIsRefusedNamingTheLayer() throws Exception {
        Path mixed = FannDriver.mixed(dir.resolve("mixed.net"));

        assertThatThrownBy(() -> FannNetFile.read(mixed))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("mixed.net line")
                .hasMessageContaining("layer 1 mixes activations: neuron 1 has FANN_SIGMOID_SYMMETRIC at steepness"
                        + " 0.75, neuron 0 FANN_SIGMOID_SYMMETRIC at steepness 0.5");
    }
}
