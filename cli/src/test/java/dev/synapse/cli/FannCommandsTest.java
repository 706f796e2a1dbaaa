package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.Activations;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.fann.FannNetFile;
import dev.synapse.layers.Dense;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-fann}, {@code export-fann}, and run, test and info on a FANN .net file. */
class FannCommandsTest {

    /** A 2-2-1 network: FANN_SIGMOID_SYMMETRIC hidden units at steepness 1, a FANN_SIGMOID output at 0.5. */
    private static Sequential xor() {
        return Sequential.of(List.of(new Dense(FannActivations.sigmoidSymmetric(1), Matrix.of(new double[][] {
            {1.5, 0.5}, {-2.0, 0.75}}), Matrix.rowVector(0.25, -1.0)),
                new Dense(FannActivations.sigmoid(), Matrix.columnVector(2.0, -3.0), Matrix.rowVector(0.5))),
                null, null, 1);
    }

    @TempDir
    Path dir;

    /** The network as FANN's xor.net. */
    private Path net() throws IOException {
        Path net = dir.resolve("xor.net");
        FannNetFile.write(xor(), net);
        return net;
    }

    /** fann_run of NET on (1, 1), worked out by hand. */
    private static double expectedOutput() {
        double h0 = Math.tanh(1.5 - 2.0 + 0.25);
        double h1 = Math.tanh(0.5 + 0.75 - 1.0);
        return 1 / (1 + Math.exp(-(2 * h0 - 3 * h1 + 0.5)));
    }

    @Test
    void runTakesAFannFileDirectly() throws IOException {
        Cli.Run run = Cli.run("run", net().toString(), "1", "1");

        assertThat(run.err()).isEmpty();
        assertThat(Double.parseDouble(run.out().strip()))
                .isCloseTo(expectedOutput(), within(1e-15));
    }

    @Test
    void importFannWritesAModelThatRunsAsTheFannFile() throws IOException {
        Path model = dir.resolve("xor.model");

        Cli.Run imported = Cli.run("import-fann", net().toString(), model.toString());
        Cli.Run run = Cli.run("run", model.toString(), "1", "1");

        assertThat(imported.out()).isEqualTo("Imported " + net() + " (2-2-1) to " + model + ".\n");
        assertThat(run.out()).isEqualTo(Cli.run("run", net().toString(), "1", "1").out());
    }

    @Test
    void infoAndTestTakeAFannFile() throws IOException {
        Path data = Files.writeString(dir.resolve("xor.data"), "2 2 1\n1 1\n0\n-1 1\n1\n");

        Cli.Run info = Cli.run("info", net().toString());
        Cli.Run test = Cli.run("test", net().toString(), data.toString());

        assertThat(info.out()).contains("Architecture: 2-2-1",
                "layer 0:    dense, 2 -> 2, sigmoid-symmetric (steepness 1.0), bias",
                "layer 1:    dense, 2 -> 1, fann-sigmoid (steepness 0.5), bias");
        assertThat(test.exitCode()).isZero();
        assertThat(test.out()).contains("MSE:", "Bit fails:");
    }

    @Test
    void exportFannWritesAFileThatReadsBackToTheSameOutputs() throws IOException {
        Path back = dir.resolve("back.net");

        Cli.Run export = Cli.run("export-fann", net().toString(), back.toString());

        assertThat(export.exitCode()).isZero();
        assertThat(Files.readString(back)).startsWith("FANN_FLO_2.1\nnum_layers=3\n");
        assertThat(Cli.run("run", back.toString(), "1", "1").out()).isEqualTo(Cli.run("run", net().toString(), "1",
                "1").out());
    }

    @Test
    void exportFannRefusesAModelFannCannotHoldNamingTheLayer() throws IOException {
        Path model = dir.resolve("relu.model");
        Sequential.builder().input(2).add(Dense.units(2).activation(Activations.relu()))
                .add(Dense.units(1).activation(Activations.sigmoid())).seed(1).build().save(model);

        Cli.Run export = Cli.run("export-fann", model.toString(), dir.resolve("relu.net").toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).isEqualTo("synapse: " + model + ": cannot be written as a FANN network: layer 0"
                + " (dense) uses activation 'relu', which FANN does not have; FANN networks use FANN's activations"
                + " (FannActivations), sigmoid, tanh or identity\n");
    }

    /**
     * A FANN fixed-point file at decimal point 2 (multiplier 4): one input, two FANN_LINEAR outputs with weights
     * -0.75 and 0.75 (-3 and 3), no bias weight. Only the keys Synapse reads.
     */
    private Path fixedNet() throws IOException {
        return Files.writeString(dir.resolve("fixed.net"), """
                FANN_FIX_2.0
                decimal_point=2
                num_layers=2
                connection_rate=1.000000
                network_type=0
                layer_sizes=2 3
                neurons (num_inputs, activation_function, activation_steepness)=(0, 0, 0) (0, 0, 0) (2, 0, 4) \
                (2, 0, 4) (0, 0, 4)
                connections (connected_to_neuron, weight)=(0, -3) (1, 0) (0, 3) (1, 0)
                """);
    }

    @Test
    void runComputesAFixedPointFileAsLibfixedfannInItsIntegers() throws IOException {
        Cli.Run run = Cli.run("run", fixedNet().toString(), "0.3");

        // 0.3 is 1 / 4 in fixed point; -3 · 1 / 4 truncates to -1 (-0.25), 3 · 1 / 4 to 0, where the
        // double-precision model gives -0.225 and 0.225.
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("-0.25 0.0\n");
        assertThat(FannNetFile.read(fixedNet()).model().predict(0.3)).containsExactly(new double[] {-0.225, 0.225},
                within(1e-15));
    }

    @Test
    void infoSaysAFileIsFixedPoint() throws IOException {
        Cli.Run info = Cli.run("info", fixedNet().toString());

        assertThat(info.out()).contains("Architecture: 1-2", "Fixed point:  decimal point 2 (multiplier 4); 'synapse"
                + " run' computes libfixedfann's integers, the layers below are the double-precision model");
        assertThat(Cli.run("info", net().toString()).out()).doesNotContain("Fixed point");
    }

    @Test
    void runRefusesAnInputFixedPointCannotHold() throws IOException {
        Cli.Run run = Cli.run("run", fixedNet().toString(), "1e9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("synapse: input 0 is 1.0E9, which fixed point with multiplier 4 cannot"
                + " hold");
    }

    @Test
    void aFileOfNeitherFormatSaysWhichTwoWereTried() throws IOException {
        Path data = Files.writeString(dir.resolve("and.data"), "1 2 1\n1 1\n1\n");

        Cli.Run run = Cli.run("run", data.toString(), "1", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("synapse: " + data + ": not a model file: tried a Synapse model file (")
                .contains(") and a FANN network file (it does not start with FANN_FLO_2.1");
    }
}
