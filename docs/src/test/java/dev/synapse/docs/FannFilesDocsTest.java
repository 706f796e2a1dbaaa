package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.fann.FannNetFile;
import dev.synapse.fann.FixedPointNetwork;
import dev.synapse.fann.ModelFiles;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of fann-files.md; the fann module's tests run FANN itself on what the page promises. */
class FannFilesDocsTest {

    /** A 2-2-1 network: FANN_SIGMOID_SYMMETRIC hidden units at steepness 1, a FANN_SIGMOID output at 0.5. */
    private static Sequential xor() {
        return Sequential.of(List.of(new Dense(FannActivations.sigmoidSymmetric(1), Matrix.of(new double[][] {
            {1.5, 0.5}, {-2.0, 0.75}}), Matrix.rowVector(0.25, -1.0)),
                new Dense(FannActivations.sigmoid(), Matrix.columnVector(2.0, -3.0), Matrix.rowVector(0.5))),
                null, null, 1);
    }

    @TempDir
    Path dir;

    @Test
    void aFannFileLoadsPredictsAndIsWrittenBack() throws Exception {
        FannNetFile.write(xor(), dir.resolve("xor_float.net"));

        // snippet:fann-files-read
        ModelFile imported = FannNetFile.read(dir.resolve("xor_float.net"));   // as fann_create_from_file
        double[] y = imported.model().predict(1, -1);                          // fann_run's outputs
        double[] raw = imported.predict(1, -1);                                // through the file's scaling, if any
        imported.save(dir.resolve("xor.model"));                               // a Synapse model file from now on
        FannNetFile.write(imported, dir.resolve("again.net"));                 // and back for FANN
        // end-snippet

        double h0 = Math.tanh(1.5 + 2.0 + 0.25);
        double h1 = Math.tanh(0.5 - 0.75 - 1.0);
        assertThat(y[0]).isCloseTo(1 / (1 + Math.exp(-(2 * h0 - 3 * h1 + 0.5))), within(1e-15));
        assertThat(raw).containsExactly(y);
        assertThat(ModelFiles.load(dir.resolve("xor.model")).predict(1, -1)).containsExactly(y);
        assertThat(FannNetFile.read(dir.resolve("again.net")).predict(1, -1)).containsExactly(y);
    }

    @Test
    void aFixedPointFileRunsInItsIntegers() throws Exception {
        // fann_save_to_fixed's layout, cut to the lines Synapse reads: 2-1 at decimal point 13, a FANN_LINEAR
        // output with weights 0.5, -0.25 and bias 0.125.
        Files.writeString(dir.resolve("xor_fixed.net"), """
                FANN_FIX_2.0
                decimal_point=13
                num_layers=2
                connection_rate=1.000000
                network_type=0
                layer_sizes=3 2
                neurons (num_inputs, activation_function, activation_steepness)=(0, 0, 0) (0, 0, 0) (0, 0, 0) \
                (3, 0, 8192) (0, 0, 8192)
                connections (connected_to_neuron, weight)=(0, 4096) (1, -2048) (2, 1024)
                """);

        // snippet:fann-files-fixed
        FixedPointNetwork fixed = FannNetFile.readFixedPoint(dir.resolve("xor_fixed.net"));
        int[] raw = fixed.run(fixed.multiplier(), -fixed.multiplier());   // fann_run's integers, for inputs 1 and -1
        double[] y = fixed.predict(1, -1);                                 // the same divided by the multiplier
        // end-snippet

        assertThat(raw).containsExactly(4096 + 2048 + 1024);
        assertThat(y).containsExactly(0.875);
        assertThat(fixed.predict(0.5, 0.5)).containsExactly(0.25);
    }

    @Test
    void sparseAndShortcutNetworksAreLayersThatTrainAndExport() throws Exception {
        // snippet:fann-files-layers
        Sequential sparse = Sequential.builder().input(8)
                .add(Sparse.units(6).activation(FannActivations.sigmoidSymmetric()).connectionRate(0.5))   // fann_create_sparse
                .add(Dense.units(1).activation(FannActivations.sigmoid()))
                .seed(1).build();
        Sequential shortcut = Sequential.builder().input(2)
                .add(Shortcut.units(3).activation(FannActivations.sigmoidSymmetric()))   // fann_create_shortcut
                .add(Dense.units(1).activation(FannActivations.sigmoidSymmetric()))      // sees the inputs and the 3 units
                .seed(1).build();
        FannNetFile.write(shortcut, dir.resolve("shortcut.net"));
        // end-snippet

        assertThat(((Sparse) sparse.layers().get(0)).connectionCount()).isEqualTo(6 * 4 + 6);
        assertThat(FannNetFile.read(dir.resolve("shortcut.net")).model().predict(0.5, -1))
                .containsExactly(shortcut.predict(0.5, -1), within(1e-15));
        assertThat(Files.readString(dir.resolve("shortcut.net"))).contains("network_type=1");
    }
}
