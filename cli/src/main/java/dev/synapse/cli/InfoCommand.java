package dev.synapse.cli;

import dev.synapse.core.Activation;
import dev.synapse.core.Layer;
import dev.synapse.core.Parameter;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.fann.FannNetFile;
import dev.synapse.fann.FixedPointNetwork;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse info}: what a model file holds, FANN's {@code fann_print_parameters} in brief. */
@Command(name = "info", mixinStandardHelpOptions = true,
        header = "Describes a saved model: architecture, activations, loss, parameter count, engine.",
        description = "Example: synapse info and.model")
final class InfoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model file saved by 'synapse train --save', or a FANN .net file.")
    private Path model;

    @Spec
    private CommandSpec spec;

    /** Widths from input to output, e.g. {@code 2-4-1}. */
    static String architecture(Sequential network) {
        StringBuilder architecture = new StringBuilder().append(network.inputSize());
        network.layers().forEach(l -> architecture.append('-').append(l.outputSize()));
        return architecture.toString();
    }

    @Override
    public Integer call() throws IOException {
        ModelFile file = PathArguments.loadModel(model);
        Sequential network = file.model();

        PrintWriter out = spec.commandLine().getOut();
        out.println("Model:        " + model);
        out.println("Architecture: " + architecture(network));
        if (Files.isRegularFile(model) && FannNetFile.isFixedPoint(model)) {
            FixedPointNetwork fixed = PathArguments.read(model, "a model file", FannNetFile::readFixedPoint);
            out.println("Fixed point:  decimal point " + fixed.decimalPoint() + " (multiplier " + fixed.multiplier()
                    + "); 'synapse run' computes libfixedfann's integers, the layers below are the double-precision"
                    + " model");
        }
        for (int i = 0; i < network.layers().size(); i++) {
            out.println("  layer " + i + ":    " + describe(network.layers().get(i)));
        }
        out.println("Loss:         " + network.loss().map(l -> l.name()).orElse("none (the model only predicts)"));
        long count = network.parameters().stream().mapToLong(p -> p.value().size()).sum();
        out.println("Parameters:   " + count + " (" + network.parameters().stream()
                .map(InfoCommand::shape).collect(Collectors.joining(", ")) + ")");
        out.println("Input scaler: " + file.inputScaler().map(Scaler::toString).orElse("none"));
        out.println("Target scaler: " + file.targetScaler().map(Scaler::toString).orElse("none"));
        out.println("Engine:       " + Engines.describe());
        out.println();
        out.print(network.summary());
        out.flush();
        return 0;
    }

    /** {@code dense, 2 -> 4, sigmoid-stepwise (steepness 0.5), bias}, from what the model file stores. */
    private static String describe(Layer layer) {
        Optional<LayerFactory> factory = Registry.global().layer(layer.type());
        if (factory.isEmpty()) {
            return layer.type() + ", " + layer.inputSize() + " -> " + layer.outputSize();
        }
        LayerConfig config = factory.get().describe(layer);
        StringBuilder s = new StringBuilder(config.type()).append(", ").append(config.inputSize()).append(" -> ")
                .append(config.units());
        Activation activation = config.activation();
        if (activation != null) {
            s.append(", ").append(activation.name()).append(arguments(activation.arguments()));
        }
        s.append(config.bias() ? ", bias" : ", no bias").append(arguments(config.arguments()));
        return s.toString();
    }

    private static String arguments(Map<String, Double> arguments) {
        if (arguments.isEmpty()) {
            return "";
        }
        return arguments.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String shape(Parameter p) {
        return p.name() + " " + p.value().rows() + "x" + p.value().cols();
    }
}
