package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.testing.FreshJvm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's promise, in fresh JVMs: the same engine, CPU and JDK give the same bits for the same seed and data on
 * every run, with any thread count and whether the JIT is cold or warm; the two engines agree to 1e-9.
 */
class ReproducibleTrainingTest {

    private static final List<String> VECTOR = List.of("--add-modules", "jdk.incubator.vector");
    private static final List<String> RUNS = List.of("vector:1", "vector:default", "vector:3", "pure-java:1",
            "pure-java:default", "pure-java:3");

    @Test
    void twoFreshJvmsTrainTheIssuesNetworkToTheSameBitsOnEveryThreadCountAndTheEnginesAgree() {
        // The second JVM starts where the first ended, so a run that was warm in the first is cold in the second,
        // and it takes its thread count from the system property.
        List<String> forward = run(List.of(), RUNS);
        List<String> backward = run(List.of("-Dsynapse.threads=3"), List.of("pure-java:default", "vector:default"));

        assertThat(forward).hasSize(RUNS.size() + 1);
        for (String engine : List.of("vector", "pure-java")) {
            assertThat(digests(forward, engine)).as(engine + " on 1, the default and 3 threads").hasSize(3)
                    .containsOnly(digests(forward, engine).get(0));
        }
        assertThat(backward.subList(0, 2)).containsExactly(forward.get(5).replace(":3", ":default"),
                forward.get(2).replace(":3", ":default"));
        double largest = Double.parseDouble(forward.get(RUNS.size()).replaceAll(".* ", ""));
        assertThat(largest).isGreaterThan(0).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void aFloat32NetworkTrainsToTheSameBitsOnEveryThreadCountColdOrWarmInTwoFreshJvms() {
        // Each engine runs cold first and warm later in the first JVM, and in the opposite order in the second.
        List<String> runs = List.of("vector:1:float32", "pure-java:2:float32", "vector:2:float32",
                "pure-java:1:float32", "vector:3:float32", "vector:1:float32", "pure-java:3:float32");
        List<String> first = run(List.of(), runs);
        List<String> reversed = new ArrayList<>(runs);
        java.util.Collections.reverse(reversed);
        List<String> second = run(List.of(), reversed);

        for (String engine : List.of("vector", "pure-java")) {
            List<String> digests = new ArrayList<>(digests(first, engine));
            digests.addAll(digests(second, engine));
            assertThat(digests).as(engine + " float32 on 1, 2 and 3 threads in two JVMs").hasSizeGreaterThan(5)
                    .containsOnly(digests.get(0));
        }
        // Not the float64 network's bits: the float32 run really ran in float32.
        assertThat(digests(run(List.of(), List.of("vector:1")), "vector")).doesNotContain(digests(first, "vector").get(0));
        double largest = Double.parseDouble(first.get(runs.size()).replaceAll(".* ", ""));
        assertThat(largest).as("float32 vector against pure-java").isLessThanOrEqualTo(1e-4);
    }

    @Test
    void everyBuiltInActivationUnderEveryBuiltInLossTrainsToTheSameBitsInTwoFreshJvms() {
        // In opposite orders, so that each pair trains at another stage of the JIT's work in each JVM.
        FreshJvm.Run first = FreshJvm.run(VECTOR, EveryActivationAndLoss.class);
        FreshJvm.Run second = FreshJvm.run(VECTOR, EveryActivationAndLoss.class, "reverse");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().lines()).hasSize(21 * 4).anyMatch(line -> line.startsWith("sigmoid mse "));
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void predictGivesTheSameBitsOverTenThousandCallsFromAColdStart() {
        FreshJvm.Run run = FreshJvm.run(VECTOR, PredictRepeatedly.class, "10000");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("vector: 10000 calls, 0 with other bits\n");
    }

    private static List<String> run(List<String> properties, List<String> runs) {
        List<String> options = new ArrayList<>(VECTOR);
        options.addAll(properties);
        List<String> args = new ArrayList<>(List.of("6000"));
        args.addAll(runs);
        FreshJvm.Run run = FreshJvm.run(options, TrainAndDigest.class, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.errWithoutIncubatorWarning()).isEmpty();
        return run.out().lines().toList();
    }

    private static List<String> digests(List<String> lines, String engine) {
        return lines.stream().filter(line -> line.startsWith(engine + ":")).map(line -> line.split(" ")[1]).toList();
    }
}
