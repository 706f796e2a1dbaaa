package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FixedPointNetwork} on fixed-point files written by hand after {@code fann_save_to_fixed}'s layout, worked
 * out by hand; no FANN needed. FannFixedPointTest runs such files and FANN's own through libfixedfann.
 */
class FixedPointNetworkTest {

    @TempDir
    Path dir;

    /** fann_save's training settings with its %.20e numbers as the integers fann_save_to_fixed writes there. */
    private static final String FIXED_TRAINING_DEFAULTS = FannNetWriter.TRAINING_DEFAULTS
            .replaceAll("\\d\\.\\d{20}e[-+]\\d\\d", "1");

    /**
     * A fixed-point file in fann_save_to_fixed's layout, with its training settings (which libfixedfann requires):
     * decimal point, connection rate, network type, layer sizes, neurons and connections as given.
     */
    static String fixedFile(int decimalPoint, String connectionRate, int networkType, String sizes, String neurons,
            String connections) {
        return "FANN_FIX_2.0\ndecimal_point=" + decimalPoint + "\nnum_layers=" + sizes.split(" ").length
                + "\nlearning_rate=0.700000\nconnection_rate=" + connectionRate + "\nnetwork_type=" + networkType
                + "\n" + FIXED_TRAINING_DEFAULTS + "layer_sizes=" + sizes + " \n" + FannNetReader.NEURONS + "="
                + neurons + " \n" + FannNetReader.CONNECTIONS + "=" + connections + " \n";
    }

