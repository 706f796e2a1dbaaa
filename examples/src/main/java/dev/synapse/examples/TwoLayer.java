package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tutorial 2: the two-layer network, three inputs wired straight to one sigmoid output. */
@Command(name = "two-layer", sortOptions = false,
        header = "Tutorial 2: a two-layer network (3 -> 1) learns that the output is the first input.",
        description = {
            "Three inputs wired to one sigmoid output, no bias. It trains 10000 iterations, full batch, on the sum "
                    + "of squared errors with learning rate 0.5, from numpy's weights for seed 1, and prints the "
                    + "outputs of the last iteration's forward pass (computed before that iteration's update)."})
public final class TwoLayer implements Callable<Integer> {

    @Option(names = "--iterations", defaultValue = "10000", paramLabel = "N",
            description = "Training iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the starting weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    /**
     * What the tutorial prints.
     *
     * @param outputs the outputs of the last iteration's forward pass, in the order of the training rows
     * @param weights the weights after training, one per input
     */
    public record Result(double[] outputs, double[] weights) {}

    /** Trains the network as the tutorial does. */
    public static Result train(long seed, int iterations) {
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        Matrix y = Matrix.columnVector(0, 0, 1, 1);

        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(seed)
                .build();

        TutorialTraining.Outcome outcome = TutorialTraining.fit(network, x, y, iterations);
        return new Result(outcome.lastForwardPass(), network.parameters().get(0).value().data().clone());
    }

    @Override
    public Integer call() {
        Result result = train(seed, iterations);

        PrintWriter out = spec.commandLine().getOut();
        out.println("Output After Training:");
        out.println(TutorialTraining.column(result.outputs()));
        out.flush();
        return 0;
    }
}
