package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.charts.LossChart;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tutorial 4: the {@code NeuralNetwork} class, a 3-4-1 network trained on XOR, with its loss curve. */
@Command(name = "neural-network-class", sortOptions = false,
        header = "Tutorial 4: the NeuralNetwork class (3 -> 4 -> 1) learns XOR and plots its loss curve.",
        description = {
            "3 inputs -> 4 sigmoid units -> 1 sigmoid output, no biases, weights uniform in [0, 1) (np.random.rand). "
                    + "It trains 1500 iterations, full batch, on the sum of squared errors with learning rate 1, "
                    + "prints the outputs of the last iteration's forward pass and draws the loss of every iteration "
                    + "as a PNG chart."})
public final class NeuralNetworkClass implements Callable<Integer> {

    @Option(names = "--iterations", defaultValue = "1500", paramLabel = "N",
            description = "Training iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the starting weights; the original is unseeded (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--plot", paramLabel = "PATH", defaultValue = "neural-network-class-loss.png",
            description = "Where to write the loss chart (default: ${DEFAULT-VALUE}, in the working directory).")
    private Path plot;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    /**
     * What the tutorial prints and plots.
     *
     * @param outputs the outputs of the last iteration's forward pass
     * @param losses  the sum of squared errors of every iteration's forward pass: the curve the chart draws
     */
    public record Result(double[] outputs, double[] losses) {}

    /** Trains the network as the tutorial does. */
    public static Result train(long seed, int iterations) {
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()).withoutBias().weights(Initializers.rand()))
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.rand()))
                .loss(Losses.sumSquaredError())      // the tutorial's update: gradient 2(out - y), learning rate 1
                .optimizer(Sgd.learningRate(1))
                .seed(seed)
                .build();

        TutorialTraining.Outcome outcome = TutorialTraining.fit(network, x, y, iterations);
        return new Result(outcome.lastForwardPass(), outcome.losses());
    }

    @Override
    public Integer call() throws IOException {
        Result result = train(seed, iterations);
        LossChart.write(result.losses(), "NeuralNetwork class (3-4-1), XOR", "sum of squared errors", plot);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Predictions after " + iterations + " training iterations (last forward pass):");
        out.println(TutorialTraining.column(result.outputs()));
        out.println("Final loss: " + result.losses()[result.losses().length - 1]);
        out.println("Loss per iteration plotted to " + plot);
        out.flush();
        return 0;
    }
}
