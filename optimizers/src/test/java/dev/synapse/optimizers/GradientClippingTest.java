package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clipping by global norm, seen through plain gradient descent with learning rate 1: each weight moves by -g. */
class GradientClippingTest {

    private static Parameter parameter(double... gradient) {
        Parameter p = new Parameter("w", new Matrix(1, gradient.length));
        System.arraycopy(gradient, 0, p.gradient().data(), 0, gradient.length);
        return p;
    }

    @Test
    void scalesAllGradientsTogetherToTheLimit() {
        Parameter weights = parameter(3, 4);
        Parameter bias = parameter(12);   // global norm √(9 + 16 + 144) = 13

        GradientClipping.byGlobalNorm(6.5, Sgd.learningRate(1.0)).start(List.of(weights, bias)).step(1);

        assertThat(weights.gradient().data()).containsExactly(1.5, 2.0);
        assertThat(bias.gradient().data()).containsExactly(6.0);
        assertThat(weights.value().data()).containsExactly(-1.5, -2.0);
        assertThat(bias.value().data()).containsExactly(-6.0);
    }

    @Test
    void leavesGradientsAtOrBelowTheLimitExactlyAsTheyAre() {
        Parameter below = parameter(0.3, 0.4);   // norm 0.5
        Parameter at = parameter(0.6, 0.8);      // norm 1 (0.36 + 0.64 rounds to exactly 1)

        GradientClipping.byGlobalNorm(1.0, Sgd.learningRate(1.0)).start(List.of(below)).step(1);
        GradientClipping.byGlobalNorm(1.0, Sgd.learningRate(1.0)).start(List.of(at)).step(1);

        assertThat(below.value().data()).containsExactly(-0.3, -0.4);
        assertThat(at.value().data()).containsExactly(-0.6, -0.8);
    }

    @Test
    void leavesANonFiniteGradientForTheDivergenceCheck() {
        Parameter p = parameter(Double.POSITIVE_INFINITY, 1.0);

        GradientClipping.byGlobalNorm(1.0, Sgd.learningRate(1.0)).start(List.of(p)).step(1);

        assertThat(p.gradient().data()).containsExactly(Double.POSITIVE_INFINITY, 1.0);
    }

    @Test
    void passesTheEpochAndBatchSizeToTheWrappedOptimizer() {
        List<String> calls = new ArrayList<>();
        Optimizer recorder = new Optimizer() {
            @Override public String name() { return "recorder"; }
            @Override public State start(List<Parameter> parameters) {
                return new State() {
                    @Override public void step(int epoch) { calls.add("step " + epoch); }
                    @Override public void step(int epoch, int batchSize) {
                        calls.add("step " + epoch + " of " + batchSize + ", gradient "
                                + parameters.get(0).gradient().get(0, 0));
                    }
                };
            }
        };
        Optimizer.State state = GradientClipping.byGlobalNorm(2.0, recorder).start(List.of(parameter(8)));

        state.step(3, 32);
        state.step(4);

        assertThat(calls).containsExactly("step 3 of 32, gradient 2.0", "step 4");
    }

    @Test
    void namesTheRuleItChanges() {
        GradientClipping clipped = GradientClipping.byGlobalNorm(1.0, Adam.defaults());

        assertThat(clipped.name()).isEqualTo("adam-clipped");
        assertThat(clipped.maxNorm()).isEqualTo(1.0);
        assertThat(clipped.optimizer().name()).isEqualTo("adam");
        assertThat(clipped).hasToString("clipByGlobalNorm(1.0, " + Adam.defaults() + ")");
    }

    @Test
    void rejectsALimitThatIsNotPositive() {
        assertThatThrownBy(() -> GradientClipping.byGlobalNorm(0, Adam.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the largest global gradient norm must be positive and finite, got 0.0");
        assertThatThrownBy(() -> GradientClipping.byGlobalNorm(1, null))
                .isInstanceOf(NullPointerException.class).hasMessage("optimizer");
    }
}
