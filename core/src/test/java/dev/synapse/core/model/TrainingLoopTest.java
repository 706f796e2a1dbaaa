package dev.synapse.core.model;

import static dev.synapse.testing.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation data, what History records, listeners that stop, the batch and end hooks, and the goals' weights. */
class TrainingLoopTest {

    // y = 2·x0 - x1 on six rows; the last two are what validationSplit(1/3) holds out.
    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {2, 1}, {0.5, -1}, {1, 2}});
    private static final Matrix Y = Matrix.columnVector(-1, 2, 1, 3, 2, 0);

    private static Sequential linearModel(double rate) {
        return Sequential.builder().input(2).add(Fixtures.linear(1))
                .loss(Fixtures.SSE).optimizer(Fixtures.gradientDescent(rate)).seed(1).build();
    }

    private static Matrix rows(Matrix m, int from, int to) {
        return Matrix.of(java.util.Arrays.copyOfRange(m.toArray(), from, to));
    }

    @Test
    void aValidationSplitHoldsOutTheLastRowsBeforeShufflingAndIsMeasuredAfterEveryEpoch() {
        Sequential split = linearModel(0.02);
        Sequential given = linearModel(0.02);

        History bySplit = split.fit(X, Y, Training.epochs(30).validationSplit(1.0 / 3));
        History byData = given.fit(rows(X, 0, 4), rows(Y, 0, 4), Training.epochs(30)
                .validationData(Dataset.of(rows(X, 4, 6), rows(Y, 4, 6))));

        assertThat(bySplit.losses()).containsExactly(byData.losses());
        assertThat(bySplit.validationLosses()).containsExactly(byData.validationLosses());
        assertThat(bySplit.hasValidation()).isTrue();
        assertThat(bySplit.validationLoss(30)).isEqualTo(split.evaluate(rows(X, 4, 6), rows(Y, 4, 6)).loss());
        assertThat(bySplit.validationLoss(30)).isLessThan(bySplit.validationLoss(1));
        assertThat(bySplit.metrics(30).orElseThrow().loss()).isEqualTo(bySplit.loss(30));
    }

    @Test
    void historyRecordsPenaltyWallTimeAndNoMetricsUnlessSomethingMeasuresThem() {
        History plain = linearModel(0.02).fit(X, Y, Training.epochs(3));
        History measured = linearModel(0.02).fit(X, Y, Training.epochs(3).recordMetrics());

        assertThat(plain.penalties()).containsExactly(0, 0, 0);
        assertThat(plain.seconds(3)).isGreaterThanOrEqualTo(0);
        assertThat(plain.metrics(2)).isEmpty();
        assertThat(plain.validation(2)).isEmpty();
        assertThat(plain.validationLoss(2)).isNaN();
        assertThat(measured.metrics(2).orElseThrow().meanSquaredError())
                .isCloseTo(measured.loss(2) / 6, within(1e-15));
        assertThat(plain.summary()).isEqualTo("Trained all 3 epochs; kept the weights after epoch 3.");
    }

    @Test
    void aListenerStopsTrainingThroughItsReportAndEveryListenerHearsTheLastEpoch() {
        Sequential model = linearModel(0.02);
        List<Integer> rare = new ArrayList<>();

        History history = model.fit(X, Y, Training.epochs(100)
                .report(50, r -> rare.add(r.epoch()))
                .listener(r -> {
                    if (r.epoch() == 7) {
                        r.stopTraining();
                    }
                }));

        assertThat(history.epochs()).isEqualTo(7);
        assertThat(history.stopReason()).isEqualTo(History.StopReason.STOPPED_BY_LISTENER);
        assertThat(history.keptEpoch()).isEqualTo(7);
        assertThat(rare).containsExactly(1, 7);
        assertThat(history.summary()).isEqualTo("A listener asked to stop at epoch 7; kept the weights after epoch 7.");
    }

    @Test
    void batchAndEndHooksHearEveryStepAndTheHistory() {
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                heard.add("epoch " + report.epoch());
            }

            @Override
            public void onBatch(int epoch, int batch, double batchLoss) {
                heard.add(epoch + "." + batch);
            }

            @Override
            public void onTrainingEnd(History history) {
                heard.add("end " + history.stopReason());
            }
        };

        linearModel(0.02).fit(X, Y, Training.epochs(2).batchSize(4).listener(listener));

        assertThat(heard).containsExactly("1.1", "1.2", "epoch 1", "2.1", "2.2", "epoch 2", "end MAX_EPOCHS");
    }

    @Test
    void reachingTheTargetLossHandsBackTheWeightsItsLossWasMeasuredOn() {
        Sequential kept = linearModel(0.02);
        Sequential fann = linearModel(0.02);

        History history = kept.fit(X, Y, Training.epochs(10_000).targetLoss(1e-6));
        History fannHistory = fann.fit(X, Y, Training.epochs(10_000).targetLoss(1e-6).fannCompatible());

        int epoch = history.epochs();
        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(history.keptEpoch()).isEqualTo(epoch);
        assertThat(kept.evaluate(X, Y).loss()).isEqualTo(history.loss(epoch));
        assertThat(history.summary()).startsWith("Desired error reached at epoch " + epoch + ": loss ")
                .endsWith("; kept the weights epoch " + epoch + "'s loss was measured on (before its update).");
        assertThat(fannHistory.losses()).containsExactly(history.losses());
        assertThat(fann.evaluate(X, Y).loss()).isLessThan(history.loss(epoch));
        assertThat(fannHistory.keptWeights()).isEqualTo("the weights after epoch " + epoch);
    }

    @Test
    void anInfiniteExplosionFactorLeavesOnlyNonFiniteLossesToStopADivergingRun() {
        Sequential model = linearModel(10);

        assertThatThrownBy(() -> model.fit(X, Y, Training.epochs(10_000).explosionFactor(Double.POSITIVE_INFINITY)))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(66);
                    assertThat(e).hasMessageContaining(": the loss became ");
                });
    }

    @Test
    void singleOutputAccuracyThresholdsAtTheMidpointOfTheTargetsForAnUnboundedOutput() {
        Sequential model = Sequential.builder().input(1).add(Fixtures.linear(1)).seed(1).build();
        model.parameters().get(0).value().fill(1);   // prediction = input
        Matrix plusMinusOne = Matrix.columnVector(1, -1, 1, -1);

        Metrics metrics = model.evaluate(Matrix.columnVector(0.3, -0.3, -0.1, 0.2), plusMinusOne);

        assertThat(metrics.accuracy()).isEqualTo(0.5);   // 0.3 → 1 and -0.3 → -1 right; the other two wrong
    }

    @Test
    void aWarmTrainingLoopAllocatesNothingPerBatch() {
        // 2000 one-sample batches per epoch: one allocated byte per batch would show as 8000 bytes over 4 epochs.
        Matrix x = new Matrix(2000, 2).fill(0.5);
        Matrix y = new Matrix(2000, 1).fill(0.5);
        Sequential model = linearModel(1e-4);
        TrainingListener everyBatch = new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {}

            @Override
            public void onBatch(int epoch, int batch, double batchLoss) {}
        };
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            model.fit(x, y, Training.epochs(5).batchSize(1).listener(everyBatch));
        }

        // The fewest of three tries: until the JIT has compiled the loop (late on a busy machine), escape analysis
        // has not yet removed the short-lived objects of the interpreted code.
        long fewest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long oneEpoch = allocatedBy(() -> model.fit(x, y, Training.epochs(1).batchSize(1).listener(everyBatch)));
            long fiveEpochs = allocatedBy(() -> model.fit(x, y, Training.epochs(5).batchSize(1).listener(everyBatch)));
            fewest = Math.min(fewest, fiveEpochs - oneEpoch);
        }

        assertThat(fewest).as("bytes for 4 more epochs of 2000 batches").isLessThan(4000);
    }

    @Test
    void rejectsAValidationSplitThatLeavesNoValidationRow() {
        Sequential model = linearModel(0.02);

        assertThatThrownBy(() -> model.fit(X, Y, Training.epochs(1).validationSplit(0.01)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation split 0.01 of 6 rows leaves 6 for training and 0 for validation; each needs"
                        + " at least one: pass more rows or another fraction");
    }

    @Test
    void rejectsValidationDataOfTheWrongWidth() {
        Sequential model = linearModel(0.02);

        assertThatThrownBy(() -> model.fit(X, Y, Training.epochs(1)
                .validationData(Matrix.of(new double[][] {{1, 2, 3}}), Matrix.columnVector(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expects 2 inputs per sample but got 3 (validation inputs 1x3)");
    }

    @Test
    void rejectsValidationInputsAndTargetsWithDifferentRowCounts() {
        assertThatThrownBy(() -> Training.epochs(1).validationData(X, Matrix.columnVector(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("validation inputs have 6 rows but validation targets have 2 (inputs 6x2, targets 2x1);"
                        + " each sample needs one row of each");
    }

    @Test
    void rejectsEarlyStoppingOnValidationLossWithoutValidationData() {
        Sequential model = linearModel(0.02);

        assertThatThrownBy(() -> model.fit(X, Y, Training.epochs(1).earlyStopping(EarlyStopping.patience(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("early stopping monitors the validation loss, but this fit has no validation data: add"
                        + " validationData(...) or validationSplit(0.1) to the Training, or monitor a training"
                        + " quantity such as Monitor.LOSS");
    }

    @Test
    void rejectsBadTrainingSettings() {
        assertThatThrownBy(() -> Training.epochs(1).validationSplit(1))
                .hasMessage("validation split must be a fraction in (0, 1), e.g. 0.1, got 1.0");
        assertThatThrownBy(() -> Training.epochs(1).explosionFactor(0.5))
                .hasMessage("explosion factor must be greater than 1 (or infinite to turn the check off), got 0.5");
        assertThatThrownBy(() -> EarlyStopping.patience(-1))
                .hasMessage("early-stopping patience must be a number of epochs >= 0, got -1");
        assertThatThrownBy(() -> EarlyStopping.patience(1).minDelta(-1))
                .hasMessage("early-stopping min delta must be finite and >= 0, got -1.0");
    }
}
