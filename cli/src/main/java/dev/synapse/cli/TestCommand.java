package dev.synapse.cli;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.losses.FannMse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse test}: FANN's {@code fann_test_data}, plus mean absolute error and accuracy. */
@Command(name = "test", mixinStandardHelpOptions = true,
        header = "Tests a saved model on a FANN data file: MSE, mean absolute error, accuracy, bit fails.",
        description = {"The MSE is FANN's when the model was trained with FANN's MSE (synapse train), otherwise "
                + "the model's own loss is shown beside the plain mean squared error. Accuracy: with one output, "
                + "prediction and target on the same side of the midpoint of the output activation's range (of the "
                + "targets' range when it is unbounded); with several, the largest output is the target's largest. "
                + "Bit fails: outputs whose error is at least 0.35, FANN's default limit.",
                "Example: synapse test and.model and.data"})
final class TestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file saved by 'synapse train --save', or a FANN .net file.")
    private Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "Test data in FANN's format.")
    private Path data;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelFile file = PathArguments.loadModel(model);
        Dataset set = PathArguments.readFannData(data);
        Sequential network = file.model();
        if (set.inputWidth() != network.inputSize() || set.targetWidth() != network.outputSize()) {
            throw new Synapse.FailedException(data + " has " + Words.count(set.inputWidth(), "input") + " and "
                    + Words.count(set.targetWidth(), "output") + " per sample, but " + model + " takes "
                    + network.inputSize() + " and gives " + network.outputSize());
        }
        // The network works on scaled values when the file has scalers: test it on the data as it saw it in training.
        Matrix inputs = file.inputScaler().map(s -> s.transform(set.inputs())).orElse(set.inputs());
        Matrix targets = file.targetScaler().map(s -> s.transform(set.targets())).orElse(set.targets());
        Metrics metrics = network.evaluate(inputs, targets);

        PrintWriter out = spec.commandLine().getOut();
        Optional<Loss> loss = network.loss();
        if (loss.isPresent() && loss.get() instanceof FannMse) {
            out.printf(Locale.ROOT, "MSE (FANN's):        %.10f%n", metrics.loss());
        } else {
            loss.ifPresent(l -> out.printf(Locale.ROOT, "Loss (%s):%s%.10f%n", l.name(),
                    " ".repeat(Math.max(1, 14 - l.name().length())), metrics.loss()));
            out.printf(Locale.ROOT, "MSE:                 %.10f%n", metrics.meanSquaredError());
        }
        out.printf(Locale.ROOT, "Mean absolute error: %.10f%n", metrics.meanAbsoluteError());
        long right = Math.round(metrics.accuracy() * set.size());
        out.printf(Locale.ROOT, "Accuracy:            %.2f%% (%d of %d samples)%n", 100 * metrics.accuracy(), right,
                set.size());
        out.printf(Locale.ROOT, "Bit fails:           %d (of %s, limit 0.35)%n", metrics.bitFails(),
                Words.count((long) set.size() * set.targetWidth(), "output"));
        out.flush();
        return 0;
    }
}
