package dev.synapse.cli;

import dev.synapse.activations.FannActivation;
import dev.synapse.charts.LossChart;
import dev.synapse.core.Activation;
import dev.synapse.core.Loss;
import dev.synapse.core.Optimizer;
import dev.synapse.core.RowActivation;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.io.ActivationFactory;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Dropout;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.FannMse;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Adam;
import dev.synapse.optimizers.AdamW;
import dev.synapse.optimizers.Quickprop;
import dev.synapse.optimizers.Rmsprop;
import dev.synapse.optimizers.Rprop;
import dev.synapse.optimizers.Sgd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code synapse train}: FANN's {@code fann_create_standard} + {@code fann_train_on_file} + {@code fann_save}, with
 * FANN's defaults for everything not given.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        header = "Trains a fully connected network on a FANN data file, as FANN's fann_train_on_file does.",
        description = {
            "Builds the network of --layers (fann_create_standard: every layer has a bias, weights and biases uniform "
                    + "in [-0.1, 0.1]), trains it full batch with FANN's MSE and stops at --max-epochs or once the "
                    + "error is at most --desired-error. Prints FANN's report lines (or a progress bar on a "
                    + "terminal), then saves the model with --save.",
            "Activation names: those of model files, e.g. sigmoid-stepwise, sigmoid-symmetric-stepwise, "
                    + "sigmoid-symmetric, fann-sigmoid, linear, tanh, sigmoid (FANN's at steepness 0.5)."})
final class TrainCommand implements Callable<Integer> {

    /** FANN's training algorithms, and Keras' adaptive optimizers. */
    enum Algorithm {
        rprop, quickprop, incremental, batch, adam, adamw, rmsprop;

        /** Keras' optimizers, whose learning rate defaults to 0.001 rather than FANN's 0.7. */
        boolean isKeras() {
            return this == adam || this == adamw || this == rmsprop;
        }
    }

