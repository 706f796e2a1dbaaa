package dev.synapse.core.testing;

import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.engine.Product;
import java.util.List;

/**
 * Minimal components for testing {@link dev.synapse.core.model.Sequential} and model files inside core, which cannot see the layers, losses and optimizers
 * modules: a linear layer {@code y = x·W} with weights drawn as the numpy tutorials draw them, the sum of squared
 * errors, and plain gradient descent.
 */
public final class Fixtures {

    private Fixtures() {}

    public static LayerSpec linear(int units) {
        return (index, inputSize, random) -> {
            Matrix w = new Matrix(inputSize, units);
            for (int i = 0; i < w.size(); i++) {
                w.data()[i] = 2 * random.random() - 1;
            }
            return new Linear(w);
        };
    }

    public static final class Linear implements Layer {
        private final Parameter weights;

        public Linear(Matrix w) {
            weights = new Parameter("weights", w);
        }

        @Override
        public String type() {
            return "linear";
        }

        @Override
        public int inputSize() {
            return weights.value().rows();
        }

        @Override
        public int outputSize() {
            return weights.value().cols();
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(weights);
        }

        @Override
        public void forward(Matrix input, Matrix state, Matrix output) {
            input.timesInto(weights.value(), output);
        }

        @Override
        public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
            Matrix.multiply(Product.AT_B, input, outputGradient, weights.gradient(), true);
            if (inputGradient != null) {
                outputGradient.timesTransposeInto(weights.value(), inputGradient);
            }
        }
    }

    public static final Loss SSE = new Loss() {
        @Override
        public String name() {
            return "sse";
        }

        @Override
        public Reduction reduction() {
            return Reduction.SUM;
        }

        @Override
        public double value(Matrix predicted, Matrix target) {
            double s = 0;
            for (int i = 0; i < predicted.size(); i++) {
                double d = target.data()[i] - predicted.data()[i];
                s += d * d;
            }
            return s;
        }

        @Override
        public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
            for (int i = 0; i < predicted.size(); i++) {
                gradient.data()[i] = 2 * (predicted.data()[i] - target.data()[i]);
            }
        }
    };

    public static Optimizer gradientDescent(double rate) {
        return new Optimizer() {
            @Override
            public String name() {
                return "gd";
            }

            @Override
            public State start(List<Parameter> parameters) {
                // An indexed loop: a for-each's iterator is allocated once the list types seen make iterator()
                // megamorphic, and the allocation tests measure the training loop, not this fixture.
                return epoch -> {
                    for (int i = 0; i < parameters.size(); i++) {
                        parameters.get(i).value().addScaled(-rate, parameters.get(i).gradient());
                    }
                };
            }

            @Override
            public String toString() {
                return "gd(" + rate + ")";
            }
        };
    }
}
