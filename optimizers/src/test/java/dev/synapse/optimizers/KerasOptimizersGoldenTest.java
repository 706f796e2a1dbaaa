package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adam, AdamW and RMSprop, step for step over 100 steps against Keras 3's rules as
 * {@code src/test/resources/golden/keras_optimizers.py} writes them in numpy float64 (its output,
 * {@code keras_optimizers.txt}, is committed beside it). The problem is the script's: six weights in two
 * parameters descending a coupled quadratic, whose gradient the test recomputes from its own weights at every step,
 * so an error anywhere in a step carries into all later ones.
 */
class KerasOptimizersGoldenTest {

    private static final double[] START = {0.5, -1.5, 2.0, 0.25, -0.75, 1.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 3.0, -1.0, 0.2};
    private static final double[] CURVATURE = {1.0, 4.0, 0.5, 2.0, 8.0, 0.25};
    private static final double COUPLING = 0.3;
    private static final int STEPS = 100;

    private static final Map<String, List<double[]>> GOLDEN = readGolden();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("adam-defaults", Adam.defaults()),
                Arguments.of("adam-fast", Adam.learningRate(0.05)),
                Arguments.of("adam-custom", Adam.learningRate(0.02).beta1(0.8).beta2(0.99).epsilon(1e-4)),
                Arguments.of("adamw-defaults", AdamW.defaults()),
                Arguments.of("adamw-fast", AdamW.learningRate(0.05).weightDecay(0.1)),
                Arguments.of("rmsprop-defaults", Rmsprop.defaults()),
                Arguments.of("rmsprop-fast", Rmsprop.learningRate(0.01)),
                Arguments.of("rmsprop-momentum", Rmsprop.learningRate(0.01).rho(0.8).momentum(0.9)),
                Arguments.of("rmsprop-centered", Rmsprop.learningRate(0.01).centered().epsilon(1e-5)),
                Arguments.of("adam-clipped", GradientClipping.byGlobalNorm(1.0, Adam.learningRate(0.05))),
                Arguments.of("adamw-clipped",
                        GradientClipping.byGlobalNorm(2.5, AdamW.learningRate(0.05).weightDecay(0.1))),
                Arguments.of("rmsprop-clipped", GradientClipping.byGlobalNorm(1.0, Rmsprop.learningRate(0.01))),
                Arguments.of("adam-cosine", Adam.learningRate(LearningRates.cosineDecay(0.1, 80, 0.1))),
                Arguments.of("adamw-cosine-warmup",
                        AdamW.learningRate(LearningRates.cosineDecay(0.0, 20, 0.1, 60, 0.0)).weightDecay(0.05)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesKerasStepForStepOver100Steps(String name, Optimizer optimizer) {
        List<double[]> expected = GOLDEN.get(name);
        assertThat(expected).as("golden trajectory %s", name).hasSize(STEPS + 1);
        assertThat(expected.get(0)).containsExactly(START);
        Parameter weights = new Parameter("weights", Matrix.wrap(2, 2, START[0], START[1], START[2], START[3]));
        Parameter bias = new Parameter("bias", Matrix.wrap(1, 2, START[4], START[5]));
        Optimizer.State state = optimizer.start(List.of(weights, bias));

        for (int step = 1; step <= STEPS; step++) {
            writeGradient(weights, bias);
            state.step(step);   // one step per epoch, so a schedule's epoch is Keras' iterations + 1

            double[] w = concat(weights, bias);
            double[] keras = expected.get(step);
            for (int i = 0; i < w.length; i++) {
                double tolerance = 1e-12 * Math.max(1, Math.abs(keras[i]));
                assertThat(Math.abs(w[i] - keras[i]))
                        .as("%s step %s weight %s: Synapse %s, Keras %s", name, step, i, w[i], keras[i])
                        .isLessThanOrEqualTo(tolerance);
            }
        }
    }

    @Test
    void everyGoldenTrajectoryIsTested() {
        assertThat(cases().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(GOLDEN.keySet());
    }

    @Test
    void theTrajectoriesGoSomewhereTheClippedOnesInBothRegimes() {
        // Guards the golden file itself: the fast runs approach the quadratic's minimum, and clipping at norm 1 is
        // active at the start (gradient norm about 10) but not at the end, so both branches are compared.
        assertThat(GOLDEN.get("adam-fast").get(STEPS)[0]).isBetween(0.9, 1.1);
        assertThat(gradientNorm(GOLDEN.get("adam-clipped").get(0))).isGreaterThan(5);
        assertThat(gradientNorm(GOLDEN.get("adam-clipped").get(STEPS))).isLessThan(1);
    }

    private static double gradientNorm(double[] w) {
        double[] g = gradient(w);
        double sum = 0;
        for (double v : g) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static void writeGradient(Parameter weights, Parameter bias) {
        double[] g = gradient(concat(weights, bias));
        System.arraycopy(g, 0, weights.gradient().data(), 0, 4);
        System.arraycopy(g, 4, bias.gradient().data(), 0, 2);
    }

    /** The script's {@code a * d + k * (roll(d, 1) + roll(d, -1))}, d = w - c, in the same order of operations. */
    private static double[] gradient(double[] w) {
        int n = w.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = w[i] - CENTER[i];
        }
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = CURVATURE[i] * d[i] + COUPLING * (d[(i + n - 1) % n] + d[(i + 1) % n]);
        }
        return g;
    }

    private static double[] concat(Parameter weights, Parameter bias) {
        double[] w = new double[6];
        System.arraycopy(weights.value().data(), 0, w, 0, 4);
        System.arraycopy(bias.value().data(), 0, w, 4, 2);
        return w;
    }

    private static Map<String, List<double[]>> readGolden() {
        Map<String, List<double[]>> golden = new LinkedHashMap<>();
        try (InputStream in = KerasOptimizersGoldenTest.class.getResourceAsStream("/golden/keras_optimizers.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                List<double[]> steps = golden.computeIfAbsent(fields[0], k -> new ArrayList<>());
                assertThat(Integer.parseInt(fields[1])).as(line).isEqualTo(steps.size());
                double[] w = new double[fields.length - 2];
                for (int i = 0; i < w.length; i++) {
                    w[i] = Double.parseDouble(fields[i + 2]);
                }
                steps.add(w);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read golden/keras_optimizers.txt", e);
        }
        return golden;
    }
}
