package dev.synapse.benchmarks;

import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.data.IdxData;
import dev.synapse.core.engine.Engine;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Initializers;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Adam;
import dev.synapse.optimizers.Rprop;
import dev.synapse.optimizers.Sgd;
import java.io.IOException;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The models and data of ../shared/benchmarks.md, built through the public API, shared by the JMH benchmarks. */
public final class Workloads {

    private Workloads() {}

    /** W1's inputs: the tutorial's four samples of three values. */
    public static final Matrix TUTORIAL_X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
    /** W1's targets: XOR of the first two inputs. */
    public static final Matrix TUTORIAL_Y = Matrix.columnVector(0, 1, 1, 0);

    /** W1: 3→4→1 sigmoid, weights {@code 2·rand - 1} seeded 1 (the tutorial), half-SSE with learning rate 1. */
    public static Sequential w1(boolean biases) {
        Dense.Spec hidden = Dense.units(4).activation(sigmoid()).weights(Initializers.numpyTutorial());
        Dense.Spec output = Dense.units(1).activation(sigmoid()).weights(Initializers.numpyTutorial());
        if (!biases) {
            hidden = hidden.withoutBias();
            output = output.withoutBias();
        }
        return Sequential.builder().input(3).add(hidden).add(output)
                .loss(Losses.halfSumSquaredError()).optimizer(Sgd.learningRate(1)).seed(1).build();
    }

    /**
     * W2: 125→32→2 sigmoid with biases, weights uniform in [-0.1, 0.1], full batch, RPROP (iRPROP−, FANN's defaults).
     * RPROP reads only the gradient's signs, so the mean squared error serves as well as FANN's error.
     */
    public static Sequential w2() {
        return Sequential.builder().input(125)
                .add(Dense.units(32).activation(sigmoid()).weights(Initializers.uniform(-0.1, 0.1))
                        .bias(Initializers.uniform(-0.1, 0.1)))
                .add(Dense.units(2).activation(sigmoid()).weights(Initializers.uniform(-0.1, 0.1))
                        .bias(Initializers.uniform(-0.1, 0.1)))
                .loss(Losses.meanSquaredError()).optimizer(Rprop.fannDefaults()).seed(1).build();
    }

    /** W3: 784→128→10 sigmoid, biases, MSE, SGD with learning rate 0.1. */
    public static Sequential w3() {
        return w3(Precision.FLOAT64);
    }

    /**
     * W3 with parameters, activations, gradients and optimizer state in {@code precision}.
     *
     * @param precision float64 (the default) or float32
     * @return a new model, seeded as the float64 one (float32 weights are its weights rounded)
     */
    public static Sequential w3(Precision precision) {
        return Sequential.builder().precision(precision).input(784)
                .add(Dense.units(128).activation(sigmoid()))
                .add(Dense.units(10).activation(sigmoid()))
                .loss(Losses.meanSquaredError()).optimizer(Sgd.learningRate(0.1)).seed(1).build();
    }

    /** W4: 1024→1024→1024→10, ReLU hidden, sigmoid output, biases, MSE, SGD with learning rate 0.1. */
    public static Sequential w4() {
        return w4(Precision.FLOAT64);
    }

    /**
     * W4 with parameters, activations, gradients and optimizer state in {@code precision}.
     *
     * @param precision float64 (the default) or float32
     * @return a new model, seeded as the float64 one (float32 weights are its weights rounded)
     */
    public static Sequential w4(Precision precision) {
        return Sequential.builder().precision(precision).input(1024)
                .add(Dense.units(1024).activation(relu()).weights(Initializers.heUniform()))
                .add(Dense.units(1024).activation(relu()).weights(Initializers.heUniform()))
                .add(Dense.units(10).activation(sigmoid()))
                .loss(Losses.meanSquaredError()).optimizer(Sgd.learningRate(0.1)).seed(1).build();
    }

    /**
     * W5: TensorFlow's basic classification, 784→128 ReLU→10 softmax, biases, Glorot-uniform weights, zero biases,
     * sparse categorical cross-entropy (mean over the batch), Adam with Keras' defaults (learning rate 0.001).
     */
    public static Sequential w5() {
        return w5(Precision.FLOAT64);
    }

