package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Shortcut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synapse train --cascade MAX_NEURONS}: FANN's cascade training from the shell. */
class CascadeCommandTest {

    @TempDir
    Path dir;

    /** Parity of 3 bits in ±1. */
    private Path parity3() throws IOException {
        Matrix x = new Matrix(8, 3);
        Matrix y = new Matrix(8, 1);
        for (int r = 0; r < 8; r++) {
            for (int b = 0; b < 3; b++) {
                x.set(r, b, ((r >> b) & 1) * 2 - 1);
            }
            y.set(r, 0, Integer.bitCount(r) % 2 * 2 - 1);
        }
        Path file = dir.resolve("parity3.data");
        FannData.write(Dataset.of(x, y), file);
        return file;
    }

    @Test
    void printsOneLinePerAddedNeuronAndSavesTheGrownNetwork() throws IOException {
        Path model = dir.resolve("parity.model");

        Cli.Run run = Cli.run("train", "--layers", "3,1", "--cascade", "10", "--activation", "linear",
                "--error-function", "linear", "--candidate-activations", "sigmoid-symmetric",
                "--candidate-steepnesses", "1", "--candidate-groups", "8", "--bit-fail-limit", "0.9",
                "--stop-bit-fails", "0", parity3().toString(), "--save", model.toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\n");
        long neurons = Arrays.stream(lines).filter(l -> l.startsWith("Neurons ")).count();
        assertThat(lines[0]).startsWith("Cascade training on ").endsWith("(8 samples), rprop, seed 1.");
        assertThat(lines[1]).isEqualTo("Max neurons   10. Desired bit fails: 0.");
        assertThat(lines[2]).matches("Neurons    1\\. Current error: \\d\\.\\d{10}\\. Bit fail \\d+\\. Epochs +\\d+\\."
                + " Added sigmoid-symmetric at steepness 1\\.0\\.");
        assertThat(run.out()).contains("Desired error reached after " + neurons + " neurons and ")
                .contains("Bit fail 0.\nSaved to " + model + ".");
        Sequential saved = Sequential.load(model);
        assertThat(saved.layers()).hasSize((int) neurons + 1);
        assertThat(saved.layers().get(0)).isInstanceOf(Shortcut.class);
    }

    @Test
    void cascadeTakesOnlyTheInputAndOutputWidths() throws IOException {
        Cli.Run run = Cli.run("train", "--layers", "3,4,1", "--cascade", "5", parity3().toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--cascade grows the hidden units itself: give --layers INPUTS,OUTPUTS"
                + " (got 3 sizes)");
    }

    @Test
    void badCascadeSettingsAreUsageErrors() throws IOException {
        Path data = parity3();

        assertThat(Cli.run("train", "--layers", "3,1", "--cascade", "0", data.toString()).err())
                .contains("--cascade: cascade training adds at least 1 neuron (max neurons), got 0");
        assertThat(Cli.run("train", "--layers", "3,1", "--cascade", "3", "--candidate-activations", "relu",
                data.toString()).err()).contains("unknown candidate activation 'relu'");
        assertThat(Cli.run("train", "--layers", "3,1", "--cascade", "3", "--error-function", "cubic",
                data.toString()).err()).contains("--error-function is tanh or linear, got 'cubic'");
        assertThat(Cli.run("train", "--layers", "3,1", "--cascade", "3", "--activation", "tanh",
                data.toString()).err()).contains("--cascade trains FANN's activations");
        assertThat(Cli.run("train", "--layers", "3,1", "--cascade", "3", "--algorithm", "adam",
                data.toString()).err()).contains("--cascade trains with --algorithm rprop or quickprop, as FANN's"
                        + " cascade training does (got adam)");
    }
}
