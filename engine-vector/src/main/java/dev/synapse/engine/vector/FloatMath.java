package dev.synapse.engine.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * {@link VectorMath}'s {@code e^x} in float, for the float32 passes: the same method (Cody and Waite's reduction
 * {@code x = k·ln 2 + r}, a polynomial for {@code e^r}, {@code 2^k} from exponent bits as two exact factors) built
 * only from operations IEEE 754 defines exactly, so every lane gives the same bits interpreted, compiled by C1 or by
 * C2. It replaced widening each half vector to double: the conversions and the blend that joined the halves ran
 * boxed in float32 W3's sigmoid.
 *
 * <p>{@code ln 2} is split into a 9-bit head, whose products with {@code |k| ≤ 150} are exact, and a tail;
 * {@code e^r} for {@code |r| ≤ ln 2 / 2} is its Taylor polynomial to degree 7 (truncation error
 * {@code r^8 / 8!} ≤ 5.2e-9, a tenth of float's half ulp), evaluated by Horner's rule with fused multiply-adds.
 * Measured against {@link StrictMath#exp} rounded to float: at most 1 ulp over the whole float range
 * ({@code FloatMathTest}). Overflow gives {@code +∞}, underflow {@code +0.0} through the subnormals, NaN stays NaN.
 */
final class FloatMath {

    /** {@code 1 / ln 2}. */
    static final float LOG2E = 0x1.715476p0f;
    /** Adding it rounds a float below 2^22 to an integer, which then sits in the low bits of the sum. */
    static final float SHIFTER = 0x1.8p23f;
    static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    /** {@code ln 2} rounded up to 9 bits: {@code k · LN2_HI} is exact for {@code |k| < 2^15}. */
    static final float LN2_HI = 0x1.63p-1f;
    /** {@code ln 2 - LN2_HI}, rounded to float: small, so its rounding error times k stays far below an ulp. */
    static final float LN2_LO = (float) (0x1.62e42fefa39efp-1 - 0x1.63p-1);
    /*
     * Beyond these the result is +inf or 0 anyway (e^88.73 passes Float.MAX_VALUE, e^-103.98 is below half the
     * smallest subnormal); clamping keeps each half of 2^k a normal float. NaN passes min and max unchanged.
     */
    static final float MAX_INPUT = 89f;
    static final float MIN_INPUT = -104f;

    /** {@code 1/n!} for n = 2..7, the Taylor coefficients of {@code e^r} after {@code 1 + r}. */
    static final float C2 = 1f / 2;
    static final float C3 = (float) (1.0 / 6);
    static final float C4 = (float) (1.0 / 24);
    static final float C5 = (float) (1.0 / 120);
    static final float C6 = (float) (1.0 / 720);
    static final float C7 = (float) (1.0 / 5040);

    private FloatMath() {}

    /** {@code e^x} lane by lane, within 1 ulp of {@link StrictMath#exp} rounded to float. */
    static FloatVector exp(FloatVector x) {
        x = x.max(MIN_INPUT).min(MAX_INPUT);
        FloatVector shifted = x.fma(LOG2E, SHIFTER);
        FloatVector k = shifted.sub(SHIFTER);
        FloatVector r = k.fma(FloatVector.broadcast(FloatKernels.S, -LN2_HI), x);
        r = k.fma(FloatVector.broadcast(FloatKernels.S, -LN2_LO), r);
        FloatVector p = r.fma(C7, C6);
        p = p.fma(r, FloatVector.broadcast(FloatKernels.S, C5));
        p = p.fma(r, FloatVector.broadcast(FloatKernels.S, C4));
        p = p.fma(r, FloatVector.broadcast(FloatKernels.S, C3));
        p = p.fma(r, FloatVector.broadcast(FloatKernels.S, C2));
        FloatVector e = p.fma(r.mul(r), r).add(1f);
        IntVector n = shifted.reinterpretAsInts().sub(SHIFTER_BITS);
        IntVector half = n.lanewise(VectorOperators.ASHR, 1);
        FloatVector scale1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector scale2 = n.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return e.mul(scale1).mul(scale2);
    }
}
