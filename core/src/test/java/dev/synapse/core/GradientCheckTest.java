package dev.synapse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GradientCheckTest {

    @Test
    void acceptsACorrectDerivative() {
        Activation cube = Activation.of("cube", x -> x * x * x, (x, y) -> 3 * x * x);

        GradientCheck.Result result = GradientCheck.activation(cube, -2, 2);

        assertThat(result.passed()).isTrue();
        assertThat(result.maxError()).isLessThan(1e-8);
    }

    @Test
    void catchesAWrongDerivativeAndSaysWhere() {
        Activation wrong = Activation.of("wrong-square", x -> x * x, (x, y) -> x);

        assertThatThrownBy(() -> GradientCheck.assertActivation(wrong, 1, 3))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("gradient check of activation wrong-square failed: error")
                .hasMessageContaining("error 0.5").hasMessageContaining("at x = 2.96 (analytic 2.96, numeric 5.92");
    }

    @Test
    void catchesALossWhoseGradientHasTheWrongSign() {
        Loss wrongSign = new Loss() {
            @Override
            public String name() {
                return "wrong-sign";
            }

            @Override
            public Reduction reduction() {
                return Reduction.SUM;
            }

            @Override
            public double value(Matrix predicted, Matrix target) {
                return predicted.copy().subtract(target).map(d -> d * d).sum();
            }

            @Override
            public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
                gradient.copyFrom(target).subtract(predicted).scale(2);
            }
        };

        assertThat(GradientCheck.loss(wrongSign, Matrix.rowVector(0.5, 2), Matrix.rowVector(1, 1)).passed()).isFalse();
    }
}
