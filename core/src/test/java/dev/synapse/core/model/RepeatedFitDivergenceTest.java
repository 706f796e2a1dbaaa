package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The explosion check's measure of "large" when a model is fitted again after converging. */
class RepeatedFitDivergenceTest {

    private static final Matrix X = Matrix.columnVector(1, 2);
    private static final Matrix Y = Matrix.columnVector(2, 4);   // y = 2x: SSE is 5δ² for the weight 2 + δ

    @Test
    void aLaterFitIsJudgedAgainstTheModelsFirstEpochNotItsOwnTinyFirstLoss() {
        Sequential model = Sequential.builder().input(1).add(Fixtures.linear(1)).loss(Fixtures.SSE)
                .optimizer(Fixtures.gradientDescent(0.05)).seed(1).build();
        double[] w = model.parameters().get(0).value().data();
        w[0] = 3;
        double firstLoss = model.fit(X, Y, Training.epochs(1)).loss(1);   // the model's first epoch: 5
        w[0] = 2 + 1e-10;                                                   // converged: a loss of 5e-20

        // As an oscillating optimizer does: after a tiny epoch the weights jump to a loss 1e8 times larger, 5e-12,
        // still tiny next to the model's first epoch.
        History next = model.fit(X, Y, Training.epochs(3).report(1, r -> {
            if (r.epoch() == 1) {
                w[0] = 2 + 1e-6;
            }
        }));

        assertThat(firstLoss).isEqualTo(5.0);
        assertThat(next.loss(1)).isLessThan(1e-18);
        assertThat(next.loss(2)).isGreaterThan(1e6 * next.loss(1)).isLessThan(1e-10);
        assertThat(next.stopReason()).isEqualTo(History.StopReason.MAX_EPOCHS);
        assertThat(next.epochs()).isEqualTo(3);
    }
}
