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
 * Files written by {@code fann_save_to_fixed} load and predict what libfixedfann's {@code fann_run} gives, to
 * 4 / multiplier on networks of small fan-in. libfixedfann truncates every product to a multiple of 1 / multiplier
 * ({@code fann_mult} shifts right), so a unit summing n products is off by up to n / multiplier before its
 * activation; wider networks agree to that bound instead, which the robot test shows.
 */
class FannFixedPointTest {

    @TempDir
    Path dir;

    /** Compares on {@code data}'s inputs rounded to the multiplier, as the driver hands them to libfixedfann. */
    private static void assertPredictsAsFixedFann(Path fixed, Path data, double steps) throws Exception {
        double[][] fann = FannDriver.run(FIXED, fixed, data, false);
        int decimalPoint = Integer.parseInt(Files.readAllLines(fixed).get(1).replace("decimal_point=", ""));
        double multiplier = Math.scalb(1.0, decimalPoint);
        double tolerance = steps / multiplier;
        Matrix inputs = FannData.read(data).inputs().map(x -> Math.round(x * multiplier) / multiplier);
        Matrix ours = FannNetFile.read(fixed).model().predict(inputs);

        FannDriver.assertAgrees(fixed.getFileName() + " (decimal point " + decimalPoint + ")", ours, fann,
                tolerance);
    }

    @Test
    void xorSavedToFixedPointPredictsAsLibfixedfann() throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        FannDriver.make(DOUBLE, "standard", xor, dir.resolve("xor.net"), 1, 100, SIGMOID_SYMMETRIC, 1,
                SIGMOID_SYMMETRIC, 1, 2, 3, 1);
        Path fixed = dir.resolve("xor.net.fixed");

        assertThat(Files.readAllLines(fixed).get(0)).isEqualTo("FANN_FIX_2.0");
        assertPredictsAsFixedFann(fixed, xor, 4);
    }

    @Test
    void anUntrainedXorNetworkOffSaturationPredictsAsLibfixedfann() throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        for (int seed = 1; seed <= 5; seed++) {
            FannDriver.make(DOUBLE, "standard", xor, dir.resolve("x" + seed + ".net"), seed, 0, SIGMOID_SYMMETRIC,
                    0.5, SIGMOID, 0.5, 2, 3, 1);

            assertPredictsAsFixedFann(dir.resolve("x" + seed + ".net.fixed"), xor, 4);
        }
    }

    @Test
    void robotSavedToFixedPointWithSigmoidAndLinearPredictsAsLibfixedfann() throws Exception {
        Path train = FannDriver.dataset("robot.train");
        FannDriver.make(DOUBLE, "standard", train, dir.resolve("robot.net"), 2, 20, SIGMOID, 0.5, LINEAR, 1, 48, 8,
                3);

        // 49 truncated products into each hidden unit, 9 into each output; measured: 8.1 / multiplier at most.
        assertPredictsAsFixedFann(dir.resolve("robot.net.fixed"), FannDriver.dataset("robot.test"), 49);
    }
}
