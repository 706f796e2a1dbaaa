package dev.synapse.layers;

import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;
import static dev.synapse.activations.Activations.tanh;
import static dev.synapse.testing.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.losses.Losses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Softmax and sigmoid outputs with the cross-entropies, L2 and dropout, through whole models. */
class ClassifierTest {

    // Three clusters in the plane: class 0 near (0, 0), class 1 near (3, 0), class 2 near (0, 3).
    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0.5, -0.25}, {-0.5, 0.5}, {3, 0}, {3.5, 0.5},
        {2.5, -0.5}, {0, 3}, {0.5, 3.5}, {-0.25, 2.5}});
    private static final Matrix LABELS = Matrix.columnVector(0, 0, 0, 1, 1, 1, 2, 2, 2);

    /** Plain gradient descent, so these tests need no optimizer module. */
    private static Optimizer descent(double rate) {
        return new Optimizer() {
            @Override
            public String name() {
                return "descent";
            }

            @Override
            public State start(List<Parameter> parameters) {
                return epoch -> {
                    for (int i = 0; i < parameters.size(); i++) {
                        parameters.get(i).value().addScaled(-rate, parameters.get(i).gradient());
                    }
                };
            }

            @Override
            public String toString() {
                return "descent(" + rate + ")";
            }
        };
    }

    private static Sequential.Builder classifier(Loss loss) {
        return Sequential.builder().input(2)
                .add(Dense.units(8).activation(tanh()).l2(1e-3))
                .add(Dense.units(3).activation(softmax()))
                .loss(loss).optimizer(descent(0.5)).seed(4);
    }

    @Test
    void aSoftmaxClassifierLearnsClassLabelsWithSparseCrossEntropy() {
        Sequential model = classifier(Losses.sparseCategoricalCrossEntropy()).build();

        History history = model.fit(X, LABELS, 300);
        Metrics metrics = model.evaluate(X, LABELS);

        assertThat(history.finalLoss()).isLessThan(history.loss(1) / 5);
        assertThat(metrics.accuracy()).isEqualTo(1.0);
        double[] p = model.predict(3, 0.25);
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-15));
        assertThat(p[1]).isGreaterThan(0.8);
    }

    @Test
    void oneHotTargetsTrainExactlyAsTheirClassLabels() {
        Matrix oneHot = new Matrix(9, 3);
        for (int r = 0; r < 9; r++) {
            oneHot.set(r, (int) LABELS.get(r, 0), 1);
        }
        Sequential sparse = classifier(Losses.sparseCategoricalCrossEntropy()).build();
        Sequential dense = classifier(Losses.categoricalCrossEntropy()).build();

        History a = sparse.fit(X, LABELS, 20);
        History b = dense.fit(X, oneHot, 20);

        assertThat(b.finalLoss()).isEqualTo(a.finalLoss());
        assertThat(dense.parameters().get(0).value().data()).containsExactly(sparse.parameters().get(0).value().data());
    }

    @Test
    void theModelsGradientThroughTheFusedPathAndThePenaltyMatchesCentralDifferencesOfItsLoss() {
        Sequential model = classifier(Losses.sparseCategoricalCrossEntropy()).build();
        List<double[]> analytic = new ArrayList<>();
        Optimizer recorder = new Optimizer() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public State start(List<Parameter> parameters) {
                return epoch -> parameters.forEach(p -> analytic.add(p.gradient().data().clone()));
            }
        };
        Sequential recording = Sequential.of(model.layers(), Losses.sparseCategoricalCrossEntropy(), recorder, 1);

        recording.fit(X, LABELS, 1);

        double h = 1e-6;
        for (int p = 0; p < model.parameters().size(); p++) {
            double[] values = model.parameters().get(p).value().data();
            for (int i = 0; i < values.length; i++) {
                double saved = values[i];
                values[i] = saved + h;
                double plus = lossWithPenalty(model);
                values[i] = saved - h;
                double minus = lossWithPenalty(model);
                values[i] = saved;
                assertThat(analytic.get(p)[i]).as("parameter %s[%s]", p, i)
                        .isCloseTo((plus - minus) / (2 * h), within(1e-8));
            }
        }
    }

    private static double lossWithPenalty(Sequential model) {
        double penalty = 0;
        for (Layer layer : model.layers()) {
            penalty += layer.penalty();
        }
        return model.evaluate(X, LABELS).loss() + penalty;
    }

    @Test
    void theTrainingLossOfAnEpochIncludesTheL2Penalty() {
        Sequential model = classifier(Losses.sparseCategoricalCrossEntropy()).build();
        double penalty = model.layers().get(0).penalty();
        double before = model.evaluate(X, LABELS).loss();

        History history = model.fit(X, LABELS, 1);

        assertThat(penalty).isPositive();
        assertThat(history.loss(1)).isEqualTo(before + penalty);
    }

    @Test
    void logitsOfPlusAndMinusAThousandGiveAFiniteLossInEvaluationAndTraining() {
        Dense layer = new Dense(softmax(), Matrix.of(new double[][] {{1000, -1000}}), null);
        Sequential model = Sequential.of(List.of(layer), Losses.sparseCategoricalCrossEntropy(), descent(1e-6), 1);
        Matrix x = Matrix.columnVector(1, 1);
        Matrix labels = Matrix.columnVector(1, 0);

        Metrics metrics = model.evaluate(x, labels);
        History history = model.fit(x, labels, 1);

        assertThat(metrics.loss()).isEqualTo(1000);
        assertThat(history.loss(1)).isEqualTo(1000);
        // p = (1, 0) in both rows; p - y is (1, -1) in the row labelled 1 and 0 in the other: ∂L/∂W = (0.5, -0.5).
        assertThat(layer.weights().value().data()).containsExactly(1000 - 1e-6 * 0.5, -1000 + 1e-6 * 0.5);
    }

    @Test
    void binaryCrossEntropyTrainsASigmoidOutputFromItsLogit() {
        Matrix y = Matrix.columnVector(0, 0, 0, 1, 1, 1, 1, 1, 1);
        Sequential model = Sequential.builder().input(2)
                .add(Dense.units(4).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.binaryCrossEntropy()).optimizer(descent(1)).seed(2).build();

        History history = model.fit(X, y, 200);

        assertThat(history.finalLoss()).isLessThan(0.05);
        assertThat(model.evaluate(X, y).accuracy()).isEqualTo(1.0);
    }

    @Test
    void buildRefusesACrossEntropyAfterAnOutputItCannotWorkWith() {
        assertThatThrownBy(() -> Sequential.builder().input(2)
                .add(Dense.units(8).activation(relu()))
                .add(Dense.units(3).activation(relu()))
                .loss(Losses.categoricalCrossEntropy()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loss categorical-crossentropy cannot follow layer 1 (dense), whose activation is relu: it"
                        + " needs a probability per class, summing to 1 per sample. Give the last layer"
                        + " activation(softmax()), e.g. Dense.units(10).activation(softmax())");
        assertThatThrownBy(() -> Sequential.builder().input(2)
                .add(Dense.units(1).activation(tanh()))
                .loss(Losses.binaryCrossEntropy()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("loss binary-crossentropy cannot follow layer 0 (dense), whose activation is"
                        + " tanh: it needs outputs in (0, 1). Give the last layer activation(sigmoid())");
        assertThatThrownBy(() -> Sequential.builder().input(2)
                .add(Dense.units(3).activation(softmax()))
                .add(Dropout.rate(0.5))
                .loss(Losses.sparseCategoricalCrossEntropy()).build())
                .hasMessageStartingWith("loss sparse-categorical-crossentropy cannot follow layer 1 (dropout), whose"
                        + " activation is not declared");
    }

    @Test
    void fitRefusesTargetsShapedForTheOtherCrossEntropy() {
        Sequential model = classifier(Losses.sparseCategoricalCrossEntropy()).build();

        assertThatThrownBy(() -> model.fit(X, new Matrix(9, 3), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("targets have 3 values per sample but loss sparse-categorical-crossentropy takes 1 for the"
                        + " 3 outputs of the last layer (layer 1, dense; targets 9x3). Pass 1 target value(s) per"
                        + " sample, or choose a loss for 3-wide targets.");
        assertThatThrownBy(() -> model.evaluate(X, Matrix.columnVector(0, 0, 0, 1, 1, 1, 2, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sparse-categorical-crossentropy: target row 8 holds 3.0, but class labels"
                        + " must be whole numbers from 0 to 2");
    }

    @Test
    void dropoutRepeatsBitForBitUnderOneSeedAndNeverDropsInPredict() {
        Sequential first = withDropout();
        Sequential second = withDropout();
        Sequential noDropout = Sequential.builder().input(2)
                .add(Dense.units(16).activation(relu()))
                .add(Dense.units(3).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(descent(0.3)).seed(5).build();

        History a = first.fit(X, LABELS, Training.epochs(30).batchSize(4));
        History b = second.fit(X, LABELS, Training.epochs(30).batchSize(4));
        History c = noDropout.fit(X, LABELS, Training.epochs(30).batchSize(4));

        assertThat(b.finalLoss()).isEqualTo(a.finalLoss());
        assertThat(second.parameters().get(0).value().data()).containsExactly(first.parameters().get(0).value().data());
        assertThat(c.finalLoss()).isNotEqualTo(a.finalLoss());
        List<Layer> withoutDropout = List.of(first.layers().get(0), first.layers().get(2));
        Sequential same = Sequential.of(withoutDropout, Losses.sparseCategoricalCrossEntropy(), null, 1);
        assertThat(first.predict(X).data()).containsExactly(same.predict(X).data());
        assertThat(first.evaluate(X, LABELS).loss()).isEqualTo(same.evaluate(X, LABELS).loss());
    }

    private static Sequential withDropout() {
        return Sequential.builder().input(2)
                .add(Dense.units(16).activation(relu()))
                .add(Dropout.rate(0.25))
                .add(Dense.units(3).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(descent(0.3)).seed(5).build();
    }

    @Test
    void summaryIsAKerasLikeTableWithTheTotals() {
        Sequential model = Sequential.builder().input(784)
                .add(Dense.units(128).activation(relu()))
                .add(Dropout.rate(0.2))
                .add(Dense.units(10).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(descent(0.1)).seed(1).build();

        assertThat(model.summary()).isEqualTo("""
                Layer (type)   Output shape   Activation   Parameters
                -----------------------------------------------------
                0 (dense)      (batch, 128)   relu            100,480
                1 (dropout)    (batch, 128)   -                     0
                2 (dense)      (batch, 10)    softmax           1,290
                =====================================================
                Total parameters: 101,770
                Trainable parameters: 101,770
                Loss: sparse-categorical-crossentropy, optimizer: descent(0.1)
                """);
        assertThat(model.toString()).contains("loss=sparse-categorical-crossentropy");
    }

    @Test
    void aWarmClassifierWithDropoutAndL2AllocatesNothingPerBatch() {
        warmClassifierAllocatesNothingPerBatch(Precision.FLOAT64);
    }

    @Test
    void aWarmFloat32ClassifierWithDropoutAndL2AllocatesNothingPerBatch() {
        warmClassifierAllocatesNothingPerBatch(Precision.FLOAT32);
    }

    private static void warmClassifierAllocatesNothingPerBatch(Precision precision) {
        Matrix x = new Matrix(40, 2);
        Matrix labels = new Matrix(40, 1);
        for (int r = 0; r < 40; r++) {
            x.set(r, 0, X.get(r % 9, 0));
            x.set(r, 1, X.get(r % 9, 1));
            labels.set(r, 0, LABELS.get(r % 9, 0));
        }
        Sequential model = Sequential.builder().input(2).precision(precision)
                .add(Dense.units(16).activation(relu()).l2(1e-3))
                .add(Dropout.rate(0.25))
                .add(Dense.units(3).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(descent(0.1)).seed(5).build();
        for (int i = 0; i < 200; i++) {
            model.fit(x, labels, Training.epochs(10).batchSize(4));
        }

        long oneEpoch = allocatedBy(() -> model.fit(x, labels, Training.epochs(1).batchSize(4)));
        long twentyEpochs = allocatedBy(() -> model.fit(x, labels, Training.epochs(20).batchSize(4)));

        // 19 more epochs are 190 more batches; the History's loss array grows by 19 doubles (152 bytes).
        assertThat(twentyEpochs - oneEpoch).as(precision.label()).isLessThan(1024);
        assertThat(model.precision()).isEqualTo(precision);
    }
}
