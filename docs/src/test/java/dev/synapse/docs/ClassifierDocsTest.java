package dev.synapse.docs;

import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.softmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.IdxData;
import dev.synapse.core.model.EarlyStopping;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Dropout;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Adam;
import dev.synapse.optimizers.LearningRates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of classifier.md, run on the first 2000 training and 2000 test images of Debian's
 * dataset-fashion-mnist (the page's figures come from the full sets, by the gallery's fashion-mnist example).
 */
class ClassifierDocsTest {

    private static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void readTheData() throws Exception {
        assumeTrue(Files.isReadable(FASHION.resolve("t10k-labels-idx1-ubyte.gz")),
                "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        Path dir = FASHION;
        // snippet:classifier-data
        Dataset train = IdxData.read(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"), IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);
        Dataset test = IdxData.read(dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);
        // end-snippet
        assertThat(train.inputs().shape()).isEqualTo("60000x784");
        assertThat(train.targets().shape()).isEqualTo("60000x1");
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(java.util.Arrays.stream(train.inputs().data()).min().orElseThrow()).isEqualTo(0.0);
        assertThat(java.util.Arrays.stream(train.inputs().data()).max().orElseThrow()).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(train.targets().data()).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        ClassifierDocsTest.train = train.slice(0, 2000);
        ClassifierDocsTest.test = test.slice(0, 2000);
    }

    private static Sequential model() {
        // snippet:classifier-model
        Sequential model = Sequential.builder().input(784)               // 28 × 28 pixels, row by row
                .add(Dense.units(128).activation(relu()))                // Glorot-uniform weights, zero biases
                .add(Dense.units(10).activation(softmax()))              // one probability per class
                .loss(Losses.sparseCategoricalCrossEntropy())            // labels are class indices 0..9
                .optimizer(Adam.defaults())                              // learning rate 0.001, Keras' betas
                .seed(1)
                .build();
        String summary = model.summary();
        // end-snippet
        assertThat(summary).contains("0 (dense)", "(batch, 128)", "relu", "100,480", "1 (dense)", "(batch, 10)",
                "softmax", "1,290", "Total parameters: 101,770", "sparse-categorical-crossentropy");
        return model;
    }

    @Test
    void theClassifierTrainsWithValidationAndAnswersTheTestSet() throws Exception {
        Sequential model = model();

        String printed = Stdout.capture(() -> {
            // snippet:classifier-fit
            History history = model.fit(train.inputs(), train.targets(), Training.epochs(10)
                    .batchSize(32)                                       // reshuffled every epoch
                    .validationSplit(0.1)                                // the last 10%, before shuffling
                    .listener(r -> System.out.printf("epoch %d: loss %.4f, accuracy %.4f, val_loss %.4f%n",
                            r.epoch(), r.loss(), r.metrics().accuracy(), r.validationLoss())));
            // end-snippet
            assertThat(history.epochs()).isEqualTo(10);
            assertThat(history.hasValidation()).isTrue();
            assertThat(history.validationLoss(10)).isLessThan(history.validationLoss(1));
            assertThat(history.metrics(10).orElseThrow().accuracy()).isGreaterThan(0.85);
        });
        assertThat(printed.split("\n")).hasSize(10);
        assertThat(printed).startsWith("epoch 1: loss ").contains("epoch 10: loss ");

        // snippet:classifier-evaluate
        Metrics metrics = model.evaluate(test.inputs(), test.targets());      // loss and accuracy, as Keras'
        Matrix probabilities = model.predict(test.inputs());                  // one row of 10 per image
        int firstClass = argmax(probabilities.row(0));                        // the first test image's class
        // end-snippet

        assertThat(metrics.accuracy()).isBetween(0.75, 0.95);
        assertThat(metrics.loss()).isBetween(0.2, 0.8);
        assertThat(probabilities.shape()).isEqualTo("2000x10");
        double sum = 0;
        for (double p : probabilities.row(0)) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(firstClass).isEqualTo(9);          // the first test image is an ankle boot
        assertThat((int) test.targets().get(0, 0)).isEqualTo(9);
    }

    @Test
    void theDeeperNetworkStopsEarlyWithItsBestWeights() {
        // snippet:classifier-deeper
        Sequential deeper = Sequential.builder().input(784)
                .add(Dense.units(256).activation(relu())).add(Dropout.rate(0.2))
                .add(Dense.units(128).activation(relu())).add(Dropout.rate(0.2))
                .add(Dense.units(10).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy())
                .optimizer(Adam.learningRate(LearningRates.cosineDecay(0.001, 30, 0)))   // 0.001 down to 0
                .seed(1).build();
        History history = deeper.fit(train.inputs(), train.targets(), Training.epochs(30).batchSize(32)
                .validationSplit(0.1)
                .earlyStopping(EarlyStopping.patience(7)));             // validation loss; best weights restored
        // end-snippet

        assertThat(history.stopReason()).isEqualTo(History.StopReason.EARLY_STOPPED);
        assertThat(history.epochs()).isEqualTo(history.keptEpoch() + 7);
        for (int e = 1; e <= history.epochs(); e++) {
            assertThat(history.validationLoss(history.keptEpoch())).isLessThanOrEqualTo(history.validationLoss(e));
        }
    }

    @Test
    void aSavedClassifierAnswersAsTheOriginal(@TempDir Path dir) throws Exception {
        Sequential model = model();
        model.fit(train.inputs(), train.targets(), Training.epochs(1).batchSize(32));

        // snippet:classifier-save
        model.save(dir.resolve("fashion.model"));
        Sequential loaded = Sequential.load(dir.resolve("fashion.model"));
        // end-snippet

        assertThat(loaded.predict(test.inputs()).data()).containsExactly(model.predict(test.inputs()).data());
        assertThat(loaded.summary()).isEqualTo(model.summary().replaceFirst("optimizer: .*", "optimizer: none"));
    }

    // snippet:classifier-argmax
    static int argmax(double[] probabilities) {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) {
            best = probabilities[c] > probabilities[best] ? c : best;
        }
        return best;
    }
    // end-snippet
}
