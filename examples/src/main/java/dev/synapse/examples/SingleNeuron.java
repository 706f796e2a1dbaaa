package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.io.Console;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Tutorial 1, the class-based version: a single sigmoid neuron with three inputs and no bias learns that the output
 * is the first input, then predicts a situation it has never seen.
 */
@Command(name = "single-neuron", sortOptions = false,
        header = "Tutorial 1 (class-based): one neuron learns that the output is the first input, then predicts a "
                + "new situation.",
        description = {
            "One sigmoid neuron with 3 inputs and no bias learns from four examples that the output is the first "
                    + "input. It trains 15000 iterations, full batch, on the sum of squared errors with learning rate "
                    + "0.5, starting from numpy's weights for seed 1, and prints the starting weights, the trained "
                    + "weights and its prediction for the new situation.",
            "The new situation's three inputs come from the command line; without them they are asked for on the "
                    + "terminal, or are 1 0 0 when there is no terminal."})
public final class SingleNeuron implements Callable<Integer> {

    /** The new situation when none is given and nobody can be asked. */
    static final double[] DEFAULT_SITUATION = {1, 0, 0};

    @Parameters(arity = "0..3", paramLabel = "INPUT",
            description = "The new situation's three inputs, e.g. 1 0 0.")
    private List<Double> situation = new ArrayList<>();

    @Option(names = "--iterations", defaultValue = "15000", paramLabel = "N",
            description = "Training iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the starting weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    private final Supplier<Terminal> terminal;

    /** Reads lines typed by a person; null at the end of input. */
    @FunctionalInterface
    interface Terminal {
        String readLine(String prompt);
    }

    public SingleNeuron() {
        this(SingleNeuron::systemTerminal);
    }

    SingleNeuron(Supplier<Terminal> terminal) {
        this.terminal = terminal;
    }

    /** The terminal, when standard input and output are one; null otherwise, so nothing ever waits for input. */
    private static Terminal systemTerminal() {
        Console console = System.console();
        return console == null || !isTerminal(console) ? null : prompt -> console.readLine("%s", prompt);
    }

    /**
     * Up to Java 21 {@code System.console()} is null unless both standard streams are a terminal; from Java 22 on it
     * also exists for redirected streams, and {@code Console.isTerminal()} (not in Java 17's API) tells them apart.
     */
    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true;    // Java 17 to 21: a console exists only for a terminal
        }
    }

    /**
     * The trained neuron, and what the tutorial prints about it.
     *
     * @param startingWeights the weights before training, one per input
     * @param neuron          the trained model
     */
    public record Trained(double[] startingWeights, Sequential neuron) {

        /** The weights after training, one per input. */
        public double[] weights() {
            return neuron.parameters().get(0).value().data().clone();
        }

        /** The neuron's output for a new situation: a fresh forward pass, as the tutorial's {@code think}. */
        public double predict(double... situation) {
            return neuron.predict(situation)[0];
        }
    }

    /** Trains the neuron as the tutorial does. */
    public static Trained train(long seed, int iterations) {
        Matrix inputs = Matrix.of(new double[][] {{0, 0, 1}, {1, 1, 1}, {1, 0, 1}, {0, 1, 1}});
        Matrix outputs = Matrix.columnVector(0, 1, 1, 0);

        Sequential neuron = Sequential.builder().input(3)
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())      // gradient 2(out - y): learning rate 0.5 is the tutorial's step
                .optimizer(Sgd.learningRate(0.5))
                .seed(seed)
                .build();
        double[] startingWeights = neuron.parameters().get(0).value().data().clone();

        neuron.fit(inputs, outputs, iterations);

        return new Trained(startingWeights, neuron);
    }

    @Override
    public Integer call() {
        checkSituation();
        Trained trained = train(seed, iterations);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Beginning randomly generated weights:");
        out.println(TutorialTraining.column(trained.startingWeights()));
        out.println("Ending weights after " + iterations + " training iterations:");
        out.println(TutorialTraining.column(trained.weights()));
        out.flush();
        double[] newSituation = newSituation();     // asked only now, after training, as the tutorial asks
        out.println("Considering new situation " + Arrays.toString(newSituation) + " -> ?:");
        out.println("New output data: " + trained.predict(newSituation));
        out.flush();
        return 0;
    }

    private void checkSituation() {
        if (!situation.isEmpty() && situation.size() != 3) {
            throw new ParameterException(spec.commandLine(),
                    "the new situation needs three inputs, e.g. single-neuron 1 0 0, but got " + situation.size()
                            + ": " + situation);
        }
    }

    private double[] newSituation() {
        if (situation.size() == 3) {
            return situation.stream().mapToDouble(Double::doubleValue).toArray();
        }
        Terminal person = terminal.get();
        return person == null ? DEFAULT_SITUATION.clone() : ask(person);
    }

    /** Asks for the three inputs one by one, as the tutorial does; an empty answer keeps the default. */
    private static double[] ask(Terminal person) {
        String[] names = {"one", "two", "three"};
        double[] inputs = DEFAULT_SITUATION.clone();
        for (int i = 0; i < 3; i++) {
            String problem = "";
            while (true) {
                String line = person.readLine(problem + "New situation, input " + names[i] + " [" + inputs[i] + "]: ");
                if (line == null) {
                    return inputs;              // end of input: the defaults stand for the rest
                }
                if (line.isBlank()) {
                    break;
                }
                try {
                    double value = Double.parseDouble(line.strip());
                    if (Double.isFinite(value)) {
                        inputs[i] = value;
                        break;
                    }
                } catch (NumberFormatException e) {
                    // asked again, saying why
                }
                problem = "'" + line.strip() + "' is not a number. ";
            }
        }
        return inputs;
    }
}
