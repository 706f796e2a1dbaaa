package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.Engines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without {@code --add-modules jdk.incubator.vector} the engine cannot link; Synapse must fall back silently. */
class FallbackTest {

    /** Run in a child JVM: prints the engine in use and whether a product works. */
    public static void main(String[] args) {
        double[] c = new double[1];
        Engines.current().multiply(dev.synapse.core.engine.Product.A_B, new double[] {2}, new double[] {3}, c, 1, 1, 1, false);
        System.out.print(Engines.current().name() + " " + Engines.available().size() + " " + c[0]);
    }

    @Test
    void withoutTheFlagTheVectorEngineIsSkippedSilentlyAndPureJavaComputes() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                FallbackTest.class.getName())).start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).isZero();
        assertThat(out).isEqualTo("pure-java 1 6.0");
        assertThat(err).isEmpty();
    }
}
