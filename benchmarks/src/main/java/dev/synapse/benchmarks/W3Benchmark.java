package dev.synapse.benchmarks;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W3, MLP scale: 784→128→10 sigmoid, MSE, SGD 0.1, mini-batches of 64, one shuffled epoch over 60000 synthetic
 * samples per call. The primary score is epochs/s; the {@code samples} secondary metric is samples/s, the unit of
 * benchmarks.md. {@code -p samples=6000} shortens a smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=1000", "-Xmx4g"})
public class W3Benchmark {

    @Param({"best"})
    public String engine;

    @Param({"0"})
    public int threads;

    /** true (the default): batches run threaded or on one thread, whichever times faster; false: always threaded. */
    @Param({"true"})
    public boolean measuredThreads;

    /** float64 (the default) or float32: the model's parameters, activations, gradients and optimizer state. */
    @Param({"float64"})
    public String precision;

    @Param({"60000"})
    public int samples;

    private Matrix x;
    private Matrix y;
    private Sequential model;
    private Training epoch;

    @Setup
    public void setup() {
        Workloads.configure(engine, threads);
        Matrix[] data = Workloads.synthetic(samples, 784, 10, 3);
        x = data[0];
        y = data[1];
        Precision p = Precision.ofLabel(precision);
        model = Workloads.w3(p);
        // Converted here, once, as numpy's float32 run converts its arrays before timing; fit would do it per call.
        x = x.toPrecision(p);
        epoch = Training.epochs(1).batchSize(64).measuredThreads(measuredThreads);
    }

    @Benchmark
    public History miniBatchEpoch(Counters counters) {
        counters.samples += samples;
        return model.fit(x, y, epoch);
    }
}
