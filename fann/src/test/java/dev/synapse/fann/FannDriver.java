package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.synapse.core.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * FANN itself, for the tests: {@code fann_driver.c} (beside this class in the test resources) compiled with gcc
 * against Debian's libfann-dev, once per JVM and flavour. Tests that need it are skipped, saying why, when gcc,
 * FANN's headers or libraries, or FANN's example data sets are missing ({@code .ci/run} installs them).
 */
final class FannDriver {

    /** FANN's three builds: fann_type double, float, or fixed point. */
    enum Flavour {
        DOUBLE("doublefann"), FLOAT("floatfann"), FIXED("fixedfann");

        final String library;

        Flavour(String library) {
            this.library = library;
        }
    }

    static final Path EXAMPLES = Path.of("/usr/share/doc/libfann-dev/examples");
    static final Path XOR = EXAMPLES.resolve("xor.data");
    static final Path DATASETS = EXAMPLES.resolve("datasets");

    private static final Map<Flavour, Path> BUILT = new EnumMap<>(Flavour.class);
    private static Path workDir;

    private FannDriver() {}

    /** FANN's data file {@code name} ("robot.test", ...), or the test is skipped. */
    static Path dataset(String name) {
        Path path = name.equals("xor.data") ? XOR : DATASETS.resolve(name);
        assumeTrue(Files.isRegularFile(path), "FANN's example data " + path + " is missing: install libfann-dev and"
                + " libfann-doc (.ci/run does)");
        return path;
    }

