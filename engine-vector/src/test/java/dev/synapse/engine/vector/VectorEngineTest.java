package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.EngineCheck;
import dev.synapse.core.engine.Engines;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

class VectorEngineTest {

    @Test
    void vectorEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(new VectorEngine());
    }

    @Test
    void serviceLoaderFindsTheVectorEngineAndPrefersIt() {
        assertThat(Engines.available().get(0).name()).isEqualTo("vector");
        assertThat(Engines.current().name()).isEqualTo("vector");
    }

    @Test
    void expIsWithinTwoUlpsOfMathExp() {
        VectorEngine engine = new VectorEngine();
        double[] x = new double[1024];
        double[] y = new double[x.length];
        for (double start = -708; start <= 708; start += 1.3) {
            for (int i = 0; i < x.length; i++) {
                x[i] = start + i * 1.27e-3;
            }

            engine.exp(x, y, x.length);

            for (int i = 0; i < x.length; i++) {
                double expected = Math.exp(x[i]);
                assertThat(Math.abs(y[i] - expected)).as("exp(%s)", x[i]).isLessThanOrEqualTo(2 * Math.ulp(expected));
            }
        }
    }

    @Test
    void expSaturatesAndKeepsNaN() {
        double[] x = new double[DoubleVector.SPECIES_PREFERRED.length()];
        java.util.Arrays.fill(x, Double.NaN);
        x[0] = -1e6;
        double[] y = new double[x.length];

        new VectorEngine().exp(x, y, x.length);

        assertThat(y[0]).isEqualTo(0.0);
        assertThat(y[1]).isNaN();
    }
}
