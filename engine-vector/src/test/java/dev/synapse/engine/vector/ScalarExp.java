package dev.synapse.engine.vector;

import static dev.synapse.engine.vector.VectorMath.C10;
import static dev.synapse.engine.vector.VectorMath.C11;
import static dev.synapse.engine.vector.VectorMath.C12;
import static dev.synapse.engine.vector.VectorMath.C13;
import static dev.synapse.engine.vector.VectorMath.C2;
import static dev.synapse.engine.vector.VectorMath.C3;
import static dev.synapse.engine.vector.VectorMath.C4;
import static dev.synapse.engine.vector.VectorMath.C5;
import static dev.synapse.engine.vector.VectorMath.C6;
import static dev.synapse.engine.vector.VectorMath.C7;
import static dev.synapse.engine.vector.VectorMath.C8;
import static dev.synapse.engine.vector.VectorMath.C9;
import static dev.synapse.engine.vector.VectorMath.LN2_HI;
import static dev.synapse.engine.vector.VectorMath.LN2_LO;
import static dev.synapse.engine.vector.VectorMath.LOG2E;
import static dev.synapse.engine.vector.VectorMath.MAX_INPUT;
import static dev.synapse.engine.vector.VectorMath.MIN_INPUT;
import static dev.synapse.engine.vector.VectorMath.SHIFTER;
import static dev.synapse.engine.vector.VectorMath.SHIFTER_BITS;

/**
 * {@link VectorMath#exp(jdk.incubator.vector.DoubleVector)}'s steps written out for one double with
 * {@link Math#fma}: the reference the vector lanes must equal bit for bit, so each lane is shown to be a pure
 * function of its input.
 */
final class ScalarExp {

    private ScalarExp() {}

    static double exp(double x) {
        x = Math.min(Math.max(x, MIN_INPUT), MAX_INPUT);
        double shifted = Math.fma(x, LOG2E, SHIFTER);
        double k = shifted - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = Math.fma(r, C13, C12);
        for (double c : new double[] {C11, C10, C9, C8, C7, C6, C5, C4, C3, C2}) {
            p = Math.fma(p, r, c);
        }
        double expR = Math.fma(p, r * r, r) + 1.0;
        long ki = Double.doubleToRawLongBits(shifted) - SHIFTER_BITS;
        long half = ki >> 1;
        double scale1 = Double.longBitsToDouble((half + 1023) << 52);
        double scale2 = Double.longBitsToDouble((ki - half + 1023) << 52);
        return expR * scale1 * scale2;
    }
}
