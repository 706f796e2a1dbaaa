package dev.synapse.cli;

import dev.synapse.activations.FannActivation;
import dev.synapse.core.Activation;
import dev.synapse.core.Optimizer;
import dev.synapse.core.data.Dataset;
import dev.synapse.fann.CascadeResult;
import dev.synapse.fann.CascadeTraining;
import dev.synapse.fann.CascadeTraining.ErrorFunction;
import dev.synapse.fann.CascadeTraining.StopFunction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code synapse train --cascade MAX_NEURONS} and the options of FANN's cascade training
 * ({@code fann_cascadetrain_on_file}): the network starts with no hidden units and grows one at a time.
 */
final class CascadeChoices {

    @Option(names = "--cascade", paramLabel = "MAX_NEURONS",
            description = "Grow the hidden units with FANN's Cascade2 (fann_cascadetrain_on_data), at most this many; "
                    + "--layers then gives only INPUTS,OUTPUTS.")
    Integer maxNeurons;

    @Option(names = "--candidate-groups", defaultValue = "2", paramLabel = "N",
            description = "With --cascade: candidates per activation and steepness (default: ${DEFAULT-VALUE}).")
    int candidateGroups;

    @Option(names = "--candidate-activations", split = ",", paramLabel = "NAME,...",
            description = "With --cascade: the candidates' activations (default: FANN's ten, fann-sigmoid to cos).")
    List<String> candidateActivations;

    @Option(names = "--candidate-steepnesses", split = ",", paramLabel = "S,...",
            description = "With --cascade: the candidates' steepnesses (default: 0.25,0.5,0.75,1).")
    double[] candidateSteepnesses;

    @Option(names = "--error-function", defaultValue = "tanh", paramLabel = "NAME",
            description = "With --cascade: tanh (FANN's default) or linear (default: ${DEFAULT-VALUE}).")
    String errorFunction;

    /**
     * Grows, reports one line per added unit, and returns the trained result.
     *
     * @throws Synapse.UsageException if an option does not suit cascade training
     */
    CascadeResult train(PrintWriter out, Path data, Dataset set, List<Integer> layers, Activation output,
            Optimizer optimizer, double desiredError, Integer stopBitFails, double bitFailLimit, long seed) {
        if (layers.size() != 2) {
            throw new Synapse.UsageException("--cascade grows the hidden units itself: give --layers INPUTS,OUTPUTS"
                    + " (got " + layers.size() + " sizes)");
        }
        if (!(output instanceof FannActivation fannOutput)) {
            throw new Synapse.UsageException("--cascade trains FANN's activations: give --activation one of FANN's,"
                    + " e.g. linear or sigmoid-symmetric (got " + (output == null ? "softmax" : output.name()) + ")");
        }
        CascadeTraining cascade;
        try {
            cascade = CascadeTraining.defaults().maxNeurons(maxNeurons).outputActivation(fannOutput)
                    .optimizer(optimizer).errorFunction(errorFunction()).bitFailLimit(bitFailLimit)
                    .candidateGroups(candidateGroups);
            cascade = stopBitFails != null ? cascade.stopFunction(StopFunction.BIT).desiredError(stopBitFails)
                    : cascade.desiredError(Math.max(0, desiredError));
            if (candidateActivations != null) {
                cascade = cascade.activationFunctions(functions());
            }
            if (candidateSteepnesses != null) {
                cascade = cascade.activationSteepnesses(candidateSteepnesses);
            }
        } catch (IllegalArgumentException e) {
            throw new Synapse.UsageException("--cascade: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "Cascade training on %s (%d samples), %s, seed %d.%n", data, set.size(),
                optimizer.name(), seed);
        if (stopBitFails != null) {
            out.printf(Locale.ROOT, "Max neurons %4d. Desired bit fails: %d.%n", maxNeurons, stopBitFails);
        } else {
            out.printf(Locale.ROOT, "Max neurons %4d. Desired error: %.10f.%n", maxNeurons, Math.max(0, desiredError));
        }
        out.flush();
        CascadeResult result = cascade.train(set.inputs(), set.targets(), seed, n -> {
            out.printf(Locale.ROOT, "Neurons %4d. Current error: %.10f. Bit fail %d. Epochs %6d. Added %s at"
                    + " steepness %s.%n", n.number(), n.mse(), n.bitFails(), n.totalEpochs(),
                    n.activation().function().synapseName(), n.activation().steepness());
            out.flush();
        });
        out.printf(Locale.ROOT, "%s after %d neurons and %d epochs.%n", result.goalReached()
                ? "Desired error reached" : "Stopped without reaching the goal", result.neurons().size(),
                result.totalEpochs());
        return result;
    }

    private ErrorFunction errorFunction() {
        return switch (errorFunction) {
            case "tanh" -> ErrorFunction.TANH;
            case "linear" -> ErrorFunction.LINEAR;
            default -> throw new IllegalArgumentException("--error-function is tanh or linear, got '" + errorFunction
                    + "'");
        };
    }

    private List<FannActivation.Function> functions() {
        List<FannActivation.Function> functions = new ArrayList<>();
        for (String name : candidateActivations) {
            FannActivation.Function found = null;
            for (FannActivation.Function f : FannActivation.Function.values()) {
                if (f.synapseName().equals(name)) {
                    found = f;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown candidate activation '" + name + "'; FANN's are e.g."
                        + " sigmoid-symmetric, gaussian, elliott, sin, cos");
            }
            functions.add(found);
        }
        return functions;
    }
}
