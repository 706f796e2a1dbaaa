package dev.synapse.activations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Activation;
import dev.synapse.core.Float32GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import org.junit.jupiter.api.Test;

class Float32ActivationsTest {

    @Test
    void everyBuiltInActivationsFloatFormsAgreeWithItsDoubleForms() {
        Activation[] builtIns = {Activations.identity(), Activations.sigmoid(), Activations.tanh(),
            Activations.relu(), Activations.leakyRelu(), Activations.softplus()};
        for (Activation a : builtIns) {
            Float32GradientCheck.assertActivation(a, -4, 4.1);
        }
        for (FannActivation.Function f : FannActivation.Function.values()) {
            FannActivation a = FannActivations.of(f, 0.5);
            if (a.isDifferentiable()) {
                Float32GradientCheck.assertActivation(a, -4, 4.1);
            }
        }
    }

    @Test
    void aUserActivationWrittenAgainstTheDoubleMethodsWorksInFloat32ThroughTheDefaults() {
        Activation softsign = Activation.of("softsign", x -> x / (1 + Math.abs(x)),
                (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));
        float[] in = {-2, 0, 3};
        float[] out = new float[3];
        float[] gradient = new float[3];

        softsign.apply(in, out);
        softsign.backward(in, out, new float[] {1, 1, 2}, gradient);

        assertThat(out).containsExactly(-2f / 3, 0f, 0.75f);
        assertThat(gradient).containsExactly(1f / 9, 1f, 2f / 16);
        Float32GradientCheck.assertActivation(softsign, -3, 3);
    }

    @Test
    void aWrongFloatOverrideFailsTheCheck() {
        Activation broken = new Activation() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double value(double x) {
                return x * x;
            }

            @Override
            public double derivative(double x, double y) {
                return 2 * x;
            }

            @Override
            public void backward(float[] x, float[] y, float[] gradientOut, float[] gradientIn) {
                for (int i = 0; i < x.length; i++) {
                    gradientIn[i] = gradientOut[i] * x[i];
                }
            }
        };

        assertThat(Float32GradientCheck.activation(broken, -2, 2).passed()).isFalse();
    }

    @Test
    void softmaxInFloat32MatchesFloat64ToFloatRoundingAndItsRowsSumToOne() {
        Matrix z = Matrix.of(new double[][] {{1, 2, 3}, {-5, 0, 40}});
        Matrix p64 = new Matrix(2, 3);
        Matrix p32 = new Matrix(2, 3, Precision.FLOAT32);
        Activations.softmax().apply(z, p64);
        Activations.softmax().apply(z.toPrecision(Precision.FLOAT32), p32);
        Matrix g = Matrix.of(new double[][] {{1, 0, -1}, {0.5, 0.5, 2}});
        Matrix back64 = new Matrix(2, 3);
        Matrix back32 = new Matrix(2, 3, Precision.FLOAT32);
        Activations.softmax().backward(z, p64, g, back64);
        Activations.softmax().backward(z.toPrecision(Precision.FLOAT32), p32, g.toPrecision(Precision.FLOAT32), back32);

        for (int r = 0; r < 2; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                assertThat(p32.get(r, c)).isCloseTo(p64.get(r, c), org.assertj.core.api.Assertions.within(1e-6));
                assertThat(back32.get(r, c)).isCloseTo(back64.get(r, c), org.assertj.core.api.Assertions.within(1e-6));
                sum += p32.get(r, c);
            }
            assertThat(sum).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-6));
        }
    }
}
