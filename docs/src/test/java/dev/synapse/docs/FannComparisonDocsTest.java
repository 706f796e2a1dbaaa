package dev.synapse.docs;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.fann.CascadeNeuron;
import dev.synapse.fann.CascadeResult;
import dev.synapse.fann.CascadeTraining;
import dev.synapse.fann.FannNetFile;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Rprop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet of fann-comparison.md: the FANN calls of a typical program, each through its Synapse counterpart. */
class FannComparisonDocsTest {

    @Test
    void aFannProgramInSynapseReadsScalesTrainsTestsSavesAndRuns(@TempDir Path dir) throws Exception {
        FannData.write(Dataset.of(Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}),
                Matrix.columnVector(-1, 1, 1, -1)), dir.resolve("xor.data"));

        // snippet:fann-calls
        Dataset data = FannData.read(dir.resolve("xor.data"));              // fann_read_train_from_file
        Dataset shuffled = data.shuffle(7);                                  // fann_shuffle_train_data
        Scaler scaling = Scaler.fitMinMax(shuffled.inputs(), -1, 1);         // fann_set_scaling_params
        Dataset scaled = shuffled.scaleInputs(scaling);                      // fann_scale_input_train_data
        Sequential ann = Sequential.builder().input(2)                       // fann_create_standard(3, 2, 3, 1)
                .add(Dense.units(3).activation(FannActivations.sigmoidSymmetric())
                        .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                .add(Dense.units(1).activation(FannActivations.sigmoidSymmetric())
                        .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                .loss(Losses.fannMse(true))                                  // FANN_ERRORFUNC_TANH, symmetric output
                .optimizer(Rprop.fannDefaults().deltaMax(50))                // fann_set_rprop_delta_max
                .seed(1)
                .build();
        List<Long> bitFails = new ArrayList<>();
        History history = ann.fit(scaled.inputs(), scaled.targets(), Training.epochs(1000)  // fann_train_on_data
                .targetLoss(0.0001)
                .report(1, r -> bitFails.add(r.bitFails())));                // fann_set_callback
        Metrics test = ann.evaluate(scaled.inputs(), scaled.targets());      // fann_test_data, fann_get_MSE
        ModelFile.of(ann).withInputScaler(scaling).save(dir.resolve("xor.model"));          // fann_save
        double[] out = ModelFile.load(dir.resolve("xor.model")).predict(1, 0); // fann_scale_input, fann_run
        // end-snippet

        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(history.finalLoss()).isLessThanOrEqualTo(0.0001);
        assertThat(bitFails).hasSize(history.epochs());
        assertThat(bitFails.get(bitFails.size() - 1)).isZero();
        assertThat(test.loss()).isLessThan(0.01);
        assertThat(scaling.minimums()).containsExactly(0.0, 0.0);
        assertThat(out[0]).isCloseTo(ann.predict(scaling.transform(1, 0))[0], within(1e-12)).isGreaterThan(0.8);
    }

    @Test
    void cascadeTrainingGrowsXorUntilTheDesiredErrorAndTheNetworkSavesAndExports(@TempDir Path dir) throws Exception {
        Dataset data = Dataset.of(Matrix.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}),
                Matrix.columnVector(-1, 1, 1, -1));

        // snippet:fann-cascade
        CascadeResult result = CascadeTraining.defaults()                  // fann_cascadetrain_on_data
                .maxNeurons(30).desiredError(0.001)
                .outputActivation(FannActivations.sigmoidSymmetric())       // fann_set_activation_function_output
                .train(data.inputs(), data.targets(), 1);
        List<String> report = new ArrayList<>();
        for (CascadeNeuron n : result.neurons()) {                          // one line per added neuron
            report.add("neuron " + n.number() + ": " + n.activation() + ", MSE " + n.mse());
        }
        Sequential grown = result.model();                                  // Shortcut layers, then a Dense output
        grown.save(dir.resolve("xor-cascade.model"));                       // Synapse's model file
        FannNetFile.write(grown, dir.resolve("xor-cascade.net"));           // fann_save
        // end-snippet

        assertThat(result.goalReached()).isTrue();
        assertThat(result.mse()).isLessThanOrEqualTo(0.001);
        assertThat(report).hasSize(result.neurons().size()).isNotEmpty();
        assertThat(grown.evaluate(data.inputs(), data.targets()).loss()).isCloseTo(result.mse(), within(1e-15));
        assertThat(Sequential.load(dir.resolve("xor-cascade.model")).predict(data.inputs()).data())
                .containsExactly(grown.predict(data.inputs()).data());
        assertThat(FannNetFile.read(dir.resolve("xor-cascade.net")).model().layers()).hasSameSizeAs(grown.layers());
    }
}
