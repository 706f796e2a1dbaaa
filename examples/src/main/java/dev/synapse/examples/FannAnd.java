package dev.synapse.examples;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Rprop;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Tutorial 6, FANN's: a 2-4-1 network learns logical AND from a FANN data file, is saved, loaded back and run on
 * {@code -1 1}.
 */
@Command(name = "fann-and", sortOptions = false,
        header = "Tutorial 6 (FANN): a 2 -> 4 -> 1 network learns AND from and.data, is saved, loaded and run.",
        description = {
            "Writes and.data (AND on -1/1, FANN's format), then trains as FANN's tutorial: hidden sigmoid-stepwise "
                    + "and output sigmoid-symmetric-stepwise units (steepness 0.5), weights and biases uniform in "
                    + "[-0.1, 0.1], RPROP (FANN's default, which ignores the tutorial's learning rate 0.7), FANN's MSE, "
                    + "at most 10000 epochs, a report at epoch 1 and every 1000, stopping at an error of 0.00001. "
                    + "It saves and.model, loads it into a new network and runs that on -1 1: about -1.",
            "Without --dir the files go to a temporary folder removed on exit."})
public final class FannAnd implements Callable<Integer> {

    /** The tutorial's settings (fann_train_on_file's arguments and fann_set_learning_rate's). */
    static final int MAX_EPOCHS = 10_000;
    static final int EPOCHS_BETWEEN_REPORTS = 1_000;
    static final double DESIRED_ERROR = 0.00001;
    static final double LEARNING_RATE = 0.7;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where to write and.data and and.model (default: a temporary folder).")
    private Path dir;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the initial weights; FANN seeds from the clock (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    /**
     * What the tutorial does and prints.
     *
     * @param data          the data file written and read
     * @param model         the model file saved and loaded
     * @param reports       the epochs reported, FANN's schedule: 1, 1000, 2000, ... and the last
     * @param history       the error of every epoch and why training stopped
     * @param trainedError  FANN's MSE of the trained network on and.data: the weights the desired error was measured
     *                      on, which training hands back (FANN keeps those after the last update)
     * @param trained       the network that was trained
     * @param loaded        the network loaded back from {@code model}
     * @param trainedOutput the trained network's output for {@code -1 1}
     * @param loadedOutput  the loaded network's output for {@code -1 1}: the tutorial's answer
     */
    public record Result(Path data, Path model, List<EpochReport> reports, History history, double trainedError,
            Sequential trained, Sequential loaded, double trainedOutput, double loadedOutput) {}

    /** Writes and.data into {@code dir}, trains, saves and.model there, loads it back and runs it on -1 1. */
    public static Result run(Path dir, long seed) throws IOException {
        Path data = dir.resolve("and.data");
        Path model = dir.resolve("and.model");
        FannData.write(Dataset.of(Matrix.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}}),
                Matrix.columnVector(-1, -1, -1, 1)), data);

        Dataset and = FannData.read(data);
        Sequential network = Sequential.builder().input(2)       // fann_create_standard(3, 2, 4, 1)
                .add(Dense.units(4).activation(FannActivations.sigmoidStepwise())
                        .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                .add(Dense.units(1).activation(FannActivations.sigmoidSymmetricStepwise())
                        .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)))
                .loss(Losses.fannMse(true))            // FANN's MSE; the output is symmetric, so errors are halved
                .optimizer(Rprop.fannDefaults())       // FANN_TRAIN_RPROP: the learning rate plays no part
                .seed(seed)
                .build();

        List<EpochReport> reports = new ArrayList<>();
        EpochReport[] last = new EpochReport[1];
        History history = network.fit(and.inputs(), and.targets(), Training.epochs(MAX_EPOCHS)
                .targetLoss(DESIRED_ERROR)
                .report(1, r -> {                      // FANN reports at epoch 1, every N-th and the last
                    last[0] = r;
                    if (r.epoch() == 1 || r.epoch() % EPOCHS_BETWEEN_REPORTS == 0) {
                        reports.add(r);
                    }
                }));
        if (reports.get(reports.size() - 1).epoch() != history.epochs()) {
            reports.add(last[0]);
        }
        double trainedError = network.evaluate(and.inputs(), and.targets()).loss();
        network.save(model);

        Sequential loaded = Sequential.load(model);
        return new Result(data, model, List.copyOf(reports), history, trainedError, network, loaded,
                network.predict(-1, 1)[0], loaded.predict(-1, 1)[0]);
    }

    @Override
    public Integer call() throws IOException {
        Path folder = dir != null ? Files.createDirectories(dir) : temporaryFolder();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "2-4-1 network, learning rate %s (RPROP, FANN's default algorithm, ignores it).%n",
                LEARNING_RATE);
        out.printf(Locale.ROOT, "Max epochs %8d. Desired error: %.10f.%n", MAX_EPOCHS, DESIRED_ERROR);
        out.flush();

        Result result = run(folder, seed);

        for (EpochReport r : result.reports()) {
            out.printf(Locale.ROOT, "Epochs     %8d. Current error: %.10f. Bit fail %d.%n", r.epoch(), r.loss(),
                    r.bitFails());
        }
        out.println(result.history().summary());
        out.printf(Locale.ROOT, "Error of the trained network: %.10f.%n", result.trainedError());
        out.println("Saved to " + result.model() + "; loaded it into a new network.");
        out.printf(Locale.ROOT, "and test (%f, %f) -> %s%n", -1.0, 1.0, result.loadedOutput());
        out.flush();
        return 0;
    }

    /** A fresh folder whose files are deleted when the JVM exits (the folder last: deleteOnExit runs in reverse). */
    private static Path temporaryFolder() throws IOException {
        Path folder = Files.createTempDirectory("synapse-fann-and");
        folder.toFile().deleteOnExit();
        for (String name : new String[] {"and.data", "and.model"}) {
            new File(folder.toFile(), name).deleteOnExit();
        }
        return folder;
    }
}
