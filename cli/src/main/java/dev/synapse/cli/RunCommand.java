package dev.synapse.cli;

import dev.synapse.core.model.ModelFile;
import dev.synapse.fann.FannNetFile;
import dev.synapse.fann.FixedPointNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse run}: FANN's {@code fann_create_from_file} + {@code fann_run} on one input. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs a saved model on one input and prints its outputs.",
        description = {"Prints the outputs on one line, separated by spaces, each in full precision. "
                + "Inputs go through the model file's input scaler, if it has one, and outputs back through its "
                + "target scaler. A FANN fixed-point file (fann_save_to_fixed) runs as libfixedfann's fann_run does, "
                + "integer for integer: each input rounded to the nearest multiple of 1/multiplier, each output such "
                + "a multiple.", "Example: synapse run and.model -1 1"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file saved by 'synapse train --save', or a FANN .net file.")
    private Path model;

    // Strings, parsed here: picocli's own conversion to numbers answers "Unmatched argument" for a word.
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "The input values, e.g. -1 1.")
    private List<String> inputs;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        double[] sample = numbers();
        double[] outputs;
        if (Files.isRegularFile(model) && FannNetFile.isFixedPoint(model)) {
            FixedPointNetwork network = PathArguments.read(model, "a model file", FannNetFile::readFixedPoint);
            checkWidth(network.inputSize(), sample);
            outputs = network.predict(sample);
        } else {
            ModelFile file = PathArguments.loadModel(model);
            checkWidth(file.model().inputSize(), sample);
            outputs = file.predict(sample);
        }

        PrintWriter out = spec.commandLine().getOut();
        StringBuilder line = new StringBuilder();
        for (double value : outputs) {
            line.append(line.length() == 0 ? "" : " ").append(value);
        }
        out.println(line);
        out.flush();
        return 0;
    }

    private void checkWidth(int width, double[] sample) {
        if (sample.length != width) {
            throw new Synapse.UsageException(model + " takes " + Words.count(width, "input") + ", got "
                    + sample.length + ": " + String.join(" ", inputs));
        }
    }

    /** The inputs as numbers, or a usage error naming the first that is not one. */
    private double[] numbers() {
        double[] values = new double[inputs.size()];
        for (int i = 0; i < values.length; i++) {
            String input = inputs.get(i).strip();
            // Decimal numbers only: Double.parseDouble would also take "1d", "0x1p3" and "NaN".
            double value = DECIMAL.matcher(input).matches() ? Double.parseDouble(input) : Double.NaN;
            if (!Double.isFinite(value)) {
                throw new Synapse.UsageException("input " + (i + 1) + ", '" + inputs.get(i) + "', is not a"
                        + (DECIMAL.matcher(input).matches() ? " finite" : "") + " number; give the "
                        + Words.count(values.length, "input") + " as numbers, e.g. -1 0.5 2e-3");
            }
            values[i] = value;
        }
        return values;
    }
}
