package dev.synapse.benchmarks;

import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engine;
import dev.synapse.core.engine.Product;
import java.util.Random;
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
 * The matrix products of benchmarks.md: {@code FORM:MxNxK} computes the m×n result of {@code op(A)·op(B)} with
 * inner dimension k. The workloads' shapes in all three forms (W3's layer 1 and 2, W4's 1024-wide layer; the
 * gradient forms are {@code Aᵀ·B} for ∂W = xᵀ·δ and {@code A·Bᵀ} for ∂x = δ·Wᵀ) and square n = 4 … 2048, on one
 * thread and on all cores ({@code threads=0}). The {@code gflop} secondary metric is GFLOP/s = 2mnk / s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-XX:PerMethodTrapLimit=1000"})
public class KernelBenchmark {

    @Param({
        "A_B:64x128x784", "AT_B:784x128x64", "A_BT:64x784x128",
        "A_B:64x10x128", "AT_B:128x10x64", "A_BT:64x128x10",
        "A_B:256x1024x1024", "AT_B:1024x1024x256", "A_BT:256x1024x1024",
        "A_B:4x4x4", "A_B:16x16x16", "A_B:64x64x64", "A_B:256x256x256", "A_B:1024x1024x1024", "A_B:2048x2048x2048"})
    public String shape;

    @Param({"1", "0"})
    public int threads;

    @Param({"best"})
    public String engine;

    /** float64 (the default) or float32: the operands' element type. */
    @Param({"float64"})
    public String precision;

    private Engine kernels;
    private Product form;
    private int m;
    private int n;
    private int k;
    private double[] a;
    private double[] b;
    private double[] c;
    private float[] af;
    private float[] bf;
    private float[] cf;
    private boolean float32;
    private double gflopPerCall;

    @Setup
    public void setup() {
        kernels = Workloads.configure(engine, threads);
        String[] parts = shape.split(":");
        form = Product.valueOf(parts[0]);
        String[] dims = parts[1].split("x");
        m = Integer.parseInt(dims[0]);
        n = Integer.parseInt(dims[1]);
        k = Integer.parseInt(dims[2]);
        Random random = new Random(42);
        a = new double[m * k];
        b = new double[k * n];
        c = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble() - 0.5;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextDouble() - 0.5;
        }
        float32 = Precision.ofLabel(precision) == Precision.FLOAT32;
        if (float32) {
            af = toFloats(a);
            bf = toFloats(b);
            cf = new float[m * n];
        }
        gflopPerCall = 2.0 * m * n * k / 1e9;
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    @Benchmark
    public Object multiply(Counters counters) {
        counters.gflop += gflopPerCall;
        if (float32) {
            kernels.multiply(form, af, bf, cf, m, n, k, false);
            return cf;
        }
        kernels.multiply(form, a, b, c, m, n, k, false);
        return c;
    }
}
