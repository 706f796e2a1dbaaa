package dev.synapse.engine.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A vectorized {@code e^x} that gives the same bits interpreted, compiled by C1 or by C2, in every lane and in its
 * scalar twin ({@code ScalarExp} in the tests): it is built only from operations IEEE 754 defines exactly (add,
 * multiply, fused multiply-add, min, max) and integer bit manipulation, never from {@code VectorOperators.EXP},
 * whose lanes change from {@code Math.exp} to the JIT's SVML stub (different last bits) when C2 compiles the caller.
 *
 * <p>The method, after Cody and Waite: {@code x = k·ln 2 + r} with {@code k = round(x / ln 2)} and
 * {@code |r| ≤ ln 2 / 2}, taken in two steps ({@code ln 2} split into a 42-bit head, whose products with k are
 * exact, and a tail); {@code e^r} by its Taylor polynomial to degree 13, whose truncation error
 * ({@code r^14 / 14!} ≤ 4.1e-18) is below half an ulp; then {@code 2^k} built from exponent bits, applied as two
 * exact factors {@code 2^(k/2)} and {@code 2^(k - k/2)} so that results near overflow and in the subnormal range are
 * rounded once. Measured against {@link StrictMath#exp}: at most 1 ulp (see {@code VectorMathTest}). Overflow gives
 * {@code +∞}, underflow {@code +0.0}, NaN stays NaN.
 */
final class VectorMath {

    /** {@code 1 / ln 2}. */
    static final double LOG2E = 0x1.71547652b82fep0;
    /** Adding it rounds a double below 2^51 to an integer, which then sits in the low bits of the sum. */
    static final double SHIFTER = 0x1.8p52;
    static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    /** {@code ln 2} in 42 bits: {@code k · LN2_HI} is exact for {@code |k| < 2^11}. */
    static final double LN2_HI = 0x1.62e42fefa3800p-1;
    /** {@code ln 2 - LN2_HI}. */
    static final double LN2_LO = 0x1.ef35793c76730p-45;
    /*
     * Beyond these the result is +inf or 0 anyway; clamping keeps k within 11 bits and each half of 2^k a normal
     * number. NaN passes min and max unchanged.
     */
    static final double MAX_INPUT = 710;
    static final double MIN_INPUT = -746;

    /** {@code 1/n!} for n = 2..13, the Taylor coefficients of {@code e^r} after {@code 1 + r}. */
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    /** The species every vector passed in must have: the engine's. */
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private VectorMath() {}

    /**
     * {@code e^x} lane by lane; each lane is what the same steps give one value at a time, bit for bit, and within
     * 1 ulp of {@link StrictMath#exp}.
     */
    static DoubleVector exp(DoubleVector x) {
        // Three methods, not one: C2 inlines each hot callee up to 325 bytes of bytecode, and a vector method that is
        // not inlined passes its vectors boxed, which measured 7 ns per element instead of about 1.
        x = x.max(MIN_INPUT).min(MAX_INPUT);
        DoubleVector shifted = x.fma(LOG2E, SHIFTER);
        DoubleVector k = shifted.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
        r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
        return timesTwoToThe(expOfReduced(r), shifted.reinterpretAsLongs().sub(SHIFTER_BITS));
    }

    /** {@code e^r} for {@code |r| ≤ ln 2 / 2}: the Taylor polynomial, {@code 1 + (r + r²·(1/2! + r/3! + …))}. */
    private static DoubleVector expOfReduced(DoubleVector r) {
        DoubleVector p = r.fma(C13, C12);
        p = p.fma(r, DoubleVector.broadcast(S, C11));
        p = p.fma(r, DoubleVector.broadcast(S, C10));
        p = p.fma(r, DoubleVector.broadcast(S, C9));
        p = p.fma(r, DoubleVector.broadcast(S, C8));
        p = p.fma(r, DoubleVector.broadcast(S, C7));
        p = p.fma(r, DoubleVector.broadcast(S, C6));
        p = p.fma(r, DoubleVector.broadcast(S, C5));
        p = p.fma(r, DoubleVector.broadcast(S, C4));
        p = p.fma(r, DoubleVector.broadcast(S, C3));
        p = p.fma(r, DoubleVector.broadcast(S, C2));
        return p.fma(r.mul(r), r).add(1.0);
    }

    /** {@code v · 2^k} as two exact powers of two, each built from its exponent bits. */
    private static DoubleVector timesTwoToThe(DoubleVector v, LongVector k) {
        LongVector half = k.lanewise(VectorOperators.ASHR, 1);
        DoubleVector scale1 = half.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        DoubleVector scale2 = k.sub(half).add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return v.mul(scale1).mul(scale2);
    }
}
