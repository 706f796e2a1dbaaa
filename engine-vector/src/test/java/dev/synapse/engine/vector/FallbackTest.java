package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.Engines;
import dev.synapse.testing.FreshJvm;
import java.util.List;
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
    void withoutTheFlagTheVectorEngineIsSkippedSilentlyAndPureJavaComputes() {
        FreshJvm.Run child = FreshJvm.run(List.of(), FallbackTest.class);

        assertThat(child.exitCode()).isZero();
        assertThat(child.out()).isEqualTo("pure-java 1 6.0");
        assertThat(child.err()).isEmpty();
    }
}
