package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer in float32, step for step against its float64 run (which {@link KerasOptimizersGoldenTest} and
 * the FANN tests hold to the references): the coupled quadratic of the Keras golden test, 100 steps, weights,
 * gradients and optimizer state in float32. The float32 run may differ by float rounding carried through the
 * steps: a relative 1e-4 of each weight (a thousand float ulps) over the first 30 steps, and 2e-2 at step 100.
 * The looser bound is for the end: near the minimum the steps of RMSprop and Quickprop hardly depend on the
 * gradient's size, so a rounding in a gradient near 0 becomes a different step, and the coupling carries it to the
 * other weights (measured: 4e-3 by step 75; Quickprop's secant, a quotient of two nearly equal slopes, leaves
 * 1e-4 first, at step 38).
 */
class Float32OptimizersTest {

    private static final double[] START = {0.5, -1.5, 2.0, 0.25, -0.75, 1.0};
    private static final double[] CENTER = {1.0, -2.0, 0.5, 3.0, -1.0, 0.2};
    private static final double[] CURVATURE = {1.0, 4.0, 0.5, 2.0, 8.0, 0.25};
    private static final int STEPS = 100;

    static Stream<Arguments> cases() {
        return Stream.concat(KerasOptimizersGoldenTest.cases(), Stream.of(
                Arguments.of("sgd", Sgd.learningRate(0.05)),
                Arguments.of("sgd-momentum", Sgd.learningRate(0.02).momentum(0.9)),
                Arguments.of("sgd-nesterov", Sgd.learningRate(0.02).momentum(0.9).nesterov()),
                Arguments.of("rprop", Rprop.fannDefaults()),
                Arguments.of("quickprop", Quickprop.fannDefaults())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFloat32RunFollowsTheFloat64RunToFloatRounding(String name, Optimizer optimizer) {
        Parameter[] doubles = parameters(Precision.FLOAT64);
        Parameter[] floats = parameters(Precision.FLOAT32);
        Optimizer.State doubleState = optimizer.start(List.of(doubles));
        Optimizer.State floatState = optimizer.start(List.of(floats));

        for (int step = 1; step <= STEPS; step++) {
            writeGradient(doubles);
            writeGradient(floats);
            doubleState.step(step, 4);
            floatState.step(step, 4);

            double[] expected = weights(doubles);
            double[] got = weights(floats);
            if (step > 30 && step < STEPS) {
                continue;
            }
            for (int i = 0; i < got.length; i++) {
                assertThat(Math.abs(got[i] - expected[i]))
                        .as("%s step %s weight %s: float32 %s, float64 %s", name, step, i, got[i], expected[i])
                        .isLessThanOrEqualTo((step <= 30 ? 1e-4 : 2e-2) * Math.max(1, Math.abs(expected[i])));
            }
        }
        assertThat(floats[0].value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(weights(floats)).isNotEqualTo(START);
    }

    @Test
    void clippingScalesAFloat32GradientInFloat() {
        Parameter p = new Parameter("w", Matrix.rowVector(0, 0).toPrecision(Precision.FLOAT32));
        p.gradient().set(0, 0, 3);
        p.gradient().set(0, 1, 4);

        double norm = GradientClipping.clip(List.of(p), 1);

        assertThat(norm).isEqualTo(5);
        assertThat(p.gradient().floatData()).containsExactly(0.6f, 0.8f);
    }

    private static Parameter[] parameters(Precision precision) {
        return new Parameter[] {
            new Parameter("weights", Matrix.wrap(2, 2, START[0], START[1], START[2], START[3]).toPrecision(precision)),
            new Parameter("bias", Matrix.wrap(1, 2, START[4], START[5]).toPrecision(precision))};
    }

    /** The quadratic's gradient at the parameters' own weights, in double, stored in their precision. */
    private static void writeGradient(Parameter[] parameters) {
        double[] w = weights(parameters);
        int n = w.length;
        for (int i = 0, offset = 0; i < parameters.length; offset += parameters[i].value().size(), i++) {
            Matrix g = parameters[i].gradient();
            for (int e = 0; e < g.size(); e++) {
                int j = offset + e;
                double d = w[j] - CENTER[j];
                double neighbours = w[(j + n - 1) % n] - CENTER[(j + n - 1) % n] + w[(j + 1) % n] - CENTER[(j + 1) % n];
                g.set(e / g.cols(), e % g.cols(), CURVATURE[j] * d + 0.3 * neighbours);
            }
        }
    }

    private static double[] weights(Parameter[] parameters) {
        double[] w = new double[6];
        int k = 0;
        for (Parameter p : parameters) {
            for (double v : p.value().toPrecision(Precision.FLOAT64).data()) {
                w[k++] = v;
            }
        }
        return w;
    }
}
