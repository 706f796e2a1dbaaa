package dev.synapse.benchmarks;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * W2, FANN scale: 125→32→2 trained by full-batch RPROP ({@link Workloads#w2()}) on FANN's mushroom.train
 * (4062 samples), 100 epochs per call,
 * reported in ms per epoch. Falls back to synthetic data of the same shape, and says so on standard error, when
 * mushroom.train is not installed (Debian's libfann-dev ships it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=1000"})
public class W2Benchmark {

    static final int EPOCHS = 100;

    /** true (the default): batches run threaded or on one thread, whichever times faster; false: always threaded. */
    @Param({"true"})
    public boolean measuredThreads;

    @Param({"best"})
    public String engine;

    @Param({"0"})
    public int threads;

    private Matrix x;
    private Matrix y;
    private Sequential model;

    @Setup
    public void setup() throws IOException {
        Workloads.configure(engine, threads);
        Matrix[] data = Workloads.mushroom();
        if (data == null) {
            System.err.println("W2: mushroom.train not found; using synthetic 4062x125 data (install libfann-dev)");
            data = Workloads.synthetic(4062, 125, 2, 7);
        }
        x = data[0];
        y = data[1];
        model = Workloads.w2();
    }

    @Benchmark
    @OperationsPerInvocation(EPOCHS)
    public History rpropEpoch() {
        return model.fit(x, y, Training.epochs(EPOCHS).measuredThreads(measuredThreads));
    }
}
