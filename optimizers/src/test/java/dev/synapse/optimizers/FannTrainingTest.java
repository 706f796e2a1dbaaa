package dev.synapse.optimizers;

import static dev.synapse.activations.FannActivations.sigmoidSymmetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withPrecision;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FANN's training algorithms and training control on FANN's XOR: -1/1 data, 2-4-1, symmetric sigmoids. */
class FannTrainingTest {

    private static final Dataset XOR = xor();

    private static Dataset xor() {
        try {
            return FannData.read(new StringReader("4 2 1\n-1 -1\n-1\n-1 1\n1\n1 -1\n1\n1 1\n-1\n"),
                    "xor.data");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** FANN's fann_create_standard: weights and biases uniform in [-0.1, 0.1]. */
    private static Dense.Spec dense(int units, Activation activation) {
        return Dense.units(units).activation(activation)
                .weights(Initializers.uniform(-0.1, 0.1)).bias(Initializers.uniform(-0.1, 0.1));
    }

    private static Sequential xorModel(Optimizer optimizer, long seed) {
        return Sequential.builder().input(2)
                .add(dense(4, sigmoidSymmetric(1)))
                .add(dense(1, sigmoidSymmetric(1)))
                .loss(Losses.fannMse(true)).optimizer(optimizer).seed(seed).build();
    }

    @Test
    void rpropTrainsXorBelowASmallMse() {
        Sequential model = xorModel(Rprop.fannDefaults(), 1);

        History history = model.fit(XOR.inputs(), XOR.targets(), Training.epochs(1000).targetLoss(1e-4));

        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(model.evaluate(XOR.inputs(), XOR.targets()).loss()).isLessThan(1e-3);
        assertThat(model.evaluate(XOR.inputs(), XOR.targets()).accuracy()).isEqualTo(1.0);
    }

    @Test
    void quickpropTrainsXorBelowASmallMse() {
        Sequential model = xorModel(Quickprop.fannDefaults(), 1);

        History history = model.fit(XOR.inputs(), XOR.targets(), Training.epochs(2000).targetLoss(1e-3));

        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(model.evaluate(XOR.inputs(), XOR.targets()).loss()).isLessThan(2e-3);
    }

    @Test
    void incrementalTrainingStepsOncePerSampleInDataSetOrder() {
        Sequential incremental = xorModel(Sgd.learningRate(0.7), 3);
        Sequential byHand = xorModel(Sgd.learningRate(0.7), 3);

        incremental.fit(XOR.inputs(), XOR.targets(), Training.epochs(1).incremental());
        for (int s = 0; s < 4; s++) {
            byHand.fit(Matrix.rowVector(XOR.inputs().row(s)), Matrix.rowVector(XOR.targets().row(s)), 1);
        }

        for (int p = 0; p < incremental.parameters().size(); p++) {
            assertThat(incremental.parameters().get(p).value().data())
                    .containsExactly(byHand.parameters().get(p).value().data(), withPrecision(0.0));
        }
        assertThat(Training.epochs(5).incremental().batchSize()).isEqualTo(1);
        assertThat(Training.epochs(5).incremental().shuffle()).isFalse();
    }

    @Test
    void incrementalSgdTrainsXor() {
        Sequential model = xorModel(Sgd.learningRate(0.7), 1);

        History history = model.fit(XOR.inputs(), XOR.targets(), Training.epochs(3000).incremental().targetLoss(1e-3));

        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
    }

    @Test
    void fullBatchSgdStepIsFannsBatchStep() {
        // FANN_TRAIN_BATCH moves each weight by (η / samples) · Σ slopes: with fannMse's per-sample-mean gradient,
        // one full-batch SGD epoch equals the average of the four single-sample incremental moves from the same start.
        Sequential batch = xorModel(Sgd.learningRate(0.7), 5);
        List<double[]> moves = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Sequential single = xorModel(Sgd.learningRate(0.7), 5);
            double[] before = single.parameters().get(0).value().data().clone();
            single.fit(Matrix.rowVector(XOR.inputs().row(s)), Matrix.rowVector(XOR.targets().row(s)), 1);
            double[] after = single.parameters().get(0).value().data();
            double[] move = new double[before.length];
            for (int i = 0; i < move.length; i++) {
                move[i] = after[i] - before[i];
            }
            moves.add(move);
        }
        double[] start = batch.parameters().get(0).value().data().clone();

        batch.fit(XOR.inputs(), XOR.targets(), Training.epochs(1));

        double[] after = batch.parameters().get(0).value().data();
        for (int i = 0; i < after.length; i++) {
            double mean = (moves.get(0)[i] + moves.get(1)[i] + moves.get(2)[i] + moves.get(3)[i]) / 4;
            assertThat(after[i] - start[i]).isCloseTo(mean, withPrecision(1e-15));
        }
    }

    @Test
    void stopsOnceNoOutputIsOffByTheBitFailLimit() {
        // FANN's xor_train.c: FANN_STOPFUNC_BIT, bit-fail limit 0.01, desired error 0 bit fails, RPROP.
        Sequential model = xorModel(Rprop.fannDefaults(), 1);
        List<EpochReport> reports = new ArrayList<>();

        History history = model.fit(XOR.inputs(), XOR.targets(), Training.epochs(1000)
                .bitFailLimit(0.01).stopWhenBitFailsAtMost(0).report(10, reports::add));

        assertThat(history.stopReason()).isEqualTo(History.StopReason.BIT_FAILS_REACHED);
        assertThat(history.epochs()).isLessThan(1000);
        EpochReport last = reports.get(reports.size() - 1);
        assertThat(last.epoch()).isEqualTo(history.epochs());
        assertThat(last.bitFails()).isZero();
        assertThat(reports.get(0).bitFails()).isEqualTo(4);
    }

    @Test
    void bitFailsMeasureFannsHalvedErrorOfSymmetricOutputs() {
        Sequential model = xorModel(Rprop.fannDefaults(), 1);

        // Untrained outputs are near 0, so every |y - ŷ| is about 1 and the halved error about 0.5.
        long atHalf = model.evaluate(XOR.inputs(), XOR.targets()).bitFails();
        List<EpochReport> reports = new ArrayList<>();
        model.fit(XOR.inputs(), XOR.targets(), Training.epochs(1).bitFailLimit(0.6).report(1, reports::add));

        assertThat(atHalf).isEqualTo(4);
        assertThat(reports.get(0).bitFails()).isZero();
    }

    @Test
    void refusesToTrainThroughAThreshold() {
        Sequential model = Sequential.builder().input(2)
                .add(dense(4, sigmoidSymmetric()))
                .add(dense(1, FannActivations.thresholdSymmetric()))
                .loss(Losses.fannMse(true)).optimizer(Rprop.fannDefaults()).seed(1).build();

        assertThatThrownBy(() -> model.fit(XOR.inputs(), XOR.targets(), 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot train through activation 'threshold-symmetric'")
                .hasMessageContaining("serves inference only");
    }

    @Test
    void thresholdServesInference() {
        Sequential model = Sequential.builder().input(2)
                .add(dense(1, FannActivations.threshold()))
                .seed(1).build();

        double[] out = model.predict(1, 1);

        assertThat(out[0]).isIn(0.0, 1.0);
    }
}
