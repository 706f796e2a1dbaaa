package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training a model that has no optimizer, as one loaded from a file: the message, and withTraining. */
class WithTrainingTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(1, 2, 3);

    /** What loading gives: layers and a loss, no optimizer. */
    private static Sequential asLoaded() {
        return Sequential.of(List.of(new Fixtures.Linear(Matrix.columnVector(0.5, -0.5))), Fixtures.SSE, null, 1);
    }

    @Test
    void fittingAModelWithoutOptimizerSaysHowToGiveItOneNotToCallTheBuilder() {
        Sequential loaded = asLoaded();

        assertThatThrownBy(() -> loaded.fit(X, Y, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the model has no optimizer, so it cannot train (a loaded model has no optimizer: model"
                        + " files keep none); train a copy that has both: model.withTraining(loss, optimizer), e.g."
                        + " model.withTraining(model.loss().orElseThrow(), Sgd.learningRate(0.1)).fit(inputs,"
                        + " targets, epochs), or give both to Sequential.builder()");
    }

    @Test
    void withTrainingTrainsTheSameLayersAndSoTheOriginalsWeights() {
        Sequential loaded = asLoaded();
        double before = loaded.evaluate(X, Y).loss();

        Sequential trainable = loaded.withTraining(Fixtures.SSE, Fixtures.gradientDescent(0.1));
        History history = trainable.fit(X, Y, 100);

        assertThat(history.finalLoss()).isLessThan(before / 10);
        assertThat(loaded.evaluate(X, Y).loss()).isEqualTo(trainable.evaluate(X, Y).loss());
        assertThat(trainable.layers()).isEqualTo(loaded.layers());
        assertThat(trainable.optimizer()).isPresent();
        assertThat(loaded.optimizer()).isEmpty();
    }
}
