package dev.synapse.engine.vector;

import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Issue 13's network and data: 784 → 128 → 10, sigmoid throughout, biases, mean squared error, SGD with learning
 * rate 0.5, seed 1; synthetic samples with inputs uniform in [0, 1) and a one-hot target, both from a seeded
 * generator.
 */
final class IssueNetwork {

    static final int INPUTS = 784;
    static final int CLASSES = 10;

    private IssueNetwork() {}

    static Sequential model() {
        return model(Precision.FLOAT64);
    }

    /** The network in {@code precision}. */
    static Sequential model(Precision precision) {
        return Sequential.builder().input(INPUTS).precision(precision)
                .add(Dense.units(128).activation(sigmoid()))
                .add(Dense.units(CLASSES).activation(sigmoid()))
                .loss(Losses.meanSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();
    }

    /** {@code samples} rows of inputs, each uniform in [0, 1). */
    static Matrix inputs(int samples) {
        NumpyRandom random = new NumpyRandom(2);
        Matrix x = new Matrix(samples, INPUTS);
        double[] data = x.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = random.random();
        }
        return x;
    }

    /** One-hot targets: the class of a sample is set by its first input, so there is something to learn. */
    static Matrix targets(Matrix inputs) {
        Matrix y = new Matrix(inputs.rows(), CLASSES);
        for (int r = 0; r < inputs.rows(); r++) {
            y.set(r, (int) (inputs.get(r, 0) * CLASSES), 1.0);
        }
        return y;
    }

    /** Every parameter of the model followed by {@code extra}, in order, as one array. */
    static double[] values(Sequential model, double[] extra) {
        int size = extra.length;
        for (Parameter p : model.parameters()) {
            size += p.value().size();
        }
        double[] all = new double[size];
        int at = 0;
        for (Parameter p : model.parameters()) {
            double[] v = p.value().toPrecision(Precision.FLOAT64).data();
            System.arraycopy(v, 0, all, at, v.length);
            at += v.length;
        }
        System.arraycopy(extra, 0, all, at, extra.length);
        return all;
    }

    /** SHA-256 of the bits of {@code values}, in hex: equal digests mean equal bits. */
    static String digest(double[] values) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8 * values.length);
            for (double v : values) {
                buffer.putLong(Double.doubleToRawLongBits(v));
            }
            return HexFormat.of().formatHex(sha.digest(buffer.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
