package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SequentialTest {

    // y = 2·x0 - x1: a linear model can learn it exactly.
    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0.5, -1}});
    private static final Matrix Y = Matrix.columnVector(-1, 2, 1, 3, 2);

    private static Sequential linearModel(double rate) {
        return Sequential.builder().input(2).add(Fixtures.linear(1))
                .loss(Fixtures.SSE).optimizer(Fixtures.gradientDescent(rate)).seed(1).build();
    }

    @Test
    void seedDrawsTheSameWeightsAsNumpy() {
        Sequential model = linearModel(0.01);

        assertThat(model.parameters().get(0).value().data()).containsExactly(2 * 0.417022004702574 - 1,
                2 * 0.7203244934421581 - 1);
    }

    @Test
    void fullBatchTrainingLearnsALinearFunctionAndRecordsEveryEpoch() {
        Sequential model = linearModel(0.05);

        History history = model.fit(X, Y, 500);

        assertThat(history.epochs()).isEqualTo(500);
        assertThat(history.stopReason()).isEqualTo(History.StopReason.MAX_EPOCHS);
        assertThat(history.loss(1)).isGreaterThan(history.finalLoss());
        assertThat(history.finalLoss()).isLessThan(1e-20);
        assertThat(model.predict(3, 1)[0]).isCloseTo(5, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void historyLossIsTheLossOfTheForwardPassBeforeTheUpdate() {
        Sequential model = linearModel(0.05);
        double before = model.evaluate(X, Y).loss();

        History history = model.fit(X, Y, 1);

        assertThat(history.loss(1)).isEqualTo(before);
    }

    @Test
    void stopsOnceTheLossReachesTheTarget() {
        Sequential model = linearModel(0.05);

        History history = model.fit(X, Y, Training.epochs(10_000).targetLoss(1e-6));

        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(history.epochs()).isLessThan(10_000);
        assertThat(history.finalLoss()).isLessThanOrEqualTo(1e-6);
        assertThat(history.loss(history.epochs() - 1)).isGreaterThan(1e-6);
    }

    @Test
    void listenersHearTheFirstEveryNthAndLastEpochWithMetrics() {
        Sequential model = linearModel(0.05);
        List<EpochReport> reports = new ArrayList<>();

        History history = model.fit(X, Y, Training.epochs(10).report(3, reports::add));

        assertThat(reports).extracting(EpochReport::epoch).containsExactly(1, 4, 7, 10);
        EpochReport last = reports.get(3);
        assertThat(last.loss()).isEqualTo(history.loss(10));
        assertThat(last.metrics().loss()).isEqualTo(history.loss(10));
        assertThat(last.metrics().meanSquaredError()).isEqualTo(history.loss(10) / 5, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void miniBatchesWithTheSameSeedGiveTheSameHistory() {
        Training training = Training.epochs(20).batchSize(2);

        double[] first = linearModel(0.02).fit(X, Y, training).losses();
        double[] second = linearModel(0.02).fit(X, Y, training).losses();
        double[] unshuffled = linearModel(0.02).fit(X, Y, training.shuffle(false)).losses();

        assertThat(first).containsExactly(second);
        assertThat(first).isNotEqualTo(unshuffled);
        assertThat(first[19]).isLessThan(first[0]);
    }

    @Test
    void evaluateReportsErrorsAndAccuracy() {
        Sequential model = Sequential.builder().input(1).add(Fixtures.linear(1)).seed(1).build();
        model.parameters().get(0).value().fill(1);   // prediction = input
        Matrix x = Matrix.columnVector(0.1, 0.9, 0.4, 1.0);
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Metrics metrics = model.evaluate(x, y);

        assertThat(metrics.meanAbsoluteError()).isCloseTo((0.1 + 0.1 + 0.6 + 1.0) / 4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(metrics.meanSquaredError()).isCloseTo((0.01 + 0.01 + 0.36 + 1.0) / 4, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(metrics.accuracy()).isEqualTo(0.5);
        assertThat(metrics.loss()).isNaN();
    }

    @Test
    void predictIsSafeFromManyThreads() throws Exception {
        Sequential model = linearModel(0.05);
        model.fit(X, Y, 50);
        double[] expected = model.predict(X).data();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> model.predict(X).data()));
            }
            for (Future<double[]> r : results) {
                assertThat(r.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void divergingTrainingStopsWhenTheLossExplodesAndRestoresTheBestEpochsWeights() {
        Sequential model = linearModel(10);
        List<Double> losses = new ArrayList<>();
        History[] ended = new History[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                losses.add(r.loss());
            }

            @Override
            public void onTrainingEnd(History history) {
                ended[0] = history;
            }
        };

        assertThatThrownBy(() -> model.fit(X, Y, Training.epochs(10_000).listener(listener)))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(3);
                    assertThat(e.restoredEpoch()).isEqualTo(1);
                    assertThat(e).hasMessageStartingWith("Training diverged at epoch 3: the loss exploded to ")
                            .hasMessageContaining("more than 1000000.0 × 22.02099995367157 (the larger of the best"
                                    + " loss so far and the first epoch's)")
                            .hasMessageContaining("the outputs of layer 0 (")
                            .hasMessageContaining("Restored the weights epoch 1's loss was measured on (before its"
                                    + " update), the best loss so far (22.02099995367157)")
                            .hasMessageContaining("Try a smaller learning rate (optimizer: gd(10.0))");
                    assertThat(e.history()).isSameAs(ended[0]);
                    assertThat(e.history().stopReason()).isEqualTo(History.StopReason.DIVERGED);
                    assertThat(e.history().keptEpoch()).isEqualTo(1);
                });
        assertThat(losses).hasSize(2);
        assertThat(model.evaluate(X, Y).loss()).isEqualTo(losses.get(0));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void rejectsSampleWithWrongWidth() {
        Sequential model = linearModel(0.1);

        assertThatThrownBy(() -> model.predict(1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0 (linear) expects 2 inputs per sample but got 3 (inputs 1x3). "
                        + "Pass samples of 2 values, or build the model with input(3).");
    }

    @Test
    void rejectsTargetsWhoseWidthIsNotTheOutputSize() {
        Sequential model = linearModel(0.1);

        assertThatThrownBy(() -> model.fit(X, new Matrix(5, 2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targets have 2 values per sample but the last layer (layer 0, linear) outputs 1 "
                        + "(targets 5x2). Give the last layer 2 units or fix the targets.");
    }

    @Test
    void rejectsInputsAndTargetsWithDifferentRowCounts() {
        Sequential model = linearModel(0.1);

        assertThatThrownBy(() -> model.fit(X, Matrix.columnVector(1, 2, 3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inputs have 5 rows but targets have 3 (inputs 5x2, targets 3x1); "
                        + "each input row needs exactly one target row");
    }

    @Test
    void rejectsAnEmptyDataSet() {
        Sequential model = linearModel(0.1);

        assertThatThrownBy(() -> model.fit(new Matrix(0, 2), new Matrix(0, 1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inputs are empty (0x2); pass at least one sample");
    }

    @Test
    void rejectsNaNInTheInputs() {
        Sequential model = linearModel(0.1);
        Matrix x = X.copy();
        x.set(3, 1, Double.NaN);

        assertThatThrownBy(() -> model.fit(x, Y, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the inputs hold NaN at row 3, column 1; every value must be finite: "
                        + "clean or impute the data first");
    }

    @Test
    void rejectsANonFiniteInputAnywhereInEitherPrecisionNamingTheFirst() {
        Sequential model = linearModel(0.1);
        int rows = 37; // 74 values: whole groups of eight and a tail
        for (dev.synapse.core.Precision precision : dev.synapse.core.Precision.values()) {
            for (int at : new int[] {0, 9, 70, 73}) {
                Matrix x = new Matrix(rows, 2, precision);
                x.set(at / 2, at % 2, at % 3 == 0 ? Double.NEGATIVE_INFINITY : Double.NaN);
                x.set(rows - 1, 1, Double.POSITIVE_INFINITY);
                Matrix y = new Matrix(rows, 1);
                String value = at % 3 == 0 ? "-Infinity" : "NaN";
                String first = at == 73 ? "Infinity at row 36, column 1" : value + " at row " + at / 2 + ", column "
                        + at % 2;

                assertThatThrownBy(() -> model.fit(x, y, 1)).as("%s at %d", precision, at)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("the inputs hold " + first + ";");
            }
        }
    }

    @Test
    void rejectsInfinityInTheTargets() {
        Sequential model = linearModel(0.1);
        Matrix y = Y.copy();
        y.set(4, 0, Double.POSITIVE_INFINITY);

        assertThatThrownBy(() -> model.fit(X, y, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the targets hold Infinity at row 4, column 0");
    }

    @Test
    void rejectsNonPositiveBatchSize() {
        assertThatThrownBy(() -> Training.epochs(10).batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be positive, got 0; use fullBatch() for whole-data-set batches");
    }

    @Test
    void rejectsNonPositiveEpochs() {
        assertThatThrownBy(() -> Training.epochs(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the number of epochs must be positive, got 0");
    }

    @Test
    void rejectsAModelWithNoLayers() {
        assertThatThrownBy(() -> Sequential.builder().input(3).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the model has no layers; add at least one, e.g. add(Dense.units(1).activation(sigmoid()))");
    }

    @Test
    void rejectsAModelWithoutInputSize() {
        assertThatThrownBy(() -> Sequential.builder().add(Fixtures.linear(1)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the input size is not set; call input(n)");
    }

    @Test
    void fitWithoutLossSaysHowToSetOne() {
        Sequential model = Sequential.builder().input(2).add(Fixtures.linear(1)).build();

        assertThatThrownBy(() -> model.fit(X, Y, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the model has no loss, so it cannot train")
                .hasMessageContaining("model.withTraining(Losses.meanSquaredError(), Sgd.learningRate(0.1))");
    }
}
