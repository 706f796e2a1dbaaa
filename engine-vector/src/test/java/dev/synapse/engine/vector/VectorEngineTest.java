package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.EngineCheck;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.FloatEngineCheck;
import dev.synapse.core.engine.PackedEngine;
import dev.synapse.core.engine.Product;
import dev.synapse.core.engine.PureJavaEngine;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorEngineTest {

    @Test
    void vectorEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(new VectorEngine());
    }

    @Test
    void vectorFloatKernelsGiveTheDefinitionsBitsOnEveryShapeFormPathAndThreadCount() {
        FloatEngineCheck.assertConforms(new VectorEngine());
    }

    @Test
    void theFloatTileIsTwoVectorsOfThePreferredFloatSpecies() {
        VectorEngine engine = new VectorEngine();

        assertThat(engine.floatTileColumns()).isEqualTo(2 * jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.length());
        assertThat(engine.floatTileColumns()).isEqualTo(4 * engine.lanes());
        assertThat(engine.floatTileRows()).isEqualTo(6);
    }

    @Test
    void vectorAndPureJavaFloatProductsAgreeBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        int m = 64;
        int n = 10;
        int k = 784;
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble(-1, 1);
        }
        float[] vector = new float[m * n];
        float[] pure = new float[m * n];

        new VectorEngine().multiply(Product.A_B, a, b, vector, m, n, k, false);
        PureJavaEngine.INSTANCE.multiply(Product.A_B, a, b, pure, m, n, k, false);

        assertThat(vector).isEqualTo(pure);
    }

    @Test
    void anOutputLayerNarrowerThanOneTileTakesTheSwappedProduct() {
        VectorEngine engine = new VectorEngine();
        // W3's output layer and its weight gradient: 10 columns against a tile of 2 vectors.
        if (engine.tileColumns() > 10) {
            assertThat(engine.pathFor(64, 10, 128)).isEqualTo(PackedEngine.Path.SWAPPED);
            assertThat(engine.pathFor(128, 10, 64)).isEqualTo(PackedEngine.Path.SWAPPED);
        } else {
            assertThat(engine.pathFor(64, 10, 128)).isIn(PackedEngine.Path.PACKED, PackedEngine.Path.THREADED);
        }
    }

    @Test
    void aNarrowProductSumsEachElementInItsDocumentedOrder() {
        VectorEngine engine = new VectorEngine();
        int lanes = engine.lanes();
        int m = 64;
        int n = 10;
        int k = 8 * lanes + 3; // whole vectors and a tail
        SplittableRandom random = new SplittableRandom(5);
        double[] a = random.doubles(m * k, -1, 1).toArray();
        double[] b = random.doubles(k * n, -1, 1).toArray();
        double[] c = new double[m * n];

        engine.multiply(PackedEngine.Path.SWAPPED, Product.A_B, a, b, c, m, n, k, false);

        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                // Lane l: products p = l, l + lanes, ... in order, fused; then the lanes in order; then the tail.
                double[] laneSums = new double[lanes];
                int bound = k / lanes * lanes;
                for (int p = 0; p < bound; p++) {
                    laneSums[p % lanes] = Math.fma(a[i * k + p], b[p * n + j], laneSums[p % lanes]);
                }
                double expected = 0;
                for (double laneSum : laneSums) {
                    expected += laneSum;
                }
                for (int p = bound; p < k; p++) {
                    expected = Math.fma(a[i * k + p], b[p * n + j], expected);
                }
                assertThat(Double.doubleToRawLongBits(c[i * n + j])).as("C[%d][%d]", i, j)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    @Test
    void serviceLoaderFindsTheVectorEngineAndPrefersIt() {
        assertThat(Engines.available().get(0).name()).isEqualTo("vector");
        assertThat(Engines.current().name()).isEqualTo("vector");
    }

    @Test
    void reluGivesZeroForNaNOnWholeVectorsInBothPrecisions() {
        VectorEngine engine = new VectorEngine();
        int n = 64; // whole vectors, past the scalar loops' threshold
        double[] in = new double[n];
        float[] inF = new float[n];
        java.util.Arrays.fill(in, Double.NaN);
        java.util.Arrays.fill(inF, Float.NaN);
        double[] out = new double[n];
        float[] outF = new float[n];
        java.util.Arrays.fill(out, 1);
        java.util.Arrays.fill(outF, 1);

        engine.relu(in, out, n);
        engine.relu(inF, outF, n);

        assertThat(out).containsOnly(0.0);
        assertThat(outF).containsOnly(0f);
    }
}
