package dev.synapse.layers;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.random.NumpyRandom;
import java.util.List;

/**
 * Inverted dropout: while training, each value is zeroed with probability {@code rate} and the survivors are
 * scaled by {@code 1 / (1 - rate)}, so the expected output equals the input and inference needs no correction;
 * {@code predict} and {@code evaluate} pass values through unchanged.
 *
 * <pre>{@code
 * Sequential.builder().input(784)
 *         .add(Dense.units(128).activation(relu()))
 *         .add(Dropout.rate(0.2))
 *         .add(Dense.units(10).activation(softmax()))
 * }</pre>
 *
 * <p>The mask is drawn, one {@code random()} per value in row-major order, from the model's seeded generator (the
 * one that shuffles batches), so two runs with one seed drop the same values; a value is kept when its draw is at
 * least {@code rate}, as Keras decides. The layer keeps the scaled mask (0 or {@code 1 / (1 - rate)}) as its state
 * for the backward pass, {@code ∂L/∂x = ∂L/∂y ∘ mask}.
 */
public final class Dropout implements Layer {

    private final int width;
    private final double rate;
    private final double scale;

    /**
     * A dropout layer over {@code width} values per sample.
     *
     * @param width the number of values per sample, input and output alike, at least 1
     * @param rate the probability that a value is zeroed while training, in [0, 1); 0 makes the layer a pass-through
     * @throws IllegalArgumentException if {@code width} is not positive or {@code rate} is not in [0, 1)
     */
    public Dropout(int width, double rate) {
        checkArgument(width > 0, "a dropout layer needs a positive width, got %s", width);
        checkRate(rate);
        this.width = width;
        this.rate = rate;
        this.scale = 1 / (1 - rate);
    }

    /**
     * Starts describing a dropout layer that drops each value with probability {@code rate} while training.
     *
     * @param rate the probability that a value is zeroed while training, in [0, 1)
     * @return a spec whose width is taken from the previous layer when the model is built
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public static Spec rate(double rate) {
        checkRate(rate);
        return new Spec(rate);
    }

    private static void checkRate(double rate) {
        checkArgument(rate >= 0 && rate < 1,
                "a dropout rate is the fraction of values dropped and must be in [0, 1), got %s", rate);
    }

    /**
     * The probability with which each value is dropped while training.
     *
     * @return the drop probability, in [0, 1); prediction never drops
     */
    public double rate() {
        return rate;
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public int inputSize() {
        return width;
    }

    @Override
    public int outputSize() {
        return width;
    }

    /** The scaled mask of the last training batch. */
    @Override
    public int stateWidth() {
        return width;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Copies the input: outside training nothing is dropped. The mask becomes all ones, so backward is exact. */
    @Override
    public void forward(Matrix input, Matrix state, Matrix output) {
        output.copyFrom(input);
        if (state != null) {
            state.fill(1.0);
        }
    }

    /** Draws a mask from {@code random} into {@code state} and writes {@code input ∘ mask}. */
    @Override
    public void forwardTraining(Matrix input, Matrix state, Matrix output, NumpyRandom random) {
        if (input.isFloat()) {
            forwardTrainingFloat(input.floatData(), state.floatData(), output.floatData(), random);
            return;
        }
        double[] x = input.data();
        double[] mask = state.data();
        double[] y = output.data();
        for (int i = 0; i < x.length; i++) {
            double m = random.random() >= rate ? scale : 0;
            mask[i] = m;
            y[i] = x[i] * m;
        }
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        if (inputGradient == null) {
            return;
        }
        // g ∘ mask, one rounding per element, in either precision.
        inputGradient.copyFrom(outputGradient).multiplyElements(state);
    }

    /** The same draws as the double form (one per element, in order), so a float32 run drops the same inputs. */
    private void forwardTrainingFloat(float[] x, float[] mask, float[] y, NumpyRandom random) {
        float kept = (float) scale;
        for (int i = 0; i < x.length; i++) {
            float m = random.random() >= rate ? kept : 0;
            mask[i] = m;
            y[i] = x[i] * m;
        }
    }

    /** Itself: dropout has no parameters and computes in the precision of the matrices it is given. */
    @Override
    public Dropout withPrecision(Precision precision) {
        return this;
    }

    @Override
    public String toString() {
        return "Dropout[" + width + ", rate=" + rate + "]";
    }

    /** The immutable description of a dropout layer; its width is that of the layer before. */
    public static final class Spec implements LayerSpec {

        private final double rate;

        private Spec(double rate) {
            this.rate = rate;
        }

        @Override
        public Dropout build(int index, int inputSize, NumpyRandom random) {
            return new Dropout(inputSize, rate);
        }

        @Override
        public String toString() {
            return "Dropout.rate(" + rate + ")";
        }
    }
}
