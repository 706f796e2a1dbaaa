package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.Checkpoint;
import dev.synapse.core.model.EarlyStopping;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of getting-started.md. */
class GettingStartedDocsTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential xorModel() {
        return Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();
    }

    @Test
    void theFirstNetworkPredictsXorOfOneAndZeroAsAlmostOne() throws Exception {
        String printed = Stdout.capture(() -> FirstNetwork.main(new String[0]));

        assertThat(printed).startsWith("XOR(1, 0) is about 0.993");
        assertThat(Double.parseDouble(printed.substring("XOR(1, 0) is about ".length()).strip())).isGreaterThan(0.9);
    }

    @Test
    void trainingReportsToAListenerAndReturnsTheHistory() throws Exception {
        Sequential model = xorModel();
        Matrix x = X;
        Matrix y = Y;
        History[] result = new History[1];

        String printed = Stdout.capture(() -> {
            // snippet:train
            History history = model.fit(x, y, Training.epochs(20_000)
                    .targetLoss(0.001)          // stop as soon as the loss of an epoch is this low
                    .report(2_000, r -> System.out.printf("epoch %5d  loss %.6f  accuracy %.2f%n",
                            r.epoch(), r.loss(), r.metrics().accuracy())));

            System.out.println(history.epochs() + " epochs, stopped by " + history.stopReason()
                    + ", final loss " + history.finalLoss());
            // end-snippet
            result[0] = history;
        });

        History history = result[0];
        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(history.finalLoss()).isLessThanOrEqualTo(0.001);
        assertThat(history.epochs()).isLessThan(20_000);
        assertThat(printed).startsWith("epoch     1  loss ").contains("stopped by TARGET_LOSS_REACHED");
        assertThat(printed.lines().filter(l -> l.startsWith("epoch"))).hasSize(history.epochs() / 2_000 + 1
                + (history.epochs() % 2_000 == 1 ? 0 : 1));
    }

    @Test
    void aTrainedModelPredictsOneSampleOrABatchAndEvaluatesADataSet() {
        Sequential model = xorModel();
        model.fit(X, Y, 10_000);
        Matrix x = X;
        Matrix y = Y;

        // snippet:predict
        double[] one = model.predict(1, 0, 1);          // one sample: its outputs
        Matrix all = model.predict(x);                  // a batch: one row of outputs per sample
        Metrics metrics = model.evaluate(x, y);         // loss, mean absolute/squared error, accuracy
        // end-snippet

        assertThat(one[0]).isGreaterThan(0.9);
        assertThat(all.get(2, 0)).isEqualTo(one[0]);
        assertThat(all.rows()).isEqualTo(4);
        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.loss()).isCloseTo(model.evaluate(x, y).loss(), within(0.0)).isLessThan(0.01);
        assertThat(all.get(0, 0)).isLessThan(0.1);
    }

    @Test
    void validationDataEarlyStoppingAndACheckpointKeepTheBestEpoch(@TempDir Path dir) throws Exception {
        Sequential model = Sequential.builder().input(3)
                .add(Dense.units(8).activation(sigmoid()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.meanSquaredError()).optimizer(Sgd.learningRate(2)).seed(1).build();
        Matrix x = noisyXor(64);
        Matrix y = noisyXorTargets(64);
        History[] result = new History[1];

        String printed = Stdout.capture(() -> {
            // snippet:validate
            History history = model.fit(x, y, Training.epochs(500).batchSize(16)
                    .validationSplit(0.25)                                  // the last quarter of the rows, before shuffling
                    .earlyStopping(EarlyStopping.patience(10))              // on the validation loss; best weights restored
                    .checkpoint(Checkpoint.bestTo(dir.resolve("best.json"))));

            System.out.println(history.summary());
            System.out.printf("validation loss %.4f at epoch %d%n", history.validationLoss(history.keptEpoch()),
                    history.keptEpoch());
            // end-snippet
            result[0] = history;
        });

        History history = result[0];
        int best = history.keptEpoch();
        assertThat(history.stopReason()).isEqualTo(History.StopReason.EARLY_STOPPED);
        assertThat(history.epochs()).isEqualTo(best + 10);
        Matrix heldOutX = Matrix.of(Arrays.copyOfRange(x.toArray(), 48, 64));
        Matrix heldOutY = Matrix.of(Arrays.copyOfRange(y.toArray(), 48, 64));
        assertThat(model.evaluate(heldOutX, heldOutY).loss()).isEqualTo(history.validationLoss(best));
        assertThat(Sequential.load(dir.resolve("best.json")).evaluate(heldOutX, heldOutY).loss())
                .isEqualTo(history.validationLoss(best));
        assertThat(printed).startsWith("Early stopping at epoch " + (best + 10) + ": the validation loss has not"
                + " improved").contains("; kept the weights after epoch " + best + ".");
    }

    /** XOR of the first two inputs, the third a constant 1, with the inputs jittered so no two rows are alike. */
    private static Matrix noisyXor(int rows) {
        NumpyRandom random = new NumpyRandom(7);
        Matrix m = new Matrix(rows, 3);
        for (int r = 0; r < rows; r++) {
            m.set(r, 0, (r & 1) + 0.3 * (random.random() - 0.5));
            m.set(r, 1, ((r >> 1) & 1) + 0.3 * (random.random() - 0.5));
            m.set(r, 2, 1);
        }
        return m;
    }

    /** The XOR targets of {@link #noisyXor}, with one in eight flipped so the validation loss has a minimum. */
    private static Matrix noisyXorTargets(int rows) {
        Matrix m = new Matrix(rows, 1);
        for (int r = 0; r < rows; r++) {
            int xor = (r & 1) ^ ((r >> 1) & 1);
            m.set(r, 0, r % 8 == 5 ? 1 - xor : xor);
        }
        return m;
    }

    @Test
    void predictDuringFitSeesACompletedStepAndASecondFitIsRefused() throws Exception {
        Matrix x = X;
        Matrix y = Y;
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "trainer"));
        try {
            // snippet:threads
            Sequential model = Sequential.builder().name("xor").input(3)
                    .add(Dense.units(4).activation(sigmoid()))
                    .add(Dense.units(1).activation(sigmoid()))
                    .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
            Future<History> training = pool.submit(() -> model.fit(x, y, 50_000));
            double[] meanwhile = model.predict(1, 0, 1);                 // the weights as of a completed step
            History history = training.get();
            // end-snippet

            assertThat(meanwhile[0]).isBetween(0.0, 1.0);
            assertThat(history.epochs()).isEqualTo(50_000);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch refused = new CountDownLatch(1);
            Future<History> again = pool.submit(() -> model.fit(x, y, Training.epochs(1_000_000).listener(r -> {
                started.countDown();
                if (refused.getCount() == 0) {
                    r.stopTraining();
                }
            })));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> model.fit(x, y, 10)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("model 'xor' is already training on thread 'trainer'; one model trains one fit at a"
                            + " time. Wait for that fit to return, or train a copy (Sequential.load of a saved model,"
                            + " or another build with the same seed).");
            refused.countDown();
            again.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sequential.builder().input(1).add(Dense.units(1).activation(sigmoid())).build().name())
                .startsWith("sequential");
    }

    @Test
    void singleOutputAccuracyThresholdsAtTheMidpointOfTheOutputActivationsRange() {
        // One input, weight 1, no bias: the output is f(x). atanh(±0.3) makes tanh answer ±0.3.
        double z = 0.5 * Math.log(1.3 / 0.7);
        Sequential tanhOutput = Sequential.of(List.of(new Dense(tanh(), Matrix.wrap(1, 1, 1), null)), null, null, 1);
        Sequential sigmoidOutput = Sequential.of(List.of(new Dense(sigmoid(), Matrix.wrap(1, 1, 1), null)), null,
                null, 1);

        Metrics plusMinusOne = tanhOutput.evaluate(Matrix.columnVector(z, -z, -z), Matrix.columnVector(1, -1, 1));
        Metrics zeroOne = sigmoidOutput.evaluate(Matrix.columnVector(0.4, -0.4, 2), Matrix.columnVector(1, 0, 0));

        assertThat(tanhOutput.predict(z)[0]).isCloseTo(0.3, within(1e-15));
        assertThat(plusMinusOne.accuracy()).isEqualTo(2.0 / 3);    // 0.3 for 1 and -0.3 for -1 are right
        assertThat(zeroOne.accuracy()).isEqualTo(2.0 / 3);         // σ(0.4) ≈ 0.6 for 1, σ(-0.4) ≈ 0.4 for 0
    }

    @Test
    void aSampleOfTheWrongWidthIsExplainedAsThePageQuotesIt() {
        Sequential model = xorModel();

        assertThatThrownBy(() -> model.predict(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0 (dense) expects 3 inputs per sample but got 2 (inputs 1x2). Pass samples of 3 "
                        + "values, or build the model with input(2).");
    }

    /** The engine's own promises (found and preferred with the flag, skipped silently without) are its tests. */
    @Test
    void theVectorEngineArtifactAndFlagAreTheOnesItsModuleDeclaresAndWithoutThemPureJavaComputes() throws Exception {
        String page = Files.readString(Snippets.docsDir().resolve("getting-started.md"));
        String module = Files.readString(Snippets.docsDir().resolveSibling("engine-vector/pom.xml"));

        assertThat(module).contains("<artifactId>synapse-engine-vector</artifactId>",
                "<argLine>--add-modules jdk.incubator.vector</argLine>");
        assertThat(page).contains("<artifactId>synapse-engine-vector</artifactId>",
                "java --add-modules jdk.incubator.vector -cp", "<argLine>--add-modules jdk.incubator.vector</argLine>");
        assertThat(Engines.current().name()).isEqualTo("pure-java");     // this module has no engine artifact
        assertThat(Engines.describe()).startsWith("pure-java");
    }

    @Test
    void aFloat32ModelTrainsXorSavesItsPrecisionAndLoadsBackBitForBit(@TempDir Path dir) throws Exception {
        Matrix x = X;
        Matrix y = Y;

        // snippet:float32
        Sequential model = Sequential.builder().input(3).precision(Precision.FLOAT32)
                .add(Dense.units(4).activation(sigmoid()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
        model.fit(x, y, 10_000);                         // x and y stay double[]-backed: converted once per fit
        double[] out = model.predict(1, 0, 1);           // outputs widened to double
        model.save(dir.resolve("xor32.json"));           // records "precision": "float32"
        // end-snippet

        Sequential twin = xorModel();
        twin.fit(x, y, 10_000);
        assertThat(model.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(model.parameters().get(0).value().floatData()).hasSize(12);
        assertThat(out[0]).isGreaterThan(0.9).isCloseTo(twin.predict(1, 0, 1)[0], within(1e-3));
        assertThat(model.evaluate(x, y).accuracy()).isEqualTo(1.0);
        Sequential loaded = Sequential.load(dir.resolve("xor32.json"));
        assertThat(loaded.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(loaded.predict(x)).isEqualTo(model.predict(x));
    }
}
