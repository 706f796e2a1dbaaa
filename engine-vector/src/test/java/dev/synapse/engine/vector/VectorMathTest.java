package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorMathTest {

    private static final int LANES = VectorMath.S.length();

    @Test
    void everyLaneEqualsTheScalarStepsBitForBit() {
        double[] x = inputs(1 << 16, new SplittableRandom(3));
        double[] y = new double[x.length];

        for (int i = 0; i < x.length; i += LANES) {
            VectorMath.exp(DoubleVector.fromArray(VectorMath.S, x, i)).intoArray(y, i);
        }

        for (int i = 0; i < x.length; i++) {
            assertThat(Double.doubleToRawLongBits(y[i])).as("exp(%s)", x[i])
                    .isEqualTo(Double.doubleToRawLongBits(ScalarExp.exp(x[i])));
        }
    }

    @Test
    void isWithinOneUlpOfStrictMathOverTheWholeRangeAndExactAtItsEdges() {
        SplittableRandom random = new SplittableRandom(11);
        double[] x = new double[1 << 16];
        double[] y = new double[x.length];
        long beyondOneUlp = 0;
        long checked = 0;
        for (int round = 0; round < 16; round++) {
            double[] in = inputs(x.length, random);
            System.arraycopy(in, 0, x, 0, x.length);

            new VectorEngine().exp(x, y, x.length);

            for (int i = 0; i < x.length; i++) {
                double expected = StrictMath.exp(x[i]);
                if (ulpsBetween(y[i], expected) > 1) {
                    beyondOneUlp++;
                }
                checked++;
            }
        }

        assertThat(checked).isEqualTo(16L << 16);
        assertThat(beyondOneUlp).isZero();
    }

    @Test
    void reducedArgumentsAtTheEndsOfTheRangeStayWithinOneUlp() {
        // r = ±ln 2 / 2 is where the polynomial's truncation error peaks; k from -1075 to 1024 covers every scale.
        double halfLn2 = Math.log(2) / 2;
        double[] x = new double[2 * 2100];
        int n = 0;
        for (int k = -1075; k <= 1024; k++) {
            x[n++] = Math.max(-746, Math.min(710, k * Math.log(2) + halfLn2 * 0.999999));
            x[n++] = Math.max(-746, Math.min(710, k * Math.log(2) - halfLn2 * 0.999999));
        }
        double[] y = new double[n];

        new VectorEngine().exp(x, y, n);

        for (int i = 0; i < n; i++) {
            double expected = StrictMath.exp(x[i]);
            assertThat(ulpsBetween(y[i], expected)).as("exp(%s) = %s, StrictMath: %s", x[i], y[i], expected)
                    .isLessThanOrEqualTo(1);
        }
    }

    /** How many doubles apart two non-negative results are (exp is never negative): 0 for the same bits. */
    private static long ulpsBetween(double a, double b) {
        return Math.abs(Double.doubleToRawLongBits(a) - Double.doubleToRawLongBits(b));
    }

    /**
     * Uniform over the whole range, over [-1, 1], over the subnormal results, and beyond the range on either side
     * (where the clamp fixes the result), in turn, so most vectors mix the kinds.
     */
    private static double[] inputs(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (i % 5) {
                case 0 -> random.nextDouble(-746, 710);
                case 1 -> random.nextDouble(-1, 1);
                case 2 -> random.nextDouble(-746, -708);
                case 3 -> random.nextDouble(-1e5, -746);
                default -> random.nextDouble(710, 1e5);
            };
        }
        return x;
    }
}
