package dev.synapse.engine.vector;

import dev.synapse.activations.Activations;
import dev.synapse.activations.FannActivation;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link ReproducibleTrainingTest}: trains a 20 → 40 → 3 network with every built-in
 * activation that can train (hidden and output) under every built-in loss, 50 epochs in batches of 16 (so the JIT compiles the
 * code while it trains, and every sigmoid batch is long enough for whole vectors), and prints one line per pair with
 * the digest of the weights and outputs, or the exception training ended with, sorted.
 */
public final class EveryActivationAndLoss {

    /** Arguments: {@code reverse} to train the pairs in the opposite order (the lines still come in one order). */
    public static void main(String[] args) {
        List<Activation> activations = new ArrayList<>(List.of(Activations.identity(), Activations.sigmoid(),
                Activations.tanh(), Activations.relu(), Activations.leakyRelu(), Activations.softplus()));
        for (FannActivation.Function f : FannActivation.Function.values()) {
            // The thresholds have no gradient: FANN and Synapse use them for inference only.
            if (f != FannActivation.Function.THRESHOLD && f != FannActivation.Function.THRESHOLD_SYMMETRIC) {
                activations.add(FannActivations.of(f, FannActivations.DEFAULT_STEEPNESS));
            }
        }
        Map<String, Loss> losses = Map.of("sse", Losses.sumSquaredError(), "half-sse", Losses.halfSumSquaredError(),
                "mse", Losses.meanSquaredError(), "fann-mse", Losses.fannMse(false));
        Matrix all = IssueNetwork.inputs(64);
        Matrix x = new Matrix(64, 20);
        Matrix y = new Matrix(64, 3);
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 20; c++) {
                x.set(r, c, all.get(r, c));
            }
            y.set(r, (int) (3 * all.get(r, 20)), 1.0);
        }
        List<String> lines = new ArrayList<>();
        if (args.length > 0 && args[0].equals("reverse")) {
            Collections.reverse(activations);
        }
        for (Activation activation : activations) {
            for (String loss : List.of("sse", "half-sse", "mse", "fann-mse")) {
                Sequential model = Sequential.builder().input(20)
                        .add(Dense.units(40).activation(activation))
                        .add(Dense.units(3).activation(activation))
                        .loss(losses.get(loss)).optimizer(Sgd.learningRate(0.01)).seed(3).build();
                String result;
                try {
                    model.fit(x, y, Training.epochs(50).batchSize(16));
                    result = IssueNetwork.digest(IssueNetwork.values(model, model.predict(x).data()));
                } catch (RuntimeException e) {
                    result = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                lines.add(activation + " " + loss + " " + result);
            }
        }
        Collections.sort(lines);
        System.out.print(String.join("\n", lines) + "\n");
    }
}
