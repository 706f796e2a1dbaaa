package dev.synapse.optimizers;

import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static dev.synapse.testing.Allocations.allocatedBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.core.model.TrainingListener;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Training.measuredThreads}: a training whose batches switch between the workers and one thread gives the
 * bits of a training that never switches, on one thread or on two; and a warm training whose batches use the
 * workers for everything they split allocates nothing per batch.
 */
class MeasuredThreadsTest {

    private static final int INPUTS = 520;

    /** Records, for every batch, whether it ran with the workers. */
    private static final class Ways implements TrainingListener {
        final List<Boolean> threaded = new ArrayList<>();

        @Override
        public void onEpoch(EpochReport report) {}

        @Override
        public void onBatch(int epoch, int batch, double batchLoss) {
            threaded.add(Engines.usesWorkers());
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void batchesThatSwitchWaysTrainTheBitsOfOneThreadAndOfTwo(Precision precision) {
        // 64 x 520 by 520 x 160 products take the threaded path, and so do the gathering of a batch's 33,280 inputs
        // and the clearing of the first layer's 83,200 gradients (BatchPasses); 12 epochs of 32 batches outlast both
        // first trials (45 ms or more).
        Matrix x = inputs();
        Matrix y = targets(x);
        Training fixed = Training.epochs(12).batchSize(64).measuredThreads(false);
        int before = Engines.threads();
        Ways ways = new Ways();
        String oneThread;
        String twoThreads;
        String measured;
        try {
            Engines.setThreads(1);
            oneThread = train(precision, x, y, fixed);
            Engines.setThreads(2);
            twoThreads = train(precision, x, y, fixed);
            measured = train(precision, x, y, Training.epochs(12).batchSize(64).listener(ways));
        } finally {
            Engines.setThreads(before);
        }

        assertThat(ways.threaded).contains(true, false);
        assertThat(Engines.usesWorkers()).isTrue();
        assertThat(measured).isEqualTo(oneThread).isEqualTo(twoThreads);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aWarmThreadedTrainingAllocatesNothingPerBatchOnItsThread(Precision precision) {
        Matrix x = inputs();
        Matrix y = targets(x);
        int before = Engines.threads();
        long fewest = Long.MAX_VALUE;
        try {
            Engines.setThreads(2);
            Sequential model = model(precision);
            Training threaded = Training.epochs(3).batchSize(64).measuredThreads(false);
            for (int warmUp = 0; warmUp < 4; warmUp++) {
                model.fit(x, y, threaded);
            }
            // The fewest of three tries, as TrainingLoopTest's: escape analysis needs the compiled loop.
            for (int attempt = 0; attempt < 3; attempt++) {
                long oneEpoch = allocatedBy(() -> model.fit(x, y, Training.epochs(1).batchSize(64)
                        .measuredThreads(false)));
                long fiveEpochs = allocatedBy(() -> model.fit(x, y, Training.epochs(5).batchSize(64)
                        .measuredThreads(false)));
                fewest = Math.min(fewest, fiveEpochs - oneEpoch);
            }
        } finally {
            Engines.setThreads(before);
        }

        // 4 more epochs are 128 more batches, each with split gathering, clearing, products and Adam updates.
        assertThat(fewest).as("bytes for 4 more epochs of 32 batches, %s", precision.label()).isLessThan(1024);
    }

    private static Matrix inputs() {
        NumpyRandom random = new NumpyRandom(8);
        Matrix x = new Matrix(2048, INPUTS);
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                x.set(r, c, random.uniform(-1, 1));
            }
        }
        return x;
    }

    private static Matrix targets(Matrix x) {
        Matrix y = new Matrix(x.rows(), 1);
        for (int r = 0; r < x.rows(); r++) {
            y.set(r, 0, x.get(r, 0) > 0 ? 1 : 0);
        }
        return y;
    }

    private static Sequential model(Precision precision) {
        return Sequential.builder().input(INPUTS).precision(precision)
                .add(Dense.units(160).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.binaryCrossEntropy()).optimizer(Adam.learningRate(0.01)).seed(4).build();
    }

    private static String train(Precision precision, Matrix x, Matrix y, Training training) {
        Sequential model = model(precision);
        model.fit(x, y, training);
        Matrix w = model.parameters().get(0).value();
        return precision == Precision.FLOAT32 ? Arrays.toString(w.floatData()) : Arrays.toString(w.data());
    }
}
