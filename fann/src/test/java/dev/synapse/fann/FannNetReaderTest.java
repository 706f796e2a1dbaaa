package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.layers.Dense;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader refuses, and why, on files written by hand after FANN's format; no FANN needed. */
class FannNetReaderTest {

    @TempDir
    Path dir;

    /** A 2-2-1 layered network in fann_save's layout (training settings left out: the reader skips them). */
    private static final String XOR = """
            FANN_FLO_2.1
            num_layers=3
            learning_rate=0.700000
            connection_rate=1.000000
            network_type=0
            layer_sizes=3 3 2\s
            scale_included=0
            neurons (num_inputs, activation_function, activation_steepness)=(0, 0, 0.0) (0, 0, 0.0) (0, 0, 0.0) \
            (3, 5, 1.0) (3, 5, 1.0) (0, 5, 1.0) (3, 3, 0.5) (0, 3, 0.5)\s
            connections (connected_to_neuron, weight)=(0, 1.5) (1, -2.0) (2, 0.25) (0, 0.5) (1, 0.75) (2, -1.0) \
            (3, 2.0) (4, -3.0) (5, 0.5)\s
            """;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("net.net");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsALayeredNetworkAsDenseLayersWithTheBiasNeuronAsBias() throws IOException {
        Dense hidden = (Dense) FannNetFile.read(write(XOR)).model().layers().get(0);

        assertThat(hidden.weights().value().data()).containsExactly(1.5, 0.5, -2.0, 0.75);
        assertThat(hidden.bias().orElseThrow().value().data()).containsExactly(0.25, -1.0);
        double h0 = Math.tanh(1.5 - 2.0 + 0.25);
        double h1 = Math.tanh(0.5 + 0.75 - 1.0);
        assertThat(FannNetFile.read(write(XOR)).model().predict(1, 1)[0])
                .isEqualTo(1 / (1 + Math.exp(-(2 * h0 - 3 * h1 + 0.5))), within(1e-15));
    }

    @Test
    void refusesALayerWhoseNeuronsDifferInSteepnessNamingTheLayer() throws IOException {
        Path file = write(XOR.replace("(3, 5, 1.0) (3, 5, 1.0)", "(3, 5, 1.0) (3, 5, 0.75)"));

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("net.net line 8: layer 1 mixes activations: neuron 1 has FANN_SIGMOID_SYMMETRIC at"
                        + " steepness 0.75, neuron 0 FANN_SIGMOID_SYMMETRIC at steepness 1.0. A Synapse layer has one"
                        + " activation: give the layer's neurons one function and steepness in FANN"
                        + " (fann_set_activation_function_layer, fann_set_activation_steepness_layer) and save again");
    }

    @Test
    void refusesACutShortFileSayingSo() throws IOException {
        String text = XOR.substring(0, XOR.indexOf("(4, -3.0)"));
        Path file = write(text);

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("net.net line 9: ends after 7 connections, but the file declares more: it is cut short;"
                        + " save the network again from FANN")
                .satisfies(e -> assertThat(((ModelFileException) e).reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void refusesABiasNeuronWithConnections() throws IOException {
        Path file = write(XOR.replace("(3, 5, 1.0) (3, 5, 1.0) (0, 5, 1.0)", "(3, 5, 1.0) (2, 5, 1.0) (1, 5, 1.0)"));

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("net.net: the bias neuron of layer 1 (its last) has 1 connections; FANN's bias neurons"
                        + " have none");
    }

    @Test
    void refusesAFannOneFile() throws IOException {
        Path file = write("FANN_FLO_1.1\n4 0.700000 1.000000 0 0.000000\n");

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("net.net: a FANN network file of version FANN_FLO_1.1; Synapse reads FANN_FLO_2.1,"
                        + " FANN_FLO_2.0 and FANN_FIX_2.0 (FANN 2.x's fann_save and fann_save_to_fixed): load it in"
                        + " FANN 2.2 and save it again")
                .satisfies(e -> assertThat(((ModelFileException) e).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void refusesFannsGaussianStepwiseWhichFannComputesAsZero() throws IOException {
        Path file = write(XOR.replace("(3, 3, 0.5) (0, 3, 0.5)", "(3, 9, 0.5) (0, 9, 0.5)"));

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("net.net: layer 2 uses FANN_GAUSSIAN_STEPWISE, which Synapse does not compute (FANN 2.2"
                        + " computes FANN_GAUSSIAN_STEPWISE as 0)");
    }

    @Test
    void refusesAConnectionToANeuronThatDoesNotExist() throws IOException {
        Path file = write(XOR.replace("(5, 0.5)", "(17, 0.5)"));

        assertThatThrownBy(() -> FannNetFile.read(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("net.net line 9: connection 8 comes from neuron 17, but the network has"
                        + " neurons 0 to 7");
    }

    @Test
    void damagedOrCutFilesAreRefusedWithAModelFileExceptionAndNothingElse() throws IOException {
        byte[] good = XOR.getBytes(StandardCharsets.US_ASCII);
        String alphabet = " 0123456789-.e(),=\nx";
        Random random = new Random(1);
        Path file = dir.resolve("net.net");
        for (int trial = 0; trial < 1000 + good.length; trial++) {
            byte[] bad;
            if (trial < good.length) {
                bad = Arrays.copyOf(good, trial);                 // cut after every byte
            } else {
                bad = good.clone();                                // one to three bytes changed
                for (int c = random.nextInt(3); c >= 0; c--) {
                    bad[random.nextInt(bad.length)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
            }
            Files.write(file, bad);

            try {
                FannNetFile.read(file);
            } catch (ModelFileException e) {
                assertThat(e.getMessage()).as("trial %s", trial).startsWith("net.net");
            }
        }
    }

    @Test
    void aFileThatIsNeitherFormatSaysWhichTwoWereTried() throws IOException {
        Path file = dir.resolve("and.data");
        Files.writeString(file, "4 2 1\n-1 -1\n-1\n");

        assertThatThrownBy(() -> ModelFiles.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("and.data: not a model file: tried a Synapse model file (it does not hold a"
                        + " JSON object")
                .hasMessageContaining(") and a FANN network file (it does not start with FANN_FLO_2.1, FANN_FLO_2.0"
                        + " or FANN_FIX_2.0); pass a file written by Sequential.save, ModelFile.save or FANN's"
                        + " fann_save");
    }

    @Test
    void modelFilesLoadsEitherFormat() throws IOException {
        Path net = write(XOR);
        Path json = dir.resolve("xor.json");
        FannNetFile.read(net).save(json);

        assertThat(ModelFiles.load(json).predict(1, -1)).containsExactly(ModelFiles.load(net).predict(1, -1));
    }
}
