package dev.synapse.cli;

import dev.synapse.core.io.ModelFile;
import dev.synapse.fann.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse run}: FANN's {@code fann_create_from_file} + {@code fann_run} on one input. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Runs a saved model on one input and prints its outputs.",
        description = {"Prints the outputs on one line, separated by spaces, each in full precision. "
                + "Inputs go through the model file's input scaler, if it has one, and outputs back through its "
                + "target scaler.", "Example: synapse run and.model -1 1"})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file saved by 'synapse train --save', or a FANN .net file.")
    private Path model;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT", description = "The input values, e.g. -1 1.")
    private List<Double> inputs;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelFile file = ModelFiles.load(model);
        int width = file.model().inputSize();
        if (inputs.size() != width) {
            throw new Synapse.UsageException(model + " takes " + width + " inputs, got " + inputs.size() + ": "
                    + inputs.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        }
        double[] outputs = file.predict(inputs.stream().mapToDouble(Double::doubleValue).toArray());

        PrintWriter out = spec.commandLine().getOut();
        StringBuilder line = new StringBuilder();
        for (double value : outputs) {
            line.append(line.length() == 0 ? "" : " ").append(value);
        }
        out.println(line);
        out.flush();
        return 0;
    }
}
