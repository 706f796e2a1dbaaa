package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import dev.synapse.core.io.Registry;
import dev.synapse.core.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Early stopping and checkpoints on a problem whose validation loss has a minimum: the training data follow
 * {@code y = 2·x0 - x1}, the validation data {@code y = 0.9·x0 - 0.3·x1}, which lies between the seeded initial
 * weights (-0.17, 0.44) and the training optimum, so gradient descent passes the validation optimum on its way.
 */
class EarlyStoppingTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0.5, -1}});
    private static final Matrix Y = Matrix.columnVector(-1, 2, 1, 3, 2);
    private static final Matrix VALIDATION_X = Matrix.of(new double[][] {{1, 0.5}, {-1, 1}, {0.5, 2}});
    private static final Matrix VALIDATION_Y = Matrix.columnVector(0.75, -1.2, -0.15);

    /** Knows the test's linear layer and loss, so models can be saved and loaded. */
    private static final Registry REGISTRY = new Registry().registerLayer("linear", new LayerFactory() {
        @Override
        public LayerConfig describe(Layer layer) {
            return LayerConfig.of("linear", layer.inputSize(), layer.outputSize(), null, false);
        }

        @Override
        public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
            return new Fixtures.Linear(parameters.get("weights"));
        }
    }).registerLoss("sse", () -> Fixtures.SSE);

    @TempDir
    Path dir;

    private static Sequential model() {
        return Sequential.builder().input(2).add(Fixtures.linear(1))
                .loss(Fixtures.SSE).optimizer(Fixtures.gradientDescent(0.01)).seed(1).build();
    }

    private static Training training() {
        return Training.epochs(1000).validationData(VALIDATION_X, VALIDATION_Y);
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndHandsBackExactlyTheWeightsOfTheBestEpoch() throws IOException {
        Sequential model = model();
        TrainingListener saveEveryEpoch = r -> {
            try {
                model.save(dir.resolve("epoch-" + r.epoch() + ".json"), REGISTRY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };

        History history = model.fit(X, Y, training().earlyStopping(EarlyStopping.patience(3))
                .listener(saveEveryEpoch));

        int best = history.keptEpoch();
        assertThat(history.stopReason()).isEqualTo(History.StopReason.EARLY_STOPPED);
        assertThat(history.epochs()).isEqualTo(best + 3);
        assertThat(best).isGreaterThan(1);
        for (int e = 1; e <= history.epochs(); e++) {
            assertThat(history.validationLoss(e)).as("epoch %s", e).isGreaterThanOrEqualTo(history.validationLoss(best));
        }
        Sequential saved = Sequential.load(dir.resolve("epoch-" + best + ".json"), REGISTRY);
        assertThat(model.parameters().get(0).value()).isEqualTo(saved.parameters().get(0).value());
        assertThat(model.evaluate(VALIDATION_X, VALIDATION_Y).loss()).isEqualTo(history.validationLoss(best));
        assertThat(history.summary()).startsWith("Early stopping at epoch " + (best + 3)
                + ": the validation loss has not improved on " + history.validationLoss(best) + " (epoch " + best
                + ") by more than 0.0 for 3 epochs; kept the weights after epoch " + best + ".");
    }

    @Test
    void withoutRestoringTheModelKeepsTheLastEpochsWeights() {
        Sequential model = model();

        History history = model.fit(X, Y, training()
                .earlyStopping(EarlyStopping.patience(3).restoreBestWeights(false)));

        assertThat(history.keptEpoch()).isEqualTo(history.epochs());
        assertThat(model.evaluate(VALIDATION_X, VALIDATION_Y).loss())
                .isGreaterThan(history.validationLoss(history.epochs() - 3));
    }

    @Test
    void aMinimumChangeStopsEarlierOnSmallImprovements() {
        History exact = model().fit(X, Y, training().earlyStopping(EarlyStopping.patience(3)));
        History coarse = model().fit(X, Y, training().earlyStopping(EarlyStopping.patience(3).minDelta(0.1)));

        assertThat(coarse.epochs()).isLessThan(exact.epochs());
    }

    @Test
    void earlyStoppingOnMiniBatchesRepeatsBitForBitUnderTheSameSeed() {
        Training training = training().batchSize(2).earlyStopping(EarlyStopping.patience(2));

        Sequential first = model();
        History a = first.fit(X, Y, training);
        Sequential second = model();
        History b = second.fit(X, Y, training);

        assertThat(a.stopReason()).isEqualTo(History.StopReason.EARLY_STOPPED);
        assertThat(a.epochs()).isEqualTo(b.epochs());
        assertThat(a.keptEpoch()).isEqualTo(b.keptEpoch());
        assertThat(bits(a.losses())).containsExactly(bits(b.losses()));
        assertThat(bits(a.validationLosses())).containsExactly(bits(b.validationLosses()));
        assertThat(bits(first.parameters().get(0).value().data()))
                .containsExactly(bits(second.parameters().get(0).value().data()));
    }

    @Test
    void aCheckpointHoldsTheBestModelSoFarAsEarlyStoppingsBest() throws IOException {
        Path file = dir.resolve("best.json");
        Sequential model = model();

        History history = model.fit(X, Y, training().earlyStopping(EarlyStopping.patience(3))
                .checkpoint(Checkpoint.bestTo(file).registry(REGISTRY)));

        Sequential best = Sequential.load(file, REGISTRY);
        assertThat(best.parameters().get(0).value()).isEqualTo(model.parameters().get(0).value());
        assertThat(best.evaluate(VALIDATION_X, VALIDATION_Y).loss()).isEqualTo(history.validationLoss(history.keptEpoch()));
    }

    @Test
    void aCheckpointOnTheFullBatchTrainingLossSavesTheWeightsThatLossWasMeasuredOn() throws IOException {
        Path file = dir.resolve("best-loss.json");
        Sequential model = model();

        History history = model.fit(X, Y, Training.epochs(20).checkpoint(Checkpoint.bestTo(file)
                .monitor(Monitor.LOSS).registry(REGISTRY)));

        assertThat(Sequential.load(file, REGISTRY).evaluate(X, Y).loss()).isEqualTo(history.loss(20));
        assertThat(model.evaluate(X, Y).loss()).isLessThan(history.loss(20));
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTrainingNamingTheFile() {
        Path file = dir.resolve("missing-folder").resolve("best.json");
        Sequential model = model();

        assertThatThrownBy(() -> model.fit(X, Y, training().checkpoint(Checkpoint.bestTo(file).registry(REGISTRY))))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("checkpoint after epoch 1 could not save the model to " + file + ": ")
                .hasMessageEndingWith("; training stopped");
        assertThat(model.fit(X, Y, 1).epochs()).isEqualTo(1);
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Double.doubleToRawLongBits(values[i]);
        }
        return out;
    }
}
