package dev.synapse.optimizers;

import static dev.synapse.activations.FannActivations.sigmoidStepwise;
import static dev.synapse.activations.FannActivations.sigmoidSymmetric;
import static dev.synapse.activations.FannActivations.sigmoidSymmetricStepwise;

import dev.synapse.core.Activation;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.Optimizer;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import java.io.IOException;
import java.io.PrintStream;

/**
 * Prints Synapse's side of docs/fann-comparison.md: FANN's examples (mushroom.c, robot.c, and XOR with RPROP and
 * Quickprop) trained as FANN trains them, over several seeds. A program, not a test: run it as that page says.
 *
 * <pre>
 *   java -cp ... dev.synapse.optimizers.FannComparison mushroom 10
 *   java -cp ... dev.synapse.optimizers.FannComparison robot 5
 *   java -cp ... dev.synapse.optimizers.FannComparison xor 20
 * </pre>
 */
public final class FannComparison {

    private FannComparison() {}

    private static Dense.Spec dense(int units, Activation activation) {
        return Dense.units(units).activation(activation)
                .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: FannComparison mushroom|robot|xor <number of seeds>");
            System.exit(2);
        }
        int seeds = Integer.parseInt(args[1]);
        PrintStream out = System.out;
        switch (args[0]) {
            case "mushroom" -> {
                Dataset train = FannDatasets.read("mushroom.train");
                Dataset test = FannDatasets.read("mushroom.test");
                for (int seed = 1; seed <= seeds; seed++) {
                    Sequential model = Sequential.builder().input(125)
                            .add(dense(32, sigmoidSymmetricStepwise()))
                            .add(dense(2, sigmoidStepwise()))
                            .loss(Losses.fannMse(false)).optimizer(Rprop.fannDefaults()).seed(seed).build();
                    History h = model.fit(train.inputs(), train.targets(), Training.epochs(300).targetLoss(0.0001));
                    Metrics m = model.evaluate(test.inputs(), test.targets());
                    out.printf("seed %2d  epochs %3d  test MSE %.6f  accuracy %.5f%n", seed, h.epochs(), m.loss(),
                            m.accuracy());
                }
            }
            case "robot" -> {
                Dataset train = FannDatasets.read("robot.train");
                Dataset test = FannDatasets.read("robot.test");
                for (int seed = 1; seed <= seeds; seed++) {
                    Sequential model = Sequential.builder().input(48)
                            .add(dense(96, sigmoidStepwise()))
                            .add(dense(3, sigmoidStepwise()))
                            .loss(Losses.fannMse(false)).optimizer(Sgd.learningRate(0.7).momentum(0.4)).seed(seed)
                            .build();
                    History h = model.fit(train.inputs(), train.targets(),
                            Training.epochs(3000).incremental().targetLoss(0.001));
                    Metrics m = model.evaluate(test.inputs(), test.targets());
                    out.printf("seed %2d  epochs %4d  test MSE %.6f%n", seed, h.epochs(), m.loss());
                }
            }
            case "xor" -> {
                Dataset xor = FannDatasets.read(FannDatasets.DATASETS.resolveSibling("xor.data").toString());
                for (String algorithm : new String[] {"rprop", "quickprop"}) {
                    StringBuilder epochs = new StringBuilder();
                    int reached = 0;
                    for (int seed = 1; seed <= seeds; seed++) {
                        Optimizer optimizer = algorithm.equals("rprop") ? Rprop.fannDefaults() : Quickprop.fannDefaults();
                        Sequential model = Sequential.builder().input(2)
                                .add(dense(4, sigmoidSymmetric(1)))
                                .add(dense(1, sigmoidSymmetric(1)))
                                .loss(Losses.fannMse(true)).optimizer(optimizer).seed(seed).build();
                        History h = model.fit(xor.inputs(), xor.targets(), Training.epochs(2000).targetLoss(0.001));
                        reached += h.stopReason() == History.StopReason.TARGET_LOSS_REACHED ? 1 : 0;
                        epochs.append(' ').append(h.epochs());
                    }
                    out.printf("%s:%s  (reached in %d/%d)%n", algorithm, epochs, reached, seeds);
                }
            }
            default -> {
                System.err.println("unknown workload " + args[0] + "; use mushroom, robot or xor");
                System.exit(2);
            }
        }
    }
}
