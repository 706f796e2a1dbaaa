package dev.synapse.optimizers;

import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Activation;
import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Dropout;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import dev.synapse.losses.Losses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Models built with {@code precision(FLOAT32)}: training, evaluation, prediction and model files. */
class Float32ModelTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix XOR = Matrix.columnVector(0, 1, 1, 0);

    @TempDir
    Path dir;

    private static Sequential xor(Precision precision, Activation hidden) {
        return Sequential.builder().input(2).precision(precision)
                .add(Dense.units(4).activation(hidden))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
    }

    @Test
    void xorTrainsInFloat32AsInFloat64() {
        Sequential single = xor(Precision.FLOAT32, tanh());
        Sequential twin = xor(Precision.FLOAT64, tanh());

        single.fit(X, XOR, 2000);
        twin.fit(X, XOR, 2000);

        assertThat(single.precision()).isEqualTo(Precision.FLOAT32);
        for (Parameter p : single.parameters()) {
            assertThat(p.value().precision()).isEqualTo(Precision.FLOAT32);
            assertThat(p.gradient().precision()).isEqualTo(Precision.FLOAT32);
        }
        Metrics m32 = single.evaluate(X, XOR);
        Metrics m64 = twin.evaluate(X, XOR);
        assertThat(m32.accuracy()).isEqualTo(1.0).isEqualTo(m64.accuracy());
        assertThat(m32.meanAbsoluteError()).isLessThan(0.1);
        assertThat(Math.abs(m32.loss() - m64.loss())).isLessThan(1e-3);
        double[] p32 = single.predict(1, 0);
        double[] p64 = twin.predict(1, 0);
        assertThat(p32[0]).isCloseTo(p64[0], org.assertj.core.api.Assertions.within(1e-3));
    }

    @Test
    void theSummaryOfAFloat32ModelSaysSoAndAFloat64OneIsUnchanged() {
        assertThat(xor(Precision.FLOAT32, tanh()).summary()).endsWith("Precision: float32\n");
        assertThat(xor(Precision.FLOAT64, tanh()).summary()).doesNotContain("Precision");
    }

    @Test
    void aFloat32ModelStartsFromItsFloat64TwinsWeightsRoundedToFloat() {
        Sequential single = xor(Precision.FLOAT32, tanh());
        Sequential twin = xor(Precision.FLOAT64, tanh());

        for (int i = 0; i < single.parameters().size(); i++) {
            assertThat(single.parameters().get(i).value())
                    .isEqualTo(twin.parameters().get(i).value().toPrecision(Precision.FLOAT32));
        }
    }

    @Test
    void aUserActivationWrittenForDoublesTrainsXorInFloat32() {
        Activation softsign = Activation.of("softsign", x -> x / (1 + Math.abs(x)),
                (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));
        Sequential model = xor(Precision.FLOAT32, softsign);

        model.fit(X, XOR, 5000);

        assertThat(model.evaluate(X, XOR).accuracy()).isEqualTo(1.0);
        assertThat(model.evaluate(X, XOR).meanAbsoluteError()).isLessThan(0.05);
    }

    @Test
    void aSoftmaxClassifierWithDropoutAndAdamReachesTheAccuracyOfItsFloat64Twin() {
        int samples = 600;
        NumpyRandom random = new NumpyRandom(3);
        Matrix x = new Matrix(samples, 4);
        Matrix labels = new Matrix(samples, 1);
        for (int r = 0; r < samples; r++) {
            for (int c = 0; c < 4; c++) {
                x.set(r, c, random.uniform(-1, 1));
            }
            labels.set(r, 0, (x.get(r, 0) + x.get(r, 1) > 0 ? 1 : 0) + (x.get(r, 2) > 0.3 ? 1 : 0));
        }
        double[] accuracy = new double[2];
        for (Precision precision : Precision.values()) {
            Sequential model = Sequential.builder().input(4).precision(precision)
                    .add(Dense.units(16).activation(relu()))
                    .add(Dropout.rate(0.1))
                    .add(Dense.units(3).activation(softmax()))
                    .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(Adam.learningRate(0.02)).seed(5).build();

            model.fit(x, labels, Training.epochs(40).batchSize(32));

            accuracy[precision.ordinal()] = model.evaluate(x, labels).accuracy();
        }
        assertThat(accuracy[0]).isGreaterThan(0.9);
        assertThat(accuracy[1]).isGreaterThan(0.9);
        assertThat(Math.abs(accuracy[0] - accuracy[1])).isLessThanOrEqualTo(0.03);
    }

    @Test
    void fitConvertsFloat64InputsItselfAndGivesTheBitsOfPreConvertedOnes() {
        Sequential fromDoubles = xor(Precision.FLOAT32, tanh());
        Sequential fromFloats = xor(Precision.FLOAT32, tanh());

        fromDoubles.fit(X, XOR, Training.epochs(50).batchSize(2));
        fromFloats.fit(X.toPrecision(Precision.FLOAT32), XOR, Training.epochs(50).batchSize(2));

        assertThat(fromFloats.parameters().get(0).value()).isEqualTo(fromDoubles.parameters().get(0).value());
        assertThat(fromFloats.predict(X)).isEqualTo(fromDoubles.predict(X.toPrecision(Precision.FLOAT32)));
        assertThat(fromDoubles.predict(X).precision()).isEqualTo(Precision.FLOAT64);
    }

    @Test
    void float32TargetsAndValidationDataAreTakenAsWell() {
        Sequential model = xor(Precision.FLOAT32, tanh());
        Sequential twin = xor(Precision.FLOAT32, tanh());
        Matrix x32 = X.toPrecision(Precision.FLOAT32);
        Matrix y32 = XOR.toPrecision(Precision.FLOAT32);

        History history = model.fit(x32, y32, Training.epochs(20).validationData(x32, y32));
        twin.fit(X, XOR, Training.epochs(20).validationData(X, XOR));

        assertThat(history.validationLoss(20)).isFinite();
        assertThat(model.parameters().get(0).value()).isEqualTo(twin.parameters().get(0).value());
        assertThat(model.evaluate(x32, y32).loss()).isEqualTo(twin.evaluate(X, XOR).loss());
    }

    @Test
    void earlyStoppingHandsBackTheFloat32WeightsOfTheBestEpochExactly() {
        Sequential model = xor(Precision.FLOAT32, tanh());
        // Validation targets opposite to the training ones: the better the fit, the worse the validation loss.
        Matrix opposite = Matrix.columnVector(1, 0, 0, 1);

        History history = model.fit(X, XOR, Training.epochs(500).validationData(X, opposite)
                .earlyStopping(dev.synapse.core.model.EarlyStopping.patience(5)));

        int best = history.keptEpoch();
        assertThat(history.stopReason()).isEqualTo(History.StopReason.EARLY_STOPPED);
        assertThat(history.epochs()).isEqualTo(best + 5);
        assertThat(model.parameters().get(0).value().precision()).isEqualTo(Precision.FLOAT32);
        assertThat(model.evaluate(X, opposite).loss()).isEqualTo(history.validationLoss(best));
    }

    @Test
    void aFloat32ModelFileRecordsItsPrecisionAndLoadsBackBitForBit() throws IOException {
        Sequential model = xor(Precision.FLOAT32, tanh());
        model.fit(X, XOR, 300);
        Path file = dir.resolve("xor32.json");

        model.save(file);
        Sequential loaded = Sequential.load(file);

        String text = Files.readString(file);
        assertThat(text).contains("\"version\": 3", "\"precision\": \"float32\"");
        assertThat(loaded.precision()).isEqualTo(Precision.FLOAT32);
        for (int i = 0; i < model.parameters().size(); i++) {
            assertThat(loaded.parameters().get(i).value()).isEqualTo(model.parameters().get(i).value());
        }
        assertThat(loaded.predict(X)).isEqualTo(model.predict(X));
    }

    @Test
    void aFloat64ModelFileStaysVersion2WithoutAPrecision() throws IOException {
        Path file = dir.resolve("xor64.json");

        xor(Precision.FLOAT64, tanh()).save(file);

        String text = Files.readString(file);
        assertThat(text).contains("\"version\": 2").doesNotContain("precision");
        assertThat(Sequential.load(file).precision()).isEqualTo(Precision.FLOAT64);
    }

    @Test
    void sparseAndShortcutLayersTrainXorInFloat32AndRoundTripThroughAFile() throws IOException {
        Sequential model = Sequential.builder().input(2).precision(Precision.FLOAT32)
                .add(Shortcut.units(3).activation(tanh()))
                .add(Sparse.units(1).activation(sigmoid()).connectionRate(0.9))
                .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(2).build();

        model.fit(X, XOR, 3000);

        assertThat(model.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(model.evaluate(X, XOR).accuracy()).isEqualTo(1.0);
        Path file = dir.resolve("fann-like.json");
        model.save(file);
        Sequential loaded = Sequential.load(file);
        assertThat(loaded.precision()).isEqualTo(Precision.FLOAT32);
        assertThat(loaded.predict(X)).isEqualTo(model.predict(X));
    }

    @Test
    void aUserLayerWithoutAFloat32FormIsRefusedAtBuildNamingIt() {
        LayerSpec identity = (index, inputSize, random) -> new Layer() {
            @Override
            public String type() {
                return "my-identity";
            }

            @Override
            public int inputSize() {
                return inputSize;
            }

            @Override
            public int outputSize() {
                return inputSize;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of();
            }

            @Override
            public void forward(Matrix input, Matrix state, Matrix output) {
                output.copyFrom(input);
            }

            @Override
            public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient,
                    Matrix inputGradient) {
                inputGradient.copyFrom(outputGradient);
            }
        };

        assertThatThrownBy(() -> Sequential.builder().input(3).precision(Precision.FLOAT32).add(identity)
                .add(Dense.units(1).activation(sigmoid())).build())
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("'my-identity' has no float32")
                .hasMessageContaining("override Layer.withPrecision");
        assertThat(Sequential.builder().input(3).add(identity).add(Dense.units(1).activation(sigmoid())).build()
                .precision()).isEqualTo(Precision.FLOAT64);
    }

    @Test
    void aFloat32ModelTrainsToTheSameBitsOnOneThreadAndOnTwoAndOnARepeatedRun() {
        // Products of 64x200 by 200x160 take the threaded path (at least 4M floating-point operations).
        NumpyRandom random = new NumpyRandom(8);
        Matrix x = new Matrix(256, 200);
        Matrix y = new Matrix(256, 1);
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < x.cols(); c++) {
                x.set(r, c, random.uniform(-1, 1));
            }
            y.set(r, 0, x.get(r, 0) > 0 ? 1 : 0);
        }
        int before = dev.synapse.core.engine.Engines.threads();
        List<Matrix> weights = new java.util.ArrayList<>();
        try {
            for (int threads : new int[] {1, 2, 1, 2}) {
                dev.synapse.core.engine.Engines.setThreads(threads);
                Sequential model = Sequential.builder().input(200).precision(Precision.FLOAT32)
                        .add(Dense.units(160).activation(tanh()))
                        .add(Dense.units(1).activation(sigmoid()))
                        .loss(Losses.binaryCrossEntropy()).optimizer(Adam.learningRate(0.01)).seed(4).build();
                model.fit(x, y, Training.epochs(2).batchSize(64).measuredThreads(false));
                weights.add(model.parameters().get(0).value());
            }
        } finally {
            dev.synapse.core.engine.Engines.setThreads(before);
        }

        assertThat(weights.get(0).precision()).isEqualTo(Precision.FLOAT32);
        assertThat(weights).containsOnly(weights.get(0));
    }

    @Test
    void layersOfMixedPrecisionsAreRefused() {
        Layer single = Dense.units(2).activation(tanh()).build(0, 2, new NumpyRandom(1))
                .withPrecision(Precision.FLOAT32);
        Layer twin = Dense.units(1).activation(sigmoid()).build(1, 2, new NumpyRandom(1));

        assertThatThrownBy(() -> Sequential.of(List.of(single, twin), null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mix precisions")
                .hasMessageContaining("float64").hasMessageContaining("float32");
    }
}
