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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Tutorial 3: the three-layer network that learns XOR, a problem no single layer can solve. */
@Command(name = "three-layer", sortOptions = false,
        header = "Tutorial 3: a three-layer network (3 -> 4 -> 1) learns XOR.",
        description = {
            "3 inputs -> a hidden sigmoid layer -> 1 sigmoid output, no biases; the target is XOR of the first two "
                    + "inputs. It trains full batch on the sum of squared errors with learning rate 0.5, from numpy's "
                    + "weights for seed 1, prints the mean absolute error every 10000 iterations (from that "
                    + "iteration's forward pass, before its update) and the outputs of the last iteration's forward "
                    + "pass."})
public final class ThreeLayer implements Callable<Integer> {

    /** The tutorial prints the error every this many iterations. */
    static final int REPORT_EVERY = 10_000;

    @Option(names = "--hidden", defaultValue = "4", paramLabel = "N",
            description = "Units in the hidden layer (default: ${DEFAULT-VALUE}; one variant of the tutorial uses 5).")
    private int hidden;

    @Option(names = "--iterations", defaultValue = "60000", paramLabel = "N",
            description = "Training iterations (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the starting weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--plot", paramLabel = "PATH",
            description = "Also write the loss per iteration as a PNG chart to PATH.")
    private Path plot;

    @Mixin
    private HelpOption help;

    @Spec
    private CommandSpec spec;

    /**
     * One {@code Error:} line of the tutorial.
     *
     * @param iteration the 0-based iteration whose forward pass gave the error
     * @param error     {@code mean(|y - out|)} of that forward pass
     */
    public record ErrorLine(int iteration, double error) {}

    /**
     * What the tutorial prints, and the loss curve.
     *
     * @param errors  the error lines, at iterations 0, 10000, 20000, ...
     * @param outputs the outputs of the last iteration's forward pass
     * @param losses  the sum of squared errors of every iteration's forward pass
     */
    public record Result(List<ErrorLine> errors, double[] outputs, double[] losses) {}

    /** Trains the network as the tutorial does. */
    public static Result train(long seed, int hidden, int iterations) {
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential network = Sequential.builder().input(3)
                .add(Dense.units(hidden).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .add(Dense.units(1).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(seed)
                .build();

        List<ErrorLine> errors = new ArrayList<>();
        // The listener hears epochs 1, 10001, ... (0-based iterations 0, 10000, ...) and the last one; the
        // tutorial prints only the former.
        TutorialTraining.Outcome outcome = TutorialTraining.fit(network, x, y, iterations, REPORT_EVERY, report -> {
            int iteration = report.epoch() - 1;
            if (iteration % REPORT_EVERY == 0) {
                errors.add(new ErrorLine(iteration, report.metrics().meanAbsoluteError()));
            }
        });
        return new Result(List.copyOf(errors), outcome.lastForwardPass(), outcome.losses());
    }

    @Override
    public Integer call() throws IOException {
        Result result = train(seed, hidden, iterations);

        PrintWriter out = spec.commandLine().getOut();
        for (ErrorLine line : result.errors()) {
            out.println("Error:" + line.error());
        }
        out.println("Output After Training:");
        out.println(TutorialTraining.column(result.outputs()));
        if (plot != null) {
            LossChart.write(result.losses(), "Three-layer network (3-" + hidden + "-1), XOR",
                    "sum of squared errors", plot);
            out.println("Loss curve written to " + plot);
        }
        out.flush();
        return 0;
    }
}
