package dev.synapse.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void pureJavaEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(PureJavaEngine.INSTANCE);
    }

    @Test
    void everyDiscoveredEngineMatchesTheReference() {
        for (Engine engine : Engines.available()) {
            if (engine != PureJavaEngine.INSTANCE) {
                EngineCheck.assertConforms(engine);
            }
        }
    }

    @Test
    void threadedPathSplitsOverMoreThreadsThanCoresAndStillAgrees() {
        int before = Engines.threads();
        try {
            Engines.setThreads(5);

            EngineCheck.assertLargeShapes(PureJavaEngine.INSTANCE);

            assertThat(Engines.threads()).isEqualTo(5);
        } finally {
            Engines.setThreads(before);
        }
    }

    @Test
    void tutorialShapesTakeTheSmallPathAndLargeOnesThePackedOrThreadedPath() {
        PackedEngine engine = PureJavaEngine.INSTANCE;

        assertThat(engine.pathFor(4, 4, 3)).isEqualTo(PackedEngine.Path.SMALL);
        assertThat(engine.pathFor(4, 1, 4)).isEqualTo(PackedEngine.Path.SMALL);
        assertThat(engine.pathFor(1024, 1024, 1024)).isIn(PackedEngine.Path.THREADED, PackedEngine.Path.PACKED);
        // Two columns: packing the long operand would cost more than the loops.
        assertThat(engine.pathFor(4062, 2, 32)).isEqualTo(PackedEngine.Path.SMALL);
    }

    @Test
    void pureJavaIsAlwaysAvailableAndTheCurrentEngineIsVisible() {
        assertThat(Engines.available()).contains(Engines.pureJava());
        assertThat(Engines.current()).isNotNull();
        assertThat(Engines.describe()).contains(Engines.current().name());
    }

    @Test
    void rejectsAThreadCountBelowOne() {
        assertThatThrownBy(() -> Engines.setThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void namesTheFlagWhenAnEngineIsMissing() {
        assertThatThrownBy(() -> Engines.named("no-such-engine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdk.incubator.vector");
    }

    @Test
    void theSmallPathsFewColumnLoopsSumEachElementsProductsInOrderOfP() {
        // The skinny shapes of a FANN network's 2-unit output layer: A·B and Aᵀ·B with 2 columns, A·Bᵀ with k = 2.
        int[][] shapes = {{4062, 2, 32}, {32, 2, 4062}, {4062, 32, 2}, {37, 3, 41}};
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            double[] a = random.doubles((long) m * k, -1, 1).toArray();
            double[] b = random.doubles((long) k * n, -1, 1).toArray();
            double[] c0 = random.doubles((long) m * n, -1, 1).toArray();
            for (Product form : Product.values()) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    double[] expected = new double[m * n];
                    // The dot-product loops (A·B with few columns, A·Bᵀ with a long k) sum from 0 and then add to C;
                    // the others add each product onto C's value.
                    boolean dotThenAdd = accumulate && (form == Product.A_B && n < SmallProducts.FEW
                            || form == Product.A_BT && k >= SmallProducts.FEW);
                    EngineCheck.reference(form, a, b, c0, expected, m, n, k, accumulate && !dotThenAdd);
                    if (dotThenAdd) {
                        for (int e = 0; e < m * n; e++) {
                            expected[e] += c0[e];
                        }
                    }
                    double[] c = c0.clone();
                    PureJavaEngine.INSTANCE.multiply(PackedEngine.Path.SMALL, form, a, b, c, m, n, k, accumulate);
                    for (int e = 0; e < m * n; e++) {
                        assertThat(Double.doubleToRawLongBits(c[e])).as("%s %dx%dx%d accumulate=%s C[%d]", form, m,
                                n, k, accumulate, e).isEqualTo(Double.doubleToRawLongBits(expected[e]));
                    }
                }
            }
        }
    }

    @Test
    void reluGivesZeroForNaNInBothPrecisions() {
        Engine engine = Engines.pureJava();
        double[] in = {Double.NaN, -1, 2, -0.0};
        double[] out = new double[4];
        engine.relu(in, out, 4);
        assertThat(out).containsExactly(0, 0, 2, 0);
        float[] inF = {Float.NaN, -1, 2, -0f};
        float[] outF = new float[4];
        engine.relu(inF, outF, 4);
        assertThat(outF).containsExactly(0f, 0f, 2f, 0f);
    }
}
