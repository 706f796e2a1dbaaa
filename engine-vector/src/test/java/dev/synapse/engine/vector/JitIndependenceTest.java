package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.testing.FreshJvm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every function training relies on gives the same bits interpreted ({@code -Xint}), compiled by C1 alone, and
 * compiled by C2 (8,000 calls: past C2's thresholds of 5,000 calls or 40,000 loop iterations): the claim behind
 * "same bits on every run", tested rather than assumed.
 * {@code Math.exp} is among them (the interpreter and compiled code share one stub), with {@code Math.tanh},
 * {@code sin}, {@code cos}, {@code log}, {@code log1p} and {@code pow} (activations, losses, learning-rate schedules), both engines' products
 * and the Vector API engine's own exp; {@code VectorOperators.EXP}, which failed this, is no longer used.
 */
class JitIndependenceTest {

    private static final List<String> VECTOR = List.of("--add-modules", "jdk.incubator.vector");

    @Test
    void interpretedC1AndC2CodeGiveTheSameBitsForEveryFunction() {
        FreshJvm.Run interpreted = run(List.of("-Xint"), 1);
        FreshJvm.Run c1 = run(List.of("-XX:TieredStopAtLevel=1"), 300);
        FreshJvm.Run c2 = run(List.of(), 8_000);

        assertThat(interpreted.out().lines()).hasSize(12);
        assertThat(c2.out()).doesNotContain("changed");
        assertThat(c1.out()).doesNotContain("changed");
        assertThat(c1.out()).isEqualTo(interpreted.out());
        assertThat(c2.out()).isEqualTo(interpreted.out());
    }

    private static FreshJvm.Run run(List<String> flags, int calls) {
        List<String> options = new java.util.ArrayList<>(VECTOR);
        options.addAll(flags);
        FreshJvm.Run run = FreshJvm.run(options, FunctionBits.class, String.valueOf(calls));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWithoutIncubatorWarning()).isEmpty();
        return run;
    }
}
