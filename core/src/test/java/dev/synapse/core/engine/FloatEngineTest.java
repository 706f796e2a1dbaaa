package dev.synapse.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatEngineTest {

    @Test
    void pureJavaFloatKernelsGiveTheDefinitionsBitsOnEveryShapeFormPathAndThreadCount() {
        FloatEngineCheck.assertConforms(PureJavaEngine.INSTANCE);
    }

    @Test
    void everyDiscoveredEngineMeetsTheFloatContract() {
        for (Engine engine : Engines.available()) {
            FloatEngineCheck.assertConforms(engine);
        }
    }

    @Test
    void engineDefaultsAreTheDefinitionsTheirCheckHolds() {
        // An engine that overrides nothing for float32: the interface's defaults alone must pass the contract.
        Engine doubleOnly = new Engine() {
            @Override
            public String name() {
                return "defaults";
            }

            @Override
            public void multiply(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean acc) {
                PureJavaEngine.INSTANCE.multiply(form, a, b, c, m, n, k, acc);
            }

            @Override
            public void axpy(int n, double alpha, double[] x, double[] y) {}

            @Override
            public void addRowVector(double[] x, int rows, int cols, double[] row) {}

            @Override
            public void columnSums(double[] x, int rows, int cols, double[] out, boolean accumulate) {}

            @Override
            public void sigmoid(double[] in, double[] out, int n) {}

            @Override
            public void sigmoidBackward(double[] y, double[] gradOut, double[] gradIn, int n) {}

            @Override
            public void relu(double[] in, double[] out, int n) {}

            @Override
            public void reluBackward(double[] x, double[] gradOut, double[] gradIn, int n) {}
        };

        FloatEngineCheck.assertSmallShapes(doubleOnly);
        FloatEngineCheck.assertElementWise(doubleOnly);
        FloatEngineCheck.assertExpAndSigmoid(doubleOnly);
    }

    @Test
    void floatProductsAccumulateInFloatNotInDouble() {
        // 2^24 + 1 is not a float: a float chain from 2^24 loses each +1, a double sum would keep them.
        float[] a = {1, 1, 1, 1};
        float[] b = {1, 1, 1, 1};
        float[] c = {16_777_216f};

        PureJavaEngine.INSTANCE.multiply(Product.A_B, a, b, c, 1, 1, 4, true);

        assertThat(c[0]).isEqualTo(16_777_216f);
    }

    @Test
    void aFloatProductGivesTheSameBitsOnOneThreadAndOnFive() {
        int m = 200;
        int n = 150;
        int k = 300;
        Random random = new Random(3);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextFloat() - 0.5f;
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = random.nextFloat() - 0.5f;
        }
        float[] one = new float[m * n];
        float[] five = new float[m * n];
        int before = Engines.threads();
        try {
            Engines.setThreads(1);
            PureJavaEngine.INSTANCE.multiply(Product.A_B, a, b, one, m, n, k, false);
            Engines.setThreads(5);
            assertThat(PureJavaEngine.INSTANCE.floatPathFor(m, n, k)).isEqualTo(PackedEngine.Path.THREADED);
            PureJavaEngine.INSTANCE.multiply(Product.A_B, a, b, five, m, n, k, false);
        } finally {
            Engines.setThreads(before);
        }

        assertThat(five).isEqualTo(one);
        assertThat(one[0]).isNotZero();
    }
}
