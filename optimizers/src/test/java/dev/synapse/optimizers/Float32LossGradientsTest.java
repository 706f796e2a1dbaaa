package dev.synapse.optimizers;

import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in loss in a float32 model: one full-batch SGD step with learning rate 1 moves each weight by minus its
 * gradient, so the step of a float32 model and of its float64 twin (the same weights, widened) compare their whole
 * backward passes, loss gradient (fused with the output activation where the loss fuses) through every layer. They
 * must agree to a relative 1e-4 of the largest gradient: float32 rounding, not a different formula.
 */
class Float32LossGradientsTest {

    private static final int SAMPLES = 8;

    static Stream<Arguments> losses() {
        return Stream.of(
                Arguments.of(Losses.sumSquaredError(), "sigmoid", false),
                Arguments.of(Losses.halfSumSquaredError(), "sigmoid", false),
                Arguments.of(Losses.meanSquaredError(), "sigmoid", false),
                Arguments.of(Losses.fannMse(false), "sigmoid", false),
                Arguments.of(Losses.fannMse(true), "tanh", false),
                Arguments.of(Losses.fannMseLinear(false), "sigmoid", false),
                Arguments.of(Losses.binaryCrossEntropy(), "sigmoid", false),
                Arguments.of(Losses.categoricalCrossEntropy(), "softmax", false),
                Arguments.of(Losses.sparseCategoricalCrossEntropy(), "softmax", true));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("losses")
    void aFloat32StepFollowsTheFloat64StepForEveryLoss(Loss loss, String output, boolean sparse) {
        NumpyRandom random = new NumpyRandom(12);
        Matrix x = new Matrix(SAMPLES, 5);
        Matrix y = new Matrix(SAMPLES, sparse ? 1 : 3);
        for (int r = 0; r < SAMPLES; r++) {
            for (int c = 0; c < 5; c++) {
                x.set(r, c, random.uniform(-1, 1));
            }
            int label = r % 3;
            for (int c = 0; c < y.cols(); c++) {
                double low = output.equals("tanh") ? -1 : 0;
                y.set(r, c, sparse ? label : c == label ? 1 : low);
            }
        }
        Sequential single = model(loss, output, Precision.FLOAT32);
        Sequential twin = model(loss, output, Precision.FLOAT64);
        for (int p = 0; p < single.parameters().size(); p++) {
            twin.parameters().get(p).value().convertFrom(single.parameters().get(p).value());
        }
        Matrix[] before = values(twin);

        single.fit(x, y, 1);
        twin.fit(x, y, 1);

        double largest = 0;
        double worst = 0;
        for (int p = 0; p < before.length; p++) {
            Matrix start = before[p];
            Matrix a = single.parameters().get(p).value();
            Matrix b = twin.parameters().get(p).value();
            for (int i = 0; i < start.size(); i++) {
                double step64 = b.element(i) - start.element(i);
                double step32 = a.element(i) - start.element(i);
                largest = Math.max(largest, Math.abs(step64));
                worst = Math.max(worst, Math.abs(step32 - step64));
            }
        }
        assertThat(largest).as("the step moves the weights").isGreaterThan(1e-3);
        assertThat(worst).as("float32 step against float64 step, largest %s", largest)
                .isLessThanOrEqualTo(1e-4 * largest);
    }

    private static Sequential model(Loss loss, String output, Precision precision) {
        Dense.Spec last = Dense.units(3);
        last = switch (output) {
            case "softmax" -> last.activation(softmax());
            case "tanh" -> last.activation(tanh());
            default -> last.activation(sigmoid());
        };
        return Sequential.builder().input(5).precision(precision)
                .add(Dense.units(6).activation(tanh()))
                .add(last)
                .loss(loss).optimizer(Sgd.learningRate(1)).seed(9).build();
    }

    private static Matrix[] values(Sequential model) {
        Matrix[] values = new Matrix[model.parameters().size()];
        int i = 0;
        for (Parameter p : model.parameters()) {
            values[i++] = p.value().copy();
        }
        return values;
    }
}
