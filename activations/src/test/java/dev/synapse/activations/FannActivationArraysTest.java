package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.activations.FannActivation.Function;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The array methods that layers call ({@code apply}, {@code backward}) give exactly the scalar {@code value} and
 * {@code derivative} that {@link FannActivationsGoldenTest} checks against libdoublefann: same bits, -0.0 and NaN
 * included, for every function at several steepnesses.
 */
class FannActivationArraysTest {

    private static final double[] STEEPNESSES = {0.5, 1, 0.25, 3.7, 1e-3};

    /** Ordinary values, each breakpoint (in x at every steepness) and its neighbouring doubles, and the extremes. */
    private static double[] inputs() {
        List<Double> xs = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 2000; i++) {
            xs.add(random.nextDouble(-8, 8));
            xs.add(random.nextDouble(-400, 400));
        }
        double[] breakpoints = {5.49306154251098632812e-01, 1.47221934795379638672e+00, 1.47221946716308593750e+00,
                2.64665246009826660156e+00, 2.64665293693542480469e+00};
        for (double s : STEEPNESSES) {
            for (double b : breakpoints) {
                for (double x : new double[] {b / s, -b / s, b, -b}) {
                    xs.add(x);
                    xs.add(Math.nextUp(x));
                    xs.add(Math.nextDown(x));
                }
            }
            xs.add(150 / s);
            xs.add(-150 / s);
        }
        for (double x : new double[] {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -Double.MIN_VALUE, 1e300, -1e300}) {
            xs.add(x);
        }
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The value's bits, every NaN as one: equal bits are the same double, -0.0 apart from 0.0. */
    private static long bits(double value) {
        return Double.doubleToLongBits(value);
    }

    @Test
    void applyGivesTheScalarValueBitForBitForEveryFunctionAndSteepness() {
        double[] x = inputs();
        for (Function f : Function.values()) {
            for (double s : STEEPNESSES) {
                FannActivation a = FannActivations.of(f, s);
                double[] out = new double[x.length];

                a.apply(x, out);

                for (int i = 0; i < x.length; i++) {
                    assertThat(bits(out[i])).as("%s at x = %s", a, x[i]).isEqualTo(bits(a.value(x[i])));
                }
            }
        }
    }

    @Test
    void applyInPlaceGivesTheSameValues() {
        double[] x = inputs();
        FannActivation a = FannActivations.sigmoidSymmetricStepwise();
        double[] inPlace = x.clone();

        a.apply(inPlace, inPlace);

        for (int i = 0; i < x.length; i++) {
            assertThat(bits(inPlace[i])).as("at x = %s", x[i]).isEqualTo(bits(a.value(x[i])));
        }
    }

    @Test
    void backwardGivesTheScalarDerivativeTimesTheGradientBitForBit() {
        double[] x = inputs();
        SplittableRandom random = new SplittableRandom(16);
        double[] gradientOut = random.doubles(x.length, -2, 2).toArray();
        for (Function f : Function.values()) {
            FannActivation any = FannActivations.of(f, 1);
            if (!any.isDifferentiable()) {
                continue;
            }
            for (double s : STEEPNESSES) {
                FannActivation a = FannActivations.of(f, s);
                double[] y = new double[x.length];
                a.apply(x, y);
                double[] gradientIn = new double[x.length];

                a.backward(x, y, gradientOut, gradientIn);

                for (int i = 0; i < x.length; i++) {
                    assertThat(bits(gradientIn[i])).as("%s at x = %s", a, x[i])
                            .isEqualTo(bits(gradientOut[i] * a.derivative(x[i], y[i])));
                }
            }
        }
    }

    @Test
    void stepwiseArraysKeepFannsEndsAndBreakpointValues() {
        FannActivation sigmoid = FannActivations.sigmoidStepwise(1);
        FannActivation symmetric = FannActivations.sigmoidSymmetricStepwise(1);
        double[] x = {-10, -2.64665246009826660156, 5.49306154251098632812e-01, 2.64665293693542480469, 10};
        double[] out = new double[x.length];
        double[] outSymmetric = new double[x.length];

        sigmoid.apply(x, out);
        symmetric.apply(x, outSymmetric);

        assertThat(out).containsExactly(0.0, 4.99999988824129104614e-03, 0.75, 1.0, 1.0);
        assertThat(outSymmetric[0]).isEqualTo(-1.0);
        assertThat(outSymmetric[2]).isEqualTo(0.5);
        assertThat(outSymmetric[4]).isEqualTo(1.0);
    }
}
