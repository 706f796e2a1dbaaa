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
        int lanes = DoubleVector.SPECIES_PREFERRED.length();
        double[] x = new double[lanes];
        double[] y = new double[lanes];
        for (double v = -708; v <= 708; v += 0.013) {
            for (int i = 0; i < lanes; i++) {
                x[i] = v + i * 1e-3;
            }
            VectorEngine.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int i = 0; i < lanes; i++) {
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

        VectorEngine.exp(DoubleVector.fromArray(DoubleVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);

        assertThat(y[0]).isEqualTo(0.0);
        assertThat(y[1]).isNaN();
    }
}