    /** The driver built against {@code flavour}, compiling it on first use; skips the test if it cannot be built. */
    static synchronized Path driver(Flavour flavour) throws IOException, InterruptedException {
        Path built = BUILT.get(flavour);
        if (built != null) {
            return built;
        }
        assumeTrue(Files.isRegularFile(Path.of("/usr/include/fann.h")), "FANN's headers (/usr/include/fann.h) are"
                + " missing: install libfann-dev (.ci/run does)");
        if (workDir == null) {
            workDir = Files.createTempDirectory("fann-driver");
            workDir.toFile().deleteOnExit();
        }
        Path source = workDir.resolve("fann_driver.c");
        try (InputStream in = FannDriver.class.getResourceAsStream("fann_driver.c")) {
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        source.toFile().deleteOnExit();
        Path binary = workDir.resolve("fann_driver_" + flavour.library);
        binary.toFile().deleteOnExit();
        Result gcc;
        try {
            gcc = exec(List.of("gcc", "-O2", "-DFLAVOUR_" + flavour.name(), source.toString(), "-o", binary.toString(),
                    "-l" + flavour.library, "-lm"));
        } catch (IOException e) {
            // Skips (as for a missing libfann below), saying why; .ci/run installs gcc, so CI runs these tests.
            throw new TestAbortedException("gcc cannot be started (" + e.getMessage() + "): install gcc to run the"
                    + " FANN tests", e);
        }
        assumeTrue(gcc.status == 0, "the FANN driver does not build against lib" + flavour.library + ": "
                + gcc.err.strip());
        BUILT.put(flavour, binary);
        return binary;
    }

    /**
     * fann_create_from_file + fann_run (with fann_scale_input and fann_descale_output when {@code scale}) on every
     * input row of {@code data}: one row of outputs per sample.
     */
    static double[][] run(Flavour flavour, Path net, Path data, boolean scale) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(driver(flavour).toString(), "run", net.toString(),
                data.toString()));
        if (scale) {
            command.add("scale");
        }
        Result r = checked(exec(command));
        String[] lines = r.out.strip().split("\n");
        double[][] outputs = new double[lines.length][];
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].trim().split(" ");
            outputs[i] = new double[parts.length];
            for (int j = 0; j < parts.length; j++) {
                outputs[i][j] = Double.parseDouble(parts[j]);
            }
        }
        return outputs;
    }

    /**
     * Creates, trains and saves a network with FANN; see fann_driver.c's {@code make}. Writes {@code out} and
     * {@code out.fixed}.
     */
    static Path make(Flavour flavour, String kind, Path data, Path out, int seed, int epochs, int hiddenFunction,
            double hiddenSteepness, int outputFunction, double outputSteepness, int... sizes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(driver(flavour).toString(), "make", kind, data.toString(),
                out.toString(), String.valueOf(seed), String.valueOf(epochs), String.valueOf(hiddenFunction),
                String.valueOf(hiddenSteepness), String.valueOf(outputFunction), String.valueOf(outputSteepness)));
        for (int size : sizes) {
            command.add(String.valueOf(size));
        }
        checked(exec(command));
        return out;
    }

    /**
     * FANN's RPROP from FANN's own start; see fann_driver.c's {@code rprop}: saves the network {@code srand(1)} and
     * {@code fann_randomize_weights(-0.1, 0.1)} give (FANN_SIGMOID everywhere) to {@code start}, trains it
     * {@code epochs} epochs with {@code fann_train_epoch} and saves the result to {@code end}.
     *
     * @return the MSE fann_train_epoch returned for each epoch (FANN's float, measured before the epoch's update)
     */
    static double[] rprop(Flavour flavour, Path data, Path start, Path end, int epochs, int... sizes)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(driver(flavour).toString(), "rprop", data.toString(),
                start.toString(), end.toString(), String.valueOf(epochs)));
        for (int size : sizes) {
            command.add(String.valueOf(size));
        }
        String[] lines = checked(exec(command)).out.strip().split("\n");
        double[] mse = new double[lines.length];
        for (int i = 0; i < lines.length; i++) {
            mse[i] = Double.parseDouble(lines[i]);
        }
        return mse;
    }

    /**
     * The 24 constants libfixedfann's {@code fann_update_stepwise} computes at {@code decimalPoint}; see
     * fann_driver.c's {@code stepwise}.
     */
    static int[] stepwise(int decimalPoint) throws IOException, InterruptedException {
        String[] words = checked(exec(List.of(driver(Flavour.FIXED).toString(), "stepwise",
                String.valueOf(decimalPoint)))).out.strip().split(" ");
        int[] constants = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            constants[i] = Integer.parseInt(words[i]);
        }
        return constants;
    }

    /** A 2-3-1 network saved by FANN whose hidden neuron 1 has another steepness than its neighbours. */
    static Path mixed(Path out) throws IOException, InterruptedException {
        checked(exec(List.of(driver(Flavour.DOUBLE).toString(), "mixed", out.toString())));
        return out;
    }

    /** What fann_driver.c's {@code cascade} reports of one FANN cascade training. */
    record CascadeRun(int neurons, double trainMse, double testMse) {}

    /**
     * fann_cascadetrain_on_data on FANN's cascade_train.c set-up (see fann_driver.c's {@code cascade}), saving the
     * grown network to {@code out}.
     */
    static CascadeRun cascade(Path train, Path test, int seed, int maxNeurons, Path out)
            throws IOException, InterruptedException {
        Result r = checked(exec(List.of(driver(Flavour.DOUBLE).toString(), "cascade", train.toString(),
                test.toString(), String.valueOf(seed), String.valueOf(maxNeurons), out.toString())));
        String[] words = r.out.strip().split(" ");
        return new CascadeRun(Integer.parseInt(words[1]), Double.parseDouble(words[3]), Double.parseDouble(words[5]));
    }

    /** Each of Synapse's outputs within {@code tolerance} of FANN's, sample by sample; {@code what} names the net. */
    static void assertAgrees(String what, Matrix ours, double[][] fann, double tolerance) {
        assertThat(ours.rows()).as("samples of %s", what).isEqualTo(fann.length);
        for (int r = 0; r < fann.length; r++) {
            assertThat(ours.row(r)).as("sample %s of %s", r, what).containsExactly(fann[r], within(tolerance));
        }
    }

    private record Result(int status, String out, String err) {}

    private static Result checked(Result r) {
        if (r.status != 0) {
            throw new IllegalStateException("the FANN driver failed with status " + r.status + ": " + r.err);
        }
        return r;
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the FANN driver did not finish: " + command);
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
