package dev.synapse.fann;

import static dev.synapse.fann.FannDriver.Flavour.DOUBLE;
import static dev.synapse.fann.FannDriver.Flavour.FIXED;
import static dev.synapse.fann.FannImportTest.LINEAR;
import static dev.synapse.fann.FannImportTest.SIGMOID;
import static dev.synapse.fann.FannImportTest.SIGMOID_SYMMETRIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.FannData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by {@code fann_save_to_fixed}, run by libfixedfann's {@code fann_run} and by Synapse.
 * {@link FixedPointNetwork} ({@link FannNetFile#readFixedPoint}) gives libfixedfann's outputs exactly, on every
 * network here. The double-precision model {@link FannNetFile#read} makes of the same file agrees to 4 / multiplier
 * on networks of small fan-in: libfixedfann truncates every product to a multiple of 1 / multiplier
 * ({@code fann_mult} shifts right), so a unit summing n products is off by up to n / multiplier before its
 * activation, which the robot test shows.
 */
class FannFixedPointTest {

    @TempDir
    Path dir;

    /** libfixedfann's outputs on {@code data}'s inputs, which the driver rounds to the multiplier, half away from 0. */
    private static void assertRunsExactlyAsFixedFann(Path fixed, Path data) throws Exception {
        double[][] fann = FannDriver.run(FIXED, fixed, data, false);
        FixedPointNetwork network = FannNetFile.readFixedPoint(fixed);
        Matrix ours = network.predict(FannData.read(data).inputs());

        FannDriver.assertAgrees(fixed.getFileName() + " (decimal point " + network.decimalPoint() + ")", ours, fann,
                0);
    }

    /** The double-precision model of {@code fixed} within {@code steps} / multiplier of libfixedfann. */
    private static void assertPredictsAsFixedFann(Path fixed, Path data, double steps) throws Exception {
        double[][] fann = FannDriver.run(FIXED, fixed, data, false);
        int decimalPoint = FannNetFile.readFixedPoint(fixed).decimalPoint();
        double multiplier = Math.scalb(1.0, decimalPoint);
        Matrix inputs = FannData.read(data).inputs().map(x -> Math.round(x * multiplier) / multiplier);
        Matrix ours = FannNetFile.read(fixed).model().predict(inputs);

        FannDriver.assertAgrees(fixed.getFileName() + " (decimal point " + decimalPoint + ")", ours, fann,
                steps / multiplier);
    }

    @Test
    void xorSavedToFixedPointRunsAsLibfixedfann() throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        FannDriver.make(DOUBLE, "standard", xor, dir.resolve("xor.net"), 1, 100, SIGMOID_SYMMETRIC, 1,
                SIGMOID_SYMMETRIC, 1, 2, 3, 1);
        Path fixed = dir.resolve("xor.net.fixed");

        assertThat(Files.readAllLines(fixed).get(0)).isEqualTo("FANN_FIX_2.0");
        assertRunsExactlyAsFixedFann(fixed, xor);
        assertPredictsAsFixedFann(fixed, xor, 4);
    }

    @Test
    void anUntrainedXorNetworkOffSaturationRunsAsLibfixedfann() throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        for (int seed = 1; seed <= 5; seed++) {
            FannDriver.make(DOUBLE, "standard", xor, dir.resolve("x" + seed + ".net"), seed, 0, SIGMOID_SYMMETRIC,
                    0.5, SIGMOID, 0.5, 2, 3, 1);
            Path fixed = dir.resolve("x" + seed + ".net.fixed");

            assertRunsExactlyAsFixedFann(fixed, xor);
            assertPredictsAsFixedFann(fixed, xor, 4);
        }
    }

    @Test
    void xorAtEveryDecimalPointOfItsWeightsRunsAsLibfixedfann() throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        FannDriver.make(DOUBLE, "standard", xor, dir.resolve("xor.net"), 3, 50, SIGMOID_SYMMETRIC, 0.7, SIGMOID, 1.3,
                2, 4, 1);
        String saved = Files.readString(dir.resolve("xor.net.fixed"));
        String line = saved.lines().filter(l -> l.startsWith("decimal_point=")).findFirst().orElseThrow();
        // The same integers read at other decimal points: other products to truncate, other stepwise points.
        for (int decimalPoint = 1; decimalPoint <= 15; decimalPoint++) {
            Path fixed = Files.writeString(dir.resolve("xor" + decimalPoint + ".net"),
                    saved.replace(line, "decimal_point=" + decimalPoint));

            assertRunsExactlyAsFixedFann(fixed, xor);
        }
    }

    @Test
    void robotSavedToFixedPointWithSigmoidAndLinearRunsAsLibfixedfann() throws Exception {
        Path train = FannDriver.dataset("robot.train");
        FannDriver.make(DOUBLE, "standard", train, dir.resolve("robot.net"), 2, 20, SIGMOID, 0.5, LINEAR, 1, 48, 8,
                3);
        Path fixed = dir.resolve("robot.net.fixed");

        assertRunsExactlyAsFixedFann(fixed, FannDriver.dataset("robot.test"));
        // 49 truncated products into each hidden unit, 9 into each output; measured: 8.1 / multiplier at most.
        assertPredictsAsFixedFann(fixed, FannDriver.dataset("robot.test"), 49);
    }

    @Test
    void sparseShortcutAndCascadeNetworksSavedToFixedPointRunAsLibfixedfann() throws Exception {
        Path train = FannDriver.dataset("robot.train");
        Path test = FannDriver.dataset("robot.test");
        FannDriver.make(DOUBLE, "sparse:0.3", train, dir.resolve("sparse.net"), 4, 10, SIGMOID_SYMMETRIC, 0.5, LINEAR,
                1, 48, 20, 3);
        FannDriver.make(DOUBLE, "shortcut", train, dir.resolve("shortcut.net"), 5, 10, SIGMOID_SYMMETRIC, 0.5,
                SIGMOID, 0.5, 48, 10, 5, 3);
        Path xor = FannDriver.dataset("xor.data");
        FannDriver.make(DOUBLE, "cascade:4", xor, dir.resolve("cascade.net"), 6, 0, SIGMOID_SYMMETRIC, 1,
                SIGMOID_SYMMETRIC, 1, 2, 1);

        assertThat(Files.readString(dir.resolve("shortcut.net.fixed"))).contains("network_type=1");
        assertRunsExactlyAsFixedFann(dir.resolve("sparse.net.fixed"), test);
        assertRunsExactlyAsFixedFann(dir.resolve("shortcut.net.fixed"), test);
        assertRunsExactlyAsFixedFann(dir.resolve("cascade.net.fixed"), xor);
    }

    @Test
    void everyActivationLibfixedfannComputesRunsAsLibfixedfann() throws Exception {
        Path train = FannDriver.dataset("robot.train");
        Path test = FannDriver.dataset("robot.test");
        int[] functions = {FixedPointImport.LINEAR, FixedPointImport.THRESHOLD, FixedPointImport.THRESHOLD_SYMMETRIC,
            FixedPointImport.SIGMOID, FixedPointImport.SIGMOID_STEPWISE, FixedPointImport.SIGMOID_SYMMETRIC,
            FixedPointImport.SIGMOID_SYMMETRIC_STEPWISE, FixedPointImport.LINEAR_PIECE,
            FixedPointImport.LINEAR_PIECE_SYMMETRIC};
        for (int i = 0; i < functions.length; i++) {
            int output = functions[(i + 3) % functions.length];
            for (double steepness : new double[] {0.7, 1.3}) {
                Path net = dir.resolve("f" + functions[i] + "-" + steepness + ".net");
                FannDriver.make(DOUBLE, "standard", train, net, 7 + i, 0, functions[i], steepness, output,
                        2 - steepness, 48, 6, 3);

                assertRunsExactlyAsFixedFann(Path.of(net + ".fixed"), test);
            }
        }
    }

    /** A FANN data file of one input per sample and {@code outputs} targets of 0. */
    private Path inputs(int outputs, double... values) throws Exception {
        StringBuilder text = new StringBuilder(values.length + " 1 " + outputs + "\n");
        for (double v : values) {
            text.append(v).append('\n').append("0 ".repeat(outputs).strip()).append('\n');
        }
        return Files.writeString(dir.resolve("inputs.data"), text);
    }

    @Test
    void handWrittenProductsThatTruncateAndWrapRunAsLibfixedfann() throws Exception {
        // Decimal point 2: -3 · 1 / 4 truncates to -1; 2^29 · 4 wraps to -2^31.
        Path truncating = Files.writeString(dir.resolve("truncating.net"),
                FixedPointNetworkTest.twoLinearOutputs(-3, 3));
        Path wrapping = Files.writeString(dir.resolve("wrapping.net"),
                FixedPointNetworkTest.twoLinearOutputs(1 << 29, -(1 << 29)));
        Path data = inputs(2, 1, 0.75, 0.5, 0.25, 0, -0.25, -0.5, -1);

        assertRunsExactlyAsFixedFann(truncating, data);
        assertRunsExactlyAsFixedFann(wrapping, data);
        assertThat(FannDriver.run(FIXED, wrapping, data, false)[0]).containsExactly(-(1 << 27), -(1 << 27));
    }

    @Test
    void sumsAtAndBesideEveryStepwisePointRunAsLibfixedfann() throws Exception {
        // Decimal point 13, FANN_SIGMOID and FANN_SIGMOID_SYMMETRIC at steepness 4 (32768): the sum is the input.
        Path net = Files.writeString(dir.resolve("steps.net"), FixedPointNetworkTest.fixedFile(13, "1.000000", 0,
                "2 3", "(0, 0, 0) (0, 0, 0) (2, 3, 32768) (2, 5, 32768) (0, 0, 0)",
                "(0, 8192) (1, 0) (0, 8192) (1, 0)"));
        FixedPointSigmoids sigmoids = new FixedPointSigmoids(8192);
        double[] sums = new double[6 * 2 * 3 + 3];
        int k = 0;
        for (int i = 0; i < 6; i++) {
            for (int point : new int[] {sigmoids.sums[i] / 32768, sigmoids.symmetricSums[i] / 32768}) {
                for (int d = -1; d <= 1; d++) {
                    sums[k++] = (point + d) / 8192.0;
                }
            }
        }
        sums[k++] = 1;
        sums[k++] = 0;
        sums[k] = -1;

        assertRunsExactlyAsFixedFann(net, inputs(2, sums));
    }

    @Test
    void theStepwiseSigmoidsHaveLibfixedfannsPointsAtEveryDecimalPoint() throws Exception {
        for (int decimalPoint = 0; decimalPoint <= 30; decimalPoint++) {
            FixedPointSigmoids ours = new FixedPointSigmoids(1 << decimalPoint);
            int[] fann = FannDriver.stepwise(decimalPoint);

            int[] all = new int[24];
            System.arraycopy(ours.results, 0, all, 0, 6);
            System.arraycopy(ours.sums, 0, all, 6, 6);
            System.arraycopy(ours.symmetricResults, 0, all, 12, 6);
            System.arraycopy(ours.symmetricSums, 0, all, 18, 6);
            assertThat(all).as("decimal point %s", decimalPoint).containsExactly(fann);
        }
    }
}
