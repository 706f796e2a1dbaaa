package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** libfixedfann's integer arithmetic, edge by edge; FannFixedPointTest checks it against libfixedfann itself. */
class FixedPointArithmeticTest {

    @Test
    void aProductIsShiftedRightSoANegativeOneIsTruncatedTowardsMinusInfinity() {
        assertThat(FixedPointArithmetic.multiply(3, 1, 2)).isEqualTo(0);      // 0.75 -> 0
        assertThat(FixedPointArithmetic.multiply(-3, 1, 2)).isEqualTo(-1);    // -0.75 -> -1, not 0
        assertThat(FixedPointArithmetic.multiply(-4, 1, 2)).isEqualTo(-1);    // exact: -1
        assertThat(FixedPointArithmetic.multiply(-5, 1, 2)).isEqualTo(-2);    // -1.25 -> -2
        assertThat(FixedPointArithmetic.multiply(8192, -8192, 13)).isEqualTo(-8192);
    }

    @Test
    void aProductWrapsAsA32BitIntBeforeTheShift() {
        assertThat(FixedPointArithmetic.multiply(1 << 29, 2, 2)).isEqualTo(1 << 28);
        assertThat(FixedPointArithmetic.multiply(1 << 29, 4, 2)).isEqualTo(Integer.MIN_VALUE >> 2);
        assertThat(FixedPointArithmetic.multiply(1 << 30, 4, 2)).isZero();
    }

    @Test
    void convertingADoubleToIntIsCsOnX86WhichGivesIntMinOutOfRange() {
        assertThat(FixedPointArithmetic.truncate(-2.7)).isEqualTo(-2);
        assertThat(FixedPointArithmetic.truncate(2147483647.9)).isEqualTo(Integer.MAX_VALUE);
        assertThat(FixedPointArithmetic.truncate(-2147483648.9)).isEqualTo(Integer.MIN_VALUE);
        assertThat(FixedPointArithmetic.truncate(2147483648.0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(FixedPointArithmetic.truncate(Double.POSITIVE_INFINITY)).isEqualTo(Integer.MIN_VALUE);
        assertThat(FixedPointArithmetic.truncate(Double.NaN)).isEqualTo(Integer.MIN_VALUE);
    }

    private static final int[] V = {-30, -20, -10, 10, 20, 30};
    private static final int[] R = {1, 10, 50, 150, 190, 199};

    @Test
    void theStepwiseFunctionIsMinBelowItsFirstPointMaxFromItsLastAndAStraightLineBetween() {
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, Integer.MIN_VALUE)).isEqualTo(0);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, -31)).isEqualTo(0);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, -30)).isEqualTo(1);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, -21)).isEqualTo(9 * 9 / 10 + 1);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, -20)).isEqualTo(10);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, 0)).isEqualTo(100 * 10 / 20 + 50);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, 10)).isEqualTo(150);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, 29)).isEqualTo(9 * 9 / 10 + 190);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, 30)).isEqualTo(200);
        assertThat(FixedPointArithmetic.stepwise(V, 0, R, 0, 200, Integer.MAX_VALUE)).isEqualTo(200);
    }

    @Test
    void theStepwiseFunctionDividesAsCDoesTowardsZero() {
        int[] falling = {-1, -10, -50, -150, -190, -199};

        // (-9 · 9) / 10 = -8 in C, where flooring would give -9.
        assertThat(FixedPointArithmetic.stepwise(V, 0, falling, 0, 200, -21)).isEqualTo(-8 - 1);
    }

    @Test
    void theStepwiseFunctionReadsItsPointsFromTheOffset() {
        int[] two = {0, 0, 0, 0, 0, 0, -30, -20, -10, 10, 20, 30};

        assertThat(FixedPointArithmetic.stepwise(two, 6, R, 0, 200, -20)).isEqualTo(10);
    }

    @Test
    void aValueGoesToFixedPointRoundedHalfAwayFromZero() {
        assertThat(FixedPointArithmetic.toFixed(1.25, 2, "input 0")).isEqualTo(3);
        assertThat(FixedPointArithmetic.toFixed(-1.25, 2, "input 0")).isEqualTo(-3);
        assertThat(FixedPointArithmetic.toFixed(-1.2, 2, "input 0")).isEqualTo(-2);
        assertThat(FixedPointArithmetic.toFixed(1.0, 8192, "input 0")).isEqualTo(8192);
    }

    @Test
    void aValueFixedPointCannotHoldIsRefusedNamingIt() {
        assertThatThrownBy(() -> FixedPointArithmetic.toFixed(Double.NaN, 8192, "input 2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("input 2 is NaN, which fixed point with multiplier 8192 cannot hold");
        assertThatThrownBy(() -> FixedPointArithmetic.toFixed(3e5, 8192, "input 0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give a value within about ±262143.99");
    }

    @Test
    void theStepwiseSigmoidsAtDecimalPoint13AreLibfixedfanns() {
        // fann_update_stepwise's constants at decimal point 13, as fann_driver.c's "stepwise 13" prints them.
        FixedPointSigmoids s = new FixedPointSigmoids(8192);

        assertThat(s.results).containsExactly(41, 410, 2048, 6144, 7782, 8151);
        assertThat(s.sums).containsExactly(-177580918, -98764500, -36863311, 36863307, 98764467, 177581064);
        assertThat(s.symmetricResults).containsExactly(-8110, -7373, -4096, 4096, 7373, 8110);
        assertThat(s.symmetricSums).containsExactly(-177580918, -98807602, -36863311, 36863310, 98807601,
                177580918);
    }
}
