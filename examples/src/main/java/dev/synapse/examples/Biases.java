package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tutorial 5: XOR with biases, 2 inputs -> 3 hidden units -> 1 output. */
@Command(name = "biases", sortOptions = false,
        header = "Tutorial 5: a network with biases (2 -> 3 -> 1) learns XOR.",
        description = {
            "Weights start Gaussian (np.random.randn, input->hidden drawn first), biases at zero. It trains 10000 "
                    + "epochs, full batch, with learning rate 0.1 on half the sum of squared errors (the tutorial's "
                    + "update), then prints the initial and final weights and biases and the outputs of a fresh "
                    + "forward pass."})
public final class Biases implements Callable<Integer> {

    @Option(names = "--epochs", defaultValue = "10000", paramLabel = "N",
            description = "Training epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--learning-rate", defaultValue = "0.1", paramLabel = "RATE",
            description = "Learning rate (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the starting weights; the original is unseeded (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    /**
     * The network before and after training, and what it answers.
     *
     * @param initial the parameters before training: hidden weights (2×3), hidden bias (1×3), output weights (3×1),
     *                output bias (1×1)
     * @param trained the same parameters after training
     * @param outputs the outputs of a fresh forward pass with the trained parameters, one per XOR input
     */
    public record Result(List<Matrix> initial, List<Matrix> trained, double[] outputs) {}

    /** Trains the network as the tutorial does. */
    public static Result train(long seed, int epochs, double learningRate) {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential network = Sequential.builder().input(2)
                .add(Dense.units(3).activation(sigmoid()).weights(Initializers.randn()).bias(Initializers.zeros()))
                .add(Dense.units(1).activation(sigmoid()).weights(Initializers.randn()).bias(Initializers.zeros()))
                .loss(Losses.halfSumSquaredError())  // gradient out - y: the tutorial's learning rate as printed
                .optimizer(Sgd.learningRate(learningRate))
                .seed(seed)
                .build();
        List<Matrix> initial = copies(network.parameters());

        network.fit(x, y, epochs);

        return new Result(initial, copies(network.parameters()), network.predict(x).data());
    }

    private static List<Matrix> copies(List<Parameter> parameters) {
        return parameters.stream().map(p -> p.value().copy()).toList();
    }

    @Override
    public Integer call() {
        Result result = train(seed, epochs, learningRate);

        PrintWriter out = spec.commandLine().getOut();
        printParameters(out, "Initial", result.initial());
        printParameters(out, "Final", result.trained());
        out.println("Output from neural network after " + String.format(Locale.ROOT, "%,d", epochs) + " epochs:");
        out.println(TutorialTraining.column(result.outputs()));
        out.flush();
        return 0;
    }

    private static void printParameters(PrintWriter out, String when, List<Matrix> p) {
        out.println(when + " hidden weights: " + rows(p.get(0)));
        out.println(when + " hidden biases: " + rows(p.get(1)));
        out.println(when + " output weights: " + rows(p.get(2)));
        out.println(when + " output bias: " + rows(p.get(3)));
    }

    private static String rows(Matrix m) {
        StringBuilder s = new StringBuilder("[");
        for (int r = 0; r < m.rows(); r++) {
            s.append(r == 0 ? "" : " ").append(Arrays.toString(m.row(r)));
        }
        return s.append(']').toString();
    }
}