    /**
     * W5 with parameters, activations, gradients and optimizer state in {@code precision}.
     *
     * @param precision float64 (the default) or float32
     * @return a new model, seeded as the float64 one (float32 weights are its weights rounded)
     */
    public static Sequential w5(Precision precision) {
        return Sequential.builder().precision(precision).input(784)
                .add(Dense.units(128).activation(relu()))
                .add(Dense.units(10).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).optimizer(Adam.defaults()).seed(1).build();
    }

    /** Where W5 looks for Fashion-MNIST's four .gz files when no folder is given: Debian's dataset-fashion-mnist. */
    public static final String FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    /**
     * Fashion-MNIST's training set from {@code dir}: 60000 × 784 pixels in [0, 1] and 60000 class indices.
     *
     * @throws IOException naming the package to install when the folder has no training files
     */
    public static Dataset fashionMnistTraining(Path dir) throws IOException {
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        if (!Files.isReadable(images) || !Files.isReadable(labels)) {
            throw new IOException("Fashion-MNIST's training files are not in " + dir
                    + ": apt-get install dataset-fashion-mnist, or pass -p data=DIR with train-images-idx3-ubyte.gz"
                    + " and train-labels-idx1-ubyte.gz");
        }
        return IdxData.read(images, labels, IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);
    }

    /** W4's weights, for GFLOP/s = 6 × weights × samples / s. */
    public static final long W4_WEIGHTS = 1024L * 1024 + 1024L * 1024 + 1024L * 10;

    /** Synthetic data: inputs uniform in [0, 1), targets one-hot of a random class; {x, y}. */
    public static Matrix[] synthetic(int samples, int inputs, int classes, long seed) {
        NumpyRandom random = new NumpyRandom(seed);
        Matrix x = new Matrix(samples, inputs);
        double[] xs = x.data();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.random();
        }
        Matrix y = new Matrix(samples, classes);
        for (int r = 0; r < samples; r++) {
            y.set(r, random.nextInt(classes), 1.0);
        }
        return new Matrix[] {x, y};
    }

    /** Where FANN's mushroom.train is looked for, after the system property {@code synapse.mushroom}. */
    static final String[] MUSHROOM_PATHS = {
        "/usr/share/doc/libfann-dev/examples/datasets/mushroom.train",
        "/usr/share/doc/libfann-dev/examples/datasets/mushroom.train.gz",
        "/usr/share/doc/libfann-doc/examples/datasets/mushroom.train",
        "/usr/share/doc/libfann-doc/examples/datasets/mushroom.train.gz"};

    /**
     * FANN's mushroom.train as {x, y}, or null when no copy is found (install Debian's libfann-dev or point
     * {@code -Dsynapse.mushroom=FILE} at one).
     */
    public static Matrix[] mushroom() throws IOException {
        String property = System.getProperty("synapse.mushroom");
        for (String candidate : property != null ? new String[] {property} : MUSHROOM_PATHS) {
            Path path = Path.of(candidate);
            if (Files.isReadable(path)) {
                return readFann(path);
            }
        }
        return null;
    }

    /** Reads a FANN training file, gzipped or not, with the library's reader. */
    static Matrix[] readFann(Path path) throws IOException {
        Dataset data;
        if (path.toString().endsWith(".gz")) {
            try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(path)),
                    StandardCharsets.US_ASCII)) {
                data = FannData.read(reader, path.toString());
            }
        } else {
            data = FannData.read(path);
        }
        return new Matrix[] {data.inputs(), data.targets()};
    }

    /**
     * Selects the engine ("best" keeps the discovered one) and the threads (0 means every core) for a benchmark.
     *
     * @throws IllegalArgumentException naming the JVM flag when the vector engine was asked for but is missing
     */
    public static Engine configure(String engine, int threads) {
        Engines.use("best".equals(engine) ? Engines.available().get(0) : Engines.named(engine));
        Engines.setThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
        return Engines.current();
    }
}
