package dev.synapse.engine.vector;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Run in a child JVM by {@link ReproducibleTrainingTest}: trains {@link IssueNetwork} for one epoch, batch 64, once
 * per run named in the arguments ({@code ENGINE:THREADS}, THREADS a number or {@code default}, optionally followed
 * by {@code :float32} for the network in float32), each from a fresh
 * model, and prints one line per run, {@code ENGINE:THREADS DIGEST}, the digest covering every weight, every bias
 * and the predictions for the first 100 samples. A last line gives the largest difference between the engines.
 */
public final class TrainAndDigest {

    /** Arguments: the number of samples, then the runs in the order to make them. */
    public static void main(String[] args) {
        int samples = Integer.parseInt(args[0]);
        Matrix x = IssueNetwork.inputs(samples);
        Matrix y = IssueNetwork.targets(x);
        Matrix probe = Matrix.wrap(100, IssueNetwork.INPUTS, Arrays.copyOf(x.data(), 100 * IssueNetwork.INPUTS));
        int defaultThreads = Engines.threads();
        Map<String, double[]> byEngine = new HashMap<>();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < args.length; i++) {
            String[] run = args[i].split(":");
            Engines.use(Engines.named(run[0]));
            Engines.setThreads(run[1].equals("default") ? defaultThreads : Integer.parseInt(run[1]));

            Precision precision = run.length > 2 ? Precision.ofLabel(run[2]) : Precision.FLOAT64;
            Sequential model = IssueNetwork.model(precision);
            model.fit(x, y, Training.epochs(1).batchSize(64));
            double[] values = IssueNetwork.values(model, model.predict(probe).data());

            byEngine.putIfAbsent(run[0], values);
            out.append(args[i]).append(' ').append(IssueNetwork.digest(values)).append('\n');
        }
        double[] vector = byEngine.get("vector");
        double[] pureJava = byEngine.get("pure-java");
        double largest = 0;
        for (int i = 0; vector != null && pureJava != null && i < vector.length; i++) {
            largest = Math.max(largest, Math.abs(vector[i] - pureJava[i]));
        }
        out.append("largest difference between the engines ").append(largest).append('\n');
        System.out.print(out);
    }
}
