package dev.synapse.benchmarks;

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
 * W1, tutorial scale: the 3→4→1 sigmoid network on the four XOR samples, 60000 full-batch epochs through the public
 * {@code Sequential} API, with and without biases. Reported in ms per 60000 epochs (build included: it is a few
 * microseconds). Target: ≤ 25 ms with biases.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=1000"})
public class W1Benchmark {

    @Param({"false", "true"})
    public boolean biases;

    /** "best", "vector" or "pure-java". */
    @Param({"best"})
    public String engine;

    @Setup
    public void setup() {
        Workloads.configure(engine, 0);
    }

    @Benchmark
    public History train60000Epochs() {
        Sequential model = Workloads.w1(biases);
        return model.fit(Workloads.TUTORIAL_X, Workloads.TUTORIAL_Y, Training.epochs(60_000));
    }
}
