package dev.synapse.benchmarks;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import java.io.IOException;
import java.nio.file.Path;
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
 * W5, a real classifier: one epoch of TensorFlow's basic classification over Fashion-MNIST's 60000 training images
 * per call (784→128 ReLU→10 softmax, sparse categorical cross-entropy, Adam 0.001, mini-batches of 32 reshuffled
 * every epoch), scored in seconds per epoch. The model keeps training from call to call, as epochs follow each
 * other. Data from Debian's dataset-fashion-mnist or {@code -p data=DIR}; {@code -p samples=3200} shortens a smoke
 * run to the first 3200 images.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=1000", "-Xmx4g"})
public class W5Benchmark {

    /** The engine: "best" (the discovered one), "pure-java" or "vector". */
    @Param({"best"})
    public String engine;

    /** Threads for the matrix products; 0 means every core. */
    @Param({"0"})
    public int threads;

    /** true (the default): batches run threaded or on one thread, whichever times faster; false: always threaded. */
    @Param({"true"})
    public boolean measuredThreads;

    /** float64 (the default) or float32: the model's parameters, activations, gradients and optimizer state. */
    @Param({"float64"})
    public String precision;

    /** The folder holding Fashion-MNIST's train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz. */
    @Param({Workloads.FASHION_MNIST})
    public String data;

    /** How many training images an epoch covers: all 60000 unless shortened for a smoke run. */
    @Param({"60000"})
    public int samples;

    private Matrix x;
    private Matrix y;
    private Sequential model;
    private Training epoch;

    /**
     * Reads the training set and builds W5's model.
     *
     * @throws IOException naming the package to install when the data is missing
     */
    @Setup
    public void setup() throws IOException {
        Workloads.configure(engine, threads);
        Dataset training = Workloads.fashionMnistTraining(Path.of(data));
        if (samples < training.size()) {
            training = training.slice(0, samples);
        }
        x = training.inputs();
        y = training.targets();
        Precision p = Precision.ofLabel(precision);
        model = Workloads.w5(p);
        // Converted here, once, as numpy's float32 run converts its arrays before timing; fit would do it per call.
        x = x.toPrecision(p);
        epoch = Training.epochs(1).batchSize(32).measuredThreads(measuredThreads);
    }

    /** One epoch over the training images: 1875 mini-batches of 32 for all 60000. */
    @Benchmark
    public History miniBatchEpoch() {
        return model.fit(x, y, epoch);
    }
}
