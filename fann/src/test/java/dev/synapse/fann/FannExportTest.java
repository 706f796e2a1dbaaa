package dev.synapse.fann;

import static dev.synapse.fann.FannDriver.Flavour.DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.Activations;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.FannData;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.fann.FannDriver.Flavour;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Synapse models written as .net files load in FANN 2.2 ({@code fann_create_from_file}) and run identically. */
class FannExportTest {

    @TempDir
    Path dir;

    private static Sequential.Builder robotShaped() {
        return Sequential.builder().input(48).seed(11);
    }

    /** fann_run of the exported file beside Synapse's predict, on robot's test inputs. */
    private void assertFannRunsItAsSynapse(Flavour flavour, Sequential model) throws Exception {
        Path net = dir.resolve("exported.net");
        FannNetFile.write(model, net);
        Path data = FannDriver.dataset("robot.test");

        double[][] fann = FannDriver.run(flavour, net, data, false);
        Matrix ours = model.predict(FannData.read(data).inputs());

        FannDriver.assertAgrees("exported.net", ours, fann, FannImportTest.tolerance(flavour));
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aDenseModelWithFannActivationsRunsInFannAsInSynapse(Flavour flavour) throws Exception {
        Sequential model = robotShaped()
                .add(Dense.units(12).activation(FannActivations.sigmoidSymmetricStepwise()))
                .add(Dense.units(6).activation(FannActivations.elliott(0.8)))
                .add(Dense.units(3).activation(FannActivations.linear(0.5))).build();

        assertFannRunsItAsSynapse(flavour, model);
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void plainSigmoidTanhAndIdentityWithoutBiasRunInFannAsInSynapse(Flavour flavour) throws Exception {
        Sequential model = robotShaped()
                .add(Dense.units(8).activation(Activations.tanh()).withoutBias())
                .add(Dense.units(5).activation(Activations.sigmoid()).bias(Initializers.uniform(-1, 1)))
                .add(Dense.units(3).activation(Activations.identity())).build();

        assertFannRunsItAsSynapse(flavour, model);
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aSparseModelRunsInFannAsInSynapse(Flavour flavour) throws Exception {
        Sequential model = robotShaped()
                .add(Sparse.units(10).activation(FannActivations.sigmoidSymmetric()).connectionRate(0.3)
                        .bias(Initializers.uniform(-0.5, 0.5)))
                .add(Dense.units(3).activation(FannActivations.sigmoid(0.9))).build();

        assertFannRunsItAsSynapse(flavour, model);
        assertThat(Files.readString(dir.resolve("exported.net"))).contains("connection_rate=0.");
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aShortcutModelRunsInFannAsInSynapse(Flavour flavour) throws Exception {
        Sequential model = robotShaped()
                .add(Shortcut.units(4).activation(FannActivations.sigmoidSymmetric()).bias(Initializers.uniform(-1, 1)))
                .add(Shortcut.units(1).activation(FannActivations.gaussian(0.6)))
                .add(Dense.units(3).activation(FannActivations.sigmoidSymmetric(0.5))).build();

        assertFannRunsItAsSynapse(flavour, model);
        assertThat(Files.readString(dir.resolve("exported.net"))).contains("network_type=1", "layer_sizes=49 4 1 3 ");
    }

    @Test
    void aFannNetworkImportedAndExportedAgainRunsInFannBitForBit() throws Exception {
        Path robot = FannDriver.dataset("robot.train");
        Path original = FannDriver.make(DOUBLE, "shortcut", robot, dir.resolve("original.net"), 9, 20,
                FannImportTest.SIGMOID_SYMMETRIC, 0.5, FannImportTest.LINEAR, 0.5, 48, 16, 3);
        Path again = dir.resolve("again.net");

        FannNetFile.write(FannNetFile.read(original), again);

        assertThat(FannDriver.run(DOUBLE, again, robot, false)).isDeepEqualTo(FannDriver.run(DOUBLE, original, robot,
                false));
    }

    @Test
    void aSparseFannNetworkImportedAndExportedAgainRunsInFannAsBefore() throws Exception {
        Path robot = FannDriver.dataset("robot.train");
        Path original = FannDriver.make(DOUBLE, "sparse:0.5", robot, dir.resolve("original.net"), 9, 20,
                FannImportTest.SIGMOID_SYMMETRIC, 0.5, FannImportTest.LINEAR, 0.5, 48, 16, 3);
        Path again = dir.resolve("again.net");

        FannNetFile.write(FannNetFile.read(original), again);

        // FANN lists a sparse neuron's bias connection first, Synapse last: the sums add up in another order.
        double[][] before = FannDriver.run(DOUBLE, original, robot, false);
        double[][] after = FannDriver.run(DOUBLE, again, robot, false);
        for (int r = 0; r < before.length; r++) {
            assertThat(after[r]).containsExactly(before[r], within(1e-12));
        }
    }

    @Test
    void scalersBecomeFannScalingThatFannAppliesAsSynapseDoes() throws Exception {
        Sequential model = Sequential.builder().input(2)
                .add(Dense.units(3).activation(FannActivations.sigmoidSymmetric()))
                .add(Dense.units(1).activation(FannActivations.linear(1))).seed(4).build();
        // Numbers FANN's six decimals hold exactly, so the file carries the scalers unrounded.
        ModelFile file = ModelFile.of(model).withInputScaler(Scaler.zScore(new double[] {0.5, -0.25},
                new double[] {2, 0.5})).withTargetScaler(Scaler.minMax(new double[] {-3}, new double[] {5}, -1, 1));
        Path net = dir.resolve("scaled.net");
        FannNetFile.write(file, net);
        Path xor = FannDriver.dataset("xor.data");

        double[][] fann = FannDriver.run(DOUBLE, net, xor, true);
        Matrix ours = file.predict(FannData.read(xor).inputs());

        FannDriver.assertAgrees("scaled.net", ours, fann, 1e-12);
        Matrix back = FannNetFile.read(net).predict(FannData.read(xor).inputs());
        assertThat(back.data()).containsExactly(ours.data(), within(1e-12));
    }

    @Test
    void refusesAnActivationFannDoesNotHaveNamingTheLayer() {
        Sequential model = Sequential.builder().input(2).add(Dense.units(3).activation(Activations.tanh()))
                .add(Dense.units(1).activation(Activations.relu())).seed(1).build();

        assertThatThrownBy(() -> FannNetFile.write(model, dir.resolve("relu.net")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 (dense) uses activation 'relu', which FANN does not have; FANN networks use"
                        + " FANN's activations (FannActivations), sigmoid, tanh or identity");
        assertThat(dir.resolve("relu.net")).doesNotExist();
    }

    @Test
    void refusesALayerKindFannDoesNotHaveNamingTheLayer() {
        Sequential model = Sequential.of(java.util.List.of(new Dense(Activations.tanh(), new Matrix(2, 2), null),
                new Doubling(2)), null, null, 1);

        assertThatThrownBy(() -> FannNetFile.write(model, dir.resolve("doubling.net")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 (doubling) has no FANN counterpart: a FANN network holds dense, sparse and"
                        + " shortcut layers only");
    }

    @Test
    void refusesADenseHiddenLayerInAShortcutNetwork() {
        Sequential model = Sequential.builder().input(2).add(Shortcut.units(2).activation(Activations.tanh()))
                .add(Dense.units(2).activation(Activations.tanh())).add(Dense.units(1).activation(Activations.tanh()))
                .seed(1).build();

        assertThatThrownBy(() -> FannNetFile.write(model, dir.resolve("mixed.net")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 1 (dense) follows a shortcut layer; a FANN shortcut network is shortcut layers"
                        + " followed by one dense output layer");
    }

    /** {@code y = 2x}: a layer kind of the user's that FANN has no counterpart for. */
    private record Doubling(int width) implements dev.synapse.core.Layer {
        @Override
        public String type() {
            return "doubling";
        }

        @Override
        public int inputSize() {
            return width;
        }

        @Override
        public int outputSize() {
            return width;
        }

        @Override
        public java.util.List<dev.synapse.core.Parameter> parameters() {
            return java.util.List.of();
        }

        @Override
        public void forward(Matrix input, Matrix state, Matrix output) {
            output.copyFrom(input).scale(2);
        }

        @Override
        public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
            if (inputGradient != null) {
                inputGradient.copyFrom(outputGradient).scale(2);
            }
        }
    }
}