    /** One input, two FANN_LINEAR outputs at decimal point 2 (multiplier 4), weights w0 and w1, no bias weight. */
    static String twoLinearOutputs(int w0, int w1) {
        return fixedFile(2, "1.000000", 0, "2 3", "(0, 0, 0) (0, 0, 0) (2, 0, 4) (2, 0, 4) (0, 0, 4)",
                "(0, " + w0 + ") (1, 0) (0, " + w1 + ") (1, 0)");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("fixed.net"), text);
    }

    @Test
    void aNegativeProductIsTruncatedTowardsMinusInfinityAPositiveOneTowardsZero() throws IOException {
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(twoLinearOutputs(-3, 3)));

        // -3 · 1 / 4 = -0.75 -> -1; 3 · 1 / 4 = 0.75 -> 0.
        assertThat(net.run(1)).containsExactly(-1, 0);
        assertThat(net.predict(0.25)).containsExactly(-0.25, 0.0);
        assertThat(net.multiplier()).isEqualTo(4);
        assertThat(net.decimalPoint()).isEqualTo(2);
    }

    @Test
    void aProductBeyondAnIntWrapsAsLibfixedfannsDoes() throws IOException {
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(twoLinearOutputs(1 << 29, -(1 << 29))));

        assertThat(net.run(2)).containsExactly(1 << 28, -(1 << 28));
        // 2^29 · 4 = 2^31 wraps to -2^31; -2^31 does not wrap.
        assertThat(net.run(4)).containsExactly(-(1 << 29), -(1 << 29));
    }

    @Test
    void biasNeuronsAreOneAndALayeredNetworkReadsTheLayerBeforeByPosition() throws IOException {
        // 1-1-1 at decimal point 3: hidden = linear(2·x + 1), output = linear(hidden - 2). The connections
        // record source 5, which fann_run ignores from connection rate 1 on: connection k is neuron k before.
        String text = fixedFile(3, "1.000000", 0, "2 2 2",
                "(0, 0, 0) (0, 0, 0) (2, 0, 8) (0, 0, 8) (2, 0, 8) (0, 0, 8)",
                "(5, 16) (5, 8) (5, 8) (5, -16)");
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(text));

        assertThat(net.predict(0.5)).containsExactly(0.0);
        assertThat(net.predict(1)).containsExactly(1.0);
        assertThat(net.inputSize()).isEqualTo(1);
        assertThat(net.outputSize()).isEqualTo(1);
    }

    @Test
    void aSparseNetworkReadsTheSourcesItRecords() throws IOException {
        // Connection rate below 1: the output takes input 1 and the bias, not input 0.
        String text = fixedFile(3, "0.500000", 0, "3 2", "(0, 0, 0) (0, 0, 0) (0, 0, 0) (2, 0, 8) (0, 0, 8)",
                "(1, 16) (2, 4)");

        assertThat(FannNetFile.readFixedPoint(write(text)).predict(1, 0.25)).containsExactly(1.0);
    }

    @Test
    void aShortcutNetworkReadsEveryNeuronBefore() throws IOException {
        // 1-1-1 shortcut: hidden = 2·x + 0.5 (linear), output = x + hidden - 1, from input, bias and hidden.
        String text = fixedFile(3, "1.000000", 1, "2 1 1", "(0, 0, 0) (0, 0, 0) (2, 0, 8) (3, 0, 8)",
                "(0, 16) (1, 4) (0, 8) (1, -8) (2, 8)");

        assertThat(FannNetFile.readFixedPoint(write(text)).predict(0.5)).containsExactly(1.0);
    }

    @Test
    void theSigmoidsSaturateOutsideTheirPointsWithoutClippingTheSum() throws IOException {
        // FANN_SIGMOID and FANN_SIGMOID_SYMMETRIC at steepness 1, decimal point 13, with a weight of 0.5: sums of
        // ±8 are far beyond the last points (±2.65), and fann_run has no clipping of sums to get them there.
        String text = fixedFile(13, "1.000000", 0, "2 3", "(0, 0, 0) (0, 0, 0) (2, 3, 8192) (2, 5, 8192) (0, 0, 0)",
                "(0, 4096) (1, 0) (0, 4096) (1, 0)");
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(text));

        assertThat(net.run(0)).containsExactly(4096, 0);
        assertThat(net.run(1 << 17)).containsExactly(8192, 8192);
        assertThat(net.run(-(1 << 17))).containsExactly(0, -8192);
    }

    @Test
    void predictsEveryRowOfAMatrix() throws IOException {
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(twoLinearOutputs(-3, 3)));

        Matrix out = net.predict(Matrix.columnVector(0.25, -0.25, 1));

        assertThat(out.toArray()).isDeepEqualTo(new double[][] {{-0.25, 0.0}, {0.0, -0.25}, {-0.75, 0.75}});
    }

    @Test
    void refusesAFloatingPointFilePointingToRead() throws IOException {
        Path file = write(Files.readString(write(twoLinearOutputs(1, 1))).replace("FANN_FIX_2.0", "FANN_FLO_2.1")
                .replace("decimal_point=2\n", "") + "scale_included=0\n");

        assertThat(FannNetFile.isFixedPoint(file)).isFalse();
        assertThatThrownBy(() -> FannNetFile.readFixedPoint(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("fixed.net: is a floating-point FANN file (FANN_FLO_2.1), not a fixed-point"
                        + " one (FANN_FIX_2.0, from fann_save_to_fixed); read it with FannNetFile.read")
                .satisfies(e -> assertThat(((ModelFileException) e).reason()).isEqualTo(Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void refusesAConnectionFromTheLayerItselfWhichFannRunWouldReadStale() throws IOException {
        String text = fixedFile(2, "0.500000", 0, "2 3", "(0, 0, 0) (0, 0, 0) (2, 0, 4) (2, 0, 4) (0, 0, 4)",
                "(0, 4) (3, 4) (0, 4) (1, 4)");

        assertThatThrownBy(() -> FannNetFile.readFixedPoint(write(text)))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("fixed.net: neuron 0 of layer 1 (neuron 2 of the file) takes its connection 1 from neuron"
                        + " 3, which is not in a layer before it (neurons 0 to 1)");
    }

    @Test
    void refusesAnActivationLibfixedfannDoesNotComputeAndASigmoidOfSteepnessZero() throws IOException {
        Path elliot = write(twoLinearOutputs(1, 1).replace("(2, 0, 4) (2, 0, 4)", "(2, 0, 4) (2, 10, 4)"));

        assertThatThrownBy(() -> FannNetFile.readFixedPoint(elliot))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("fixed.net: neuron 1 of layer 1 (neuron 3 of the file) uses FANN_ELLIOT, which"
                        + " libfixedfann's fann_run does not compute");
        Path flat = write(twoLinearOutputs(1, 1).replace("(2, 0, 4) (2, 0, 4)", "(2, 5, 0) (2, 0, 4)"));
        assertThatThrownBy(() -> FannNetFile.readFixedPoint(flat))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("fixed.net: neuron 0 of layer 1 (neuron 2 of the file) has"
                        + " FANN_SIGMOID_SYMMETRIC at steepness 0, which libfixedfann divides by");
    }

    @Test
    void bothReadersRefuseAWeightThatIsNotAnIntNamingTheLine() throws IOException {
        Path file = write(twoLinearOutputs(1, 1).replace("(0, 1) (1, 0) (0, 1)", "(0, 1) (1, 0.5) (0, 1)"));

        String message = "fixed.net line 36: connection 1 holds '0.5', but a fixed-point file holds whole numbers"
                + " that fit an int (libfixedfann reads them with %d); the file does not describe a FANN network:"
                + " save it again from FANN";

        assertThatThrownBy(() -> FannNetFile.readFixedPoint(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> FannNetFile.read(file)).isInstanceOf(ModelFileException.class).hasMessage(message);
    }

    @Test
    void refusesAnInputOfTheWrongWidth() throws IOException {
        FixedPointNetwork net = FannNetFile.readFixedPoint(write(twoLinearOutputs(1, 1)));

        assertThatThrownBy(() -> net.run(1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("this network takes 1 inputs, got 2");
    }
}
