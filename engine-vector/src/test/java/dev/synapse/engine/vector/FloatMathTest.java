package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FloatMathTest {

    private static final VectorEngine ENGINE = new VectorEngine();
    private static final int CHUNK = 1 << 16;

    @Test
    void isWithinOneUlpOfStrictMathOnEveryEighthFloatFromMinus104To89() {
        // The negative floats' bit patterns run from -0 (Integer.MIN_VALUE) up to -104, the positive ones from +0 up
        // to 89: every eighth of them, the subnormal results, the largest finite ones and every scale 2^k between.
        long[] negative = sweep(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(-104f));
        long[] positive = sweep(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(89f));

        assertThat(negative[0] + positive[0]).isGreaterThan(250_000_000L);
        assertThat(negative[1]).as("negative inputs beyond 1 ulp").isZero();
        assertThat(positive[1]).as("positive inputs beyond 1 ulp").isZero();
    }

    @Test
    void overflowsToInfinityUnderflowsToZeroAndKeepsNaN() {
        float[] x = new float[32];
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 89f, 1000f, -104f, -1000f,
            88.72f, -87.33f, 0f, -0f};
        System.arraycopy(special, 0, x, 0, special.length);
        float[] y = new float[x.length];

        ENGINE.exp(x, y, x.length);

        assertThat(y[0]).isNaN();
        assertThat(y[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(y[2]).isEqualTo(0f);
        assertThat(y[3]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(y[4]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(y[5]).isEqualTo(0f);
        assertThat(y[6]).isEqualTo(0f);
        assertThat(ulpsBetween(y[7], (float) StrictMath.exp(88.72f))).isLessThanOrEqualTo(1);
        assertThat(ulpsBetween(y[8], (float) StrictMath.exp(-87.33f))).isLessThanOrEqualTo(1);
        assertThat(y[9]).isEqualTo(1f);
        assertThat(y[10]).isEqualTo(1f);
    }

    /** exp over every eighth bit pattern in [from, to] (signed order): {inputs checked, inputs beyond 1 ulp}. */
    private static long[] sweep(int from, int to) {
        float[] x = new float[CHUNK];
        float[] y = new float[CHUNK];
        long checked = 0;
        long beyondOneUlp = 0;
        for (long bits = from; bits <= to; ) {
            int n = 0;
            for (; n < CHUNK && bits <= to; n++, bits += 8) {
                x[n] = Float.intBitsToFloat((int) bits);
            }
            ENGINE.exp(x, y, n);
            for (int i = 0; i < n; i++) {
                if (ulpsBetween(y[i], (float) StrictMath.exp(x[i])) > 1) {
                    beyondOneUlp++;
                }
            }
            checked += n;
        }
        return new long[] {checked, beyondOneUlp};
    }

    /** Distance in floats between two non-negative results (exp is never negative): 0 for the same bits. */
    private static int ulpsBetween(float a, float b) {
        return Math.abs(Float.floatToRawIntBits(a) - Float.floatToRawIntBits(b));
    }
}