    @Parameters(index = "0", paramLabel = "DATA",
            description = "Training data in FANN's format, e.g. and.data (or IDX with --labels, CSV with --targets).")
    private Path data;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "N,N,...",
            description = "Units per layer, inputs first and outputs last, e.g. 2,4,1.")
    private List<Integer> layers;

    @Option(names = "--activation", defaultValue = "sigmoid-stepwise", paramLabel = "NAME",
            description = "Activation of the output layer, or softmax (default: ${DEFAULT-VALUE}, FANN's).")
    private String activation;

    @Option(names = "--hidden-activation", defaultValue = "sigmoid-stepwise", paramLabel = "NAME",
            description = "Activation of the hidden layers (default: ${DEFAULT-VALUE}, FANN's).")
    private String hiddenActivation;

    @Option(names = "--algorithm", defaultValue = "rprop", paramLabel = "NAME",
            description = "rprop (iRPROP-, FANN's default; ignores the learning rate), quickprop, incremental, "
                    + "batch, or Keras' adam, adamw and rmsprop (default: ${DEFAULT-VALUE}).")
    private Algorithm algorithm;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Learning rate of every algorithm but rprop (default: 0.7, FANN's; 0.001 for adam, adamw "
                    + "and rmsprop, Keras').")
    private Double learningRate;

    @Mixin
    private TrainingChoices choices;

    @Mixin
    private CascadeChoices cascade;

    @Option(names = "--momentum", defaultValue = "0", paramLabel = "M",
            description = "Learning momentum of incremental and batch (default: ${DEFAULT-VALUE}).")
    private double momentum;

    @Option(names = "--max-epochs", defaultValue = "100000", paramLabel = "N",
            description = "Stop after this many epochs (default: ${DEFAULT-VALUE}).")
    private int maxEpochs;

    @Option(names = "--report-every", defaultValue = "1000", paramLabel = "N",
            description = "Print a report line at epoch 1, every N epochs and the last; 0 for none "
                    + "(default: ${DEFAULT-VALUE}).")
    private int reportEvery;

    @Option(names = "--desired-error", paramLabel = "MSE",
            description = "Stop once an epoch's MSE (FANN's) is at most this (default: 0.00001, or none with "
                    + "--stop-bit-fails).")
    private Double desiredError;

    @Option(names = "--bit-fail-limit", defaultValue = "0.35", paramLabel = "L",
            description = "An output fails when its error is at least this (default: ${DEFAULT-VALUE}).")
    private double bitFailLimit;

    @Option(names = "--stop-bit-fails", paramLabel = "N",
            description = "Stop once an epoch has at most N bit fails (FANN_STOPFUNC_BIT).")
    private Integer stopBitFails;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the initial weights, 0 to 4294967295 (default: ${DEFAULT-VALUE}, so a command "
                    + "gives the same network every time; FANN seeds from the clock).")
    private long seed;

    @Option(names = "--save", paramLabel = "MODEL", description = "Save the trained model here, e.g. and.model.")
    private Path save;

    @Option(names = "--plot", paramLabel = "PNG", description = "Draw the error of every epoch as a PNG chart.")
    private Path plot;

    @Option(names = "--timing",
            description = "Print how long the epochs took: milliseconds per epoch over the second half (epochs "
                    + "101-200 of 200), where the JIT compiler has warmed up. benchmarks/fann-compare.sh reads it.")
    private boolean timing;

    @Spec
    private CommandSpec spec;

    private final BooleanSupplier terminal;
    private final IntSupplier columns;

    TrainCommand() {
        this(Terminals::isTerminal, Terminals::columns);
    }

    /** A train command that asks {@code terminal} whether to draw a progress bar, {@code columns} how wide. */
    TrainCommand(BooleanSupplier terminal, IntSupplier columns) {
        this.terminal = terminal;
        this.columns = columns;
    }

    @Override
    public Integer call() throws IOException {
        checkLayers();
        Activation hidden = activation("--hidden-activation", hiddenActivation);
        RowActivation rowOutput = Registry.global().rowActivation(activation).map(f -> f.apply(Map.of()))
                .orElse(null);
        Activation output = rowOutput != null ? null : activation("--activation", activation);
        choices.check();
        Training training = choices.apply(training());     // checks the stop settings before any file is read
        if (save != null) {
            PathArguments.checkWritable("--save", save);
        }
        if (plot != null) {
            PathArguments.checkNotAFolder(plot, "a PNG file");  // its folders are made when the chart is written
        }
        Dataset set = choices.read(data, layers.get(layers.size() - 1));
        checkWidths(set);
        if (cascade.maxNeurons != null) {
            return trainCascade(set, output);
        }
        Sequential model = build(hidden, output, rowOutput, set, seed);

        PrintWriter out = spec.commandLine().getOut();
        // FANN's MSE goes unsaid, as FANN's own runs print it; any other loss is named.
        String loss = choices.loss != null || rowOutput != null ? ", " + model.loss().orElseThrow().name() : "";
        out.printf(Locale.ROOT, "Training %s on %s (%d samples), %s%s%s, seed %d.%n", architecture(), data,
                set.size(), algorithm, loss, choices.describe(), seed);
        if (desiredError() >= 0) {
            out.printf(Locale.ROOT, "Max epochs %8d. Desired error: %.10f.%n", maxEpochs, desiredError());
        } else {
            out.printf(Locale.ROOT, "Max epochs %8d. Desired bit fails: %d.%n", maxEpochs, stopBitFails);
        }
        out.flush();
        ProgressBar bar = terminal.getAsBoolean() ? new ProgressBar(out, maxEpochs, columns.getAsInt()) : null;
        TrainingProgress progress = new TrainingProgress(out, bar, reportEvery, maxEpochs);
        History history;
        try {
            history = model.fit(set.inputs(), set.targets(), training.report(1, progress));
            progress.finish();
        } finally {
            progress.close();
        }
        if (timing) {
            progress.printTiming();
        }
        out.println(switch (history.stopReason()) {
            case TARGET_LOSS_REACHED -> "Desired error reached after " + history.epochs() + " epochs.";
            case BIT_FAILS_REACHED -> "Desired bit fails reached after " + history.epochs() + " epochs.";
            case MAX_EPOCHS -> "Stopped at the maximum of " + history.epochs() + " epochs without reaching the goal.";
            default -> history.summary();
        });
        // An epoch's error is measured before that epoch's update: say which weights were kept and what they score.
        out.println("Kept " + history.keptWeights() + ".");
        out.printf(Locale.ROOT, "Error of the trained network: %.10f. Bit fail %d.%n",
                model.evaluate(set.inputs(), set.targets()).loss(), bitFails(model, set));
        if (history.hasValidation()) {
            out.printf(Locale.ROOT, "Validation error of the kept weights: %.10f.%n",
                    history.validationLoss(Math.max(1, history.keptEpoch())));
        }
        if (plot != null) {
            LossChart.writeEpochs(history.losses(), "synapse train " + architecture() + " on " + data.getFileName(),
                    "MSE (FANN's)", plot);
            out.println("Error curve plotted to " + plot + ".");
        }
        if (save != null) {
            model.save(save);
            out.println("Saved to " + save + ".");
        }
        out.flush();
        return 0;
    }

    /** {@code --cascade}: grows the network with Cascade2, then reports and saves it as a plain training does. */
    private int trainCascade(Dataset set, Activation output) throws IOException {
        if (algorithm != Algorithm.rprop && algorithm != Algorithm.quickprop) {
            throw new Synapse.UsageException("--cascade trains with --algorithm rprop or quickprop, as FANN's cascade"
                    + " training does (got " + algorithm + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        Sequential model = cascade.train(out, data, set, layers, output, optimizer(), desiredError(), stopBitFails,
                bitFailLimit, seed).model();
        out.printf(Locale.ROOT, "Error of the trained network: %.10f. Bit fail %d.%n",
                model.evaluate(set.inputs(), set.targets()).loss(), bitFails(model, set));
        if (save != null) {
            model.save(save);
            out.println("Saved to " + save + ".");
        }
        out.flush();
        return 0;
    }

    /** Bit fails at this command's limit ({@code evaluate} counts at FANN's default, 0.35). */
    private long bitFails(Sequential model, Dataset set) {
        double[] predicted = model.predict(set.inputs()).data();
        double[] targets = set.targets().data();
        Loss loss = model.loss().orElseThrow();
        int outputs = model.outputSize();
        // Class-index targets (one column for several outputs) count as the one-hot rows they stand for.
        boolean indices = set.targetWidth() != outputs;
        long fails = 0;
        for (int i = 0; i < predicted.length; i++) {
            double target = indices ? (targets[i / outputs] == i % outputs ? 1 : 0) : targets[i];
            fails += Math.abs(loss.error(predicted[i], target)) >= bitFailLimit ? 1 : 0;
        }
        return fails;
    }

    private void checkLayers() {
        if (layers.size() < 2) {
            throw new Synapse.UsageException("--layers needs at least an input and an output width, e.g. 2,4,1; got "
                    + layers.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        for (int width : layers) {
            if (width <= 0) {
                throw new Synapse.UsageException("--layers needs positive widths, got " + architecture());
            }
        }
    }

    private String architecture() {
        return layers.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }

    /** An activation by its model-file name, with FANN's default steepness where it has one. */
    private static Activation activation(String option, String name) {
        Registry registry = Registry.global();
        ActivationFactory factory = registry.activation(name).orElseThrow(() -> new Synapse.UsageException(
                option + ": unknown activation '" + name + "'; known: "
                        + String.join(", ", registry.activationNames())));
        Activation made = factory.create(Map.of());
        if (!made.isDifferentiable()) {
            throw new Synapse.UsageException(option + ": cannot train through '" + name
                    + "', which has no gradient; train with a smooth activation and switch afterwards");
        }
        return made;
    }

    /** FANN halves the error of outputs whose range reaches -1 (fann_update_MSE); tanh is sigmoid-symmetric. */
    private static boolean symmetric(Activation output) {
        if (output instanceof FannActivation fann) {
            return fann.function().isSymmetric();
        }
        return output.name().equals("tanh");
    }

    private double desiredError() {
        if (desiredError != null) {
            return desiredError;
        }
        return stopBitFails == null ? 0.00001 : -1;
    }

    private Training training() {
        if (reportEvery < 0) {
            throw new Synapse.UsageException("--report-every must be 0 (no reports) or positive, got " + reportEvery);
        }
        Training training = Training.epochs(maxEpochs).bitFailLimit(bitFailLimit);
        if (desiredError() >= 0) {
            training = training.targetLoss(desiredError());
        }
        if (stopBitFails != null) {
            training = training.stopWhenBitFailsAtMost(stopBitFails);
        }
        return algorithm == Algorithm.incremental ? training.incremental() : training;
    }

    private void checkWidths(Dataset set) {
        int in = layers.get(0);
        int out = layers.get(layers.size() - 1);
        // Class indices are one target column for all the outputs.
        boolean indices = set.targetWidth() == 1 && (choices.sparse() || choices.loss == null && isSoftmax());
        if (set.inputWidth() != in || set.targetWidth() != out && !indices) {
            throw new Synapse.UsageException(data + " has " + Words.count(set.inputWidth(), "input") + " and "
                    + Words.count(set.targetWidth(), "output") + " per sample, but --layers "
                    + layers.stream().map(String::valueOf).collect(Collectors.joining(",")) + " takes " + in
                    + " and gives " + out + "; start --layers with " + set.inputWidth() + " and end it with "
                    + set.targetWidth());
        }
    }

    private boolean isSoftmax() {
        return Registry.global().rowActivation(activation).isPresent();
    }

    /**
     * FANN's network of {@code layers}, with {@code --dropout} after each hidden layer; the output is {@code output}
     * or, when given, the row-wise {@code rowOutput} (softmax), whose default loss is a categorical cross-entropy
     * (sparse for one target column) instead of FANN's MSE.
     */
    private Sequential build(Activation hidden, Activation output, RowActivation rowOutput, Dataset set, long seed) {
        Sequential.Builder builder = Sequential.builder().input(layers.get(0));
        for (int l = 1; l < layers.size() - 1; l++) {
            builder.add(Dense.units(layers.get(l)).activation(hidden)
                    .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1)));
            if (choices.dropout != null && choices.dropout > 0) {
                builder.add(Dropout.rate(choices.dropout));
            }
        }
        Dense.Spec last = Dense.units(layers.get(layers.size() - 1))
                .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1));
        builder.add(rowOutput != null ? last.activation(rowOutput) : last.activation(output));
        Loss loss = choices.loss(() -> rowOutput == null ? Losses.fannMse(symmetric(output))
                : set.targetWidth() == 1 ? Losses.sparseCategoricalCrossEntropy() : Losses.categoricalCrossEntropy());
        return builder.loss(loss).optimizer(optimizer()).seed(seed).build();
    }

    /** The learning rate given, else FANN's 0.7, or Keras' 0.001 for its optimizers. */
    private double rate() {
        return learningRate != null ? learningRate : algorithm.isKeras() ? 0.001 : 0.7;
    }

    private Optimizer optimizer() {
        return switch (algorithm) {
            case rprop -> Rprop.fannDefaults();
            case quickprop -> Quickprop.fannDefaults().learningRate(rate());
            case adam -> Adam.learningRate(rate());
            case adamw -> AdamW.learningRate(rate());
            case rmsprop -> Rmsprop.learningRate(rate());
            case incremental, batch -> momentum == 0
                    ? Sgd.learningRate(rate()) : Sgd.learningRate(rate()).momentum(momentum);
        };
    }
}
