package dev.synapse.cli;

import dev.synapse.core.Loss;
import dev.synapse.core.data.CsvData;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.IdxData;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.EarlyStopping;
import dev.synapse.core.model.Training;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The options of {@code synapse train} beyond FANN's: the loss, mini-batches, validation and early stopping,
 * dropout, and the data formats other than FANN's (IDX images with {@code --labels}, CSV with {@code --targets}).
 */
final class TrainingChoices {

    @Option(names = "--loss", paramLabel = "NAME",
            description = "The loss: fann-mse (FANN's, the default), mse, sse, half-sse, categorical-crossentropy "
                    + "(one-hot targets), sparse-categorical-crossentropy (class indices) or binary-crossentropy. "
                    + "With a softmax output the default is a categorical cross-entropy.")
    String loss;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Mini-batches of N samples, reshuffled every epoch (default: the whole set at once).")
    Integer batchSize;

    @Option(names = "--validation-split", paramLabel = "F",
            description = "Hold out the last fraction F of the samples (0 < F < 1) to measure after every epoch.")
    Double validationSplit;

    @Option(names = "--early-stop", paramLabel = "PATIENCE",
            description = "Stop once the validation loss has not improved for PATIENCE epochs, keeping the best "
                    + "epoch's weights (needs --validation-split).")
    Integer earlyStop;

    @Option(names = "--dropout", paramLabel = "RATE",
            description = "Drop this fraction of each hidden layer's outputs while training (0 <= RATE < 1).")
    Double dropout;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "DATA is an IDX images file (MNIST's format, raw or .gz), FILE its IDX labels file; "
                    + "pixels are scaled to [0, 1].")
    Path labels;

    @Option(names = "--targets", split = ",", paramLabel = "NAME,...",
            description = "DATA is a CSV file with a header row; these columns are the targets, the others inputs.")
    List<String> targets;

    /** Whether the targets are class indices, one column for several outputs. */
    boolean sparse() {
        return "sparse-categorical-crossentropy".equals(loss);
    }

    /** Checks the combinations that no single option can check, before any file is read. */
    void check() {
        if (labels != null && targets != null) {
            throw new Synapse.UsageException("--labels (IDX data) and --targets (CSV data) exclude each other;"
                    + " give the one that fits DATA");
        }
        if (earlyStop != null && validationSplit == null) {
            throw new Synapse.UsageException("--early-stop " + earlyStop + " watches the validation loss; add"
                    + " --validation-split, e.g. --validation-split 0.1");
        }
        if (dropout != null && !(dropout >= 0 && dropout < 1)) {
            throw new Synapse.UsageException("--dropout must be at least 0 and below 1, got " + dropout);
        }
    }

    /**
     * Reads DATA as its options say: IDX with {@code --labels} (class indices for the sparse loss, else one-hot
     * rows of {@code outputs} columns), CSV with {@code --targets}, else FANN's format.
     */
    Dataset read(Path data, int outputs) throws IOException {
        if (labels != null) {
            IdxData.Labels encoding = sparse() ? IdxData.Labels.classIndex() : IdxData.Labels.oneHot(outputs);
            return PathArguments.read(data, "an IDX images file",
                    images -> IdxData.read(images, labels, encoding, IdxData.Pixels.UNIT_INTERVAL));
        }
        if (targets != null) {
            return PathArguments.read(data, "a CSV file",
                    csv -> CsvData.read(csv, targets.toArray(String[]::new)));
        }
        return PathArguments.readFannData(data);
    }

    /** The loss named by {@code --loss}, or {@code fallback} when none is named. */
    Loss loss(Supplier<Loss> fallback) {
        if (loss == null) {
            return fallback.get();
        }
        Registry registry = Registry.global();
        return registry.loss(loss).<Loss>map(Supplier::get).orElseThrow(() -> new Synapse.UsageException(
                "--loss: unknown loss '" + loss + "'; known: fann-mse, " + String.join(", ", registry.lossNames())));
    }

    /** {@code training} with the mini-batches, validation and early stopping asked for. */
    Training apply(Training training) {
        Training t = training;
        if (batchSize != null) {
            t = t.batchSize(batchSize);
        }
        if (validationSplit != null) {
            t = t.validationSplit(validationSplit);
        }
        if (earlyStop != null) {
            t = t.earlyStopping(EarlyStopping.patience(earlyStop));
        }
        return t;
    }

    /** What the header line adds: {@code ", batch 32, 10% for validation"}. */
    String describe() {
        StringBuilder s = new StringBuilder();
        if (batchSize != null) {
            s.append(", batch ").append(batchSize);
        }
        if (validationSplit != null) {
            s.append(String.format(Locale.ROOT, ", %.4g%% held out for validation", 100 * validationSplit));
        }
        if (dropout != null) {
            s.append(", dropout ").append(dropout);
        }
        return s.toString();
    }
}
