package dev.synapse.engine.vector;

import dev.synapse.core.engine.Engine;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.Product;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Run in a child JVM by {@link JitIndependenceTest}: computes every function training relies on over fixed inputs
 * {@code calls} times, then prints one line per function with a hash of its first call's bits and, if a later call
 * (after the JIT has compiled the code) gave other bits, the first such call.
 */
public final class FunctionBits {

    private static final int N = 515;

    /** Arguments: the number of calls. */
    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        double[] x = new double[N];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < N; i++) {
            x[i] = i % 5 == 0 ? random.nextDouble(-746, 710) : random.nextDouble(-20, 20);
        }
        double[] positive = Arrays.stream(x).map(v -> Math.abs(v) + 1e-3).toArray();
        double[] a = random.doubles(48 * 40, -1, 1).toArray();
        double[] b = random.doubles(40 * 36, -1, 1).toArray();
        Engine vector = new VectorEngine();
        Engine pureJava = Engines.pureJava();

        Map<String, Function<double[], double[]>> functions = new LinkedHashMap<>();
        functions.put("vector exp", in -> apply(in, (i, o) -> vector.exp(i, o, i.length)));
        functions.put("vector sigmoid", in -> apply(in, (i, o) -> vector.sigmoid(i, o, i.length)));
        functions.put("pure-java exp", in -> apply(in, (i, o) -> pureJava.exp(i, o, i.length)));
        functions.put("pure-java sigmoid", in -> apply(in, (i, o) -> pureJava.sigmoid(i, o, i.length)));
        functions.put("Math.tanh", in -> Arrays.stream(in).map(Math::tanh).toArray());
        functions.put("Math.log1p", in -> Arrays.stream(in).map(v -> Math.log1p(Math.exp(-Math.abs(v)))).toArray());
        functions.put("Math.log", in -> Arrays.stream(positive).map(Math::log).toArray());
        functions.put("Math.sin", in -> Arrays.stream(in).map(Math::sin).toArray());
        functions.put("Math.cos", in -> Arrays.stream(in).map(Math::cos).toArray());
        functions.put("Math.pow", in -> Arrays.stream(positive).map(v -> Math.pow(0.97, v)).toArray());
        functions.put("vector product", in -> product(vector, a, b));
        functions.put("pure-java product", in -> product(pureJava, a, b));

        StringBuilder report = new StringBuilder();
        for (Map.Entry<String, Function<double[], double[]>> f : functions.entrySet()) {
            long[] first = bits(f.getValue().apply(x));
            int changedAt = 0;
            for (int call = 2; call <= calls && changedAt == 0; call++) {
                if (!Arrays.equals(first, bits(f.getValue().apply(x)))) {
                    changedAt = call;
                }
            }
            report.append(f.getKey()).append(' ').append(Long.toHexString(Arrays.hashCode(first)))
                    .append(changedAt == 0 ? "" : " changed at call " + changedAt).append('\n');
        }
        System.out.print(report);
    }

    private interface Pass {
        void run(double[] in, double[] out);
    }

    private static double[] apply(double[] in, Pass pass) {
        double[] out = new double[in.length];
        pass.run(in, out);
        return out;
    }

    private static double[] product(Engine engine, double[] a, double[] b) {
        double[] c = new double[48 * 36];
        engine.multiply(Product.A_B, a, b, c, 48, 36, 40, false);
        return c;
    }

    private static long[] bits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
