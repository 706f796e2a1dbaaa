package dev.synapse.core.model;

import dev.synapse.core.ActivatedLayer;
import dev.synapse.core.FusedLoss;
import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.random.NumpyRandom;
import java.util.List;

/**
 * The matrices one batch size needs as it flows through the layers: each layer's output and state, and, when
 * training, the gradient with respect to each layer's output. Built once per batch size and reused every step,
 * so the warm training loop allocates nothing.
 *
 * <p>It also decides where the loss meets the network: when the last layer is an {@link ActivatedLayer} whose
 * activation the loss {@linkplain FusedLoss#fusesWith fuses with} (softmax with categorical cross-entropy, sigmoid
 * with binary cross-entropy), the loss is computed from the pre-activation and the backward pass starts from
 * {@code ∂L/∂z}; otherwise from the output, through the layer's own backward.
 *
 * <p><b>float32.</b> For a float32 model the inputs, outputs, states and gradients are float32; the targets stay
 * float64. The loss is computed in float64: after each forward pass the last output is widened (exactly) into a
 * float64 copy, which the loss, the metrics and {@code predict} read, and the loss gradient is computed in float64
 * and rounded once into the float32 gradient the layers take. Any loss, a user's too, thus works in a float32 model
 * unchanged, at the cost of two conversions of a batch's outputs per step, into matrices allocated here once.
 */
final class Workspace {

    final int batch;
    /** Rows gathered from the data set for one batch; unused when the batch is the whole data set in order. */
    final Matrix input;
    /** Target rows of one batch, {@link Loss#targetWidth} wide. */
    final Matrix target;
    /** {@code outputs[l]} is layer l's output. */
    final Matrix[] outputs;
    /** {@code states[l]} is layer l's forward-to-backward state, or null. */
    final Matrix[] states;
    /** {@code gradients[l]} is the loss gradient with respect to layer l's output; null when not training. */
    final Matrix[] gradients;
    /** The last output widened to float64, for a float32 model; the last output itself otherwise. */
    private final Matrix wideOutput;
    /** The last layer's pre-activation widened to float64 for a fused loss; null for a float64 model. */
    private final Matrix widePreActivation;
    /** The loss gradient in float64 before it is rounded into {@code gradients[last]}; null when not needed. */
    private final Matrix wideGradient;

    /** A workspace for prediction ({@code training} false) or for training with targets as wide as the outputs. */
    Workspace(List<Layer> layers, int batch, boolean training) {
        this(layers, batch, layers.get(layers.size() - 1).outputSize(), training);
    }

    /** A workspace for training or, when {@code training} is false, prediction; targets are targetWidth wide. */
    Workspace(List<Layer> layers, int batch, int targetWidth, boolean training) {
        this.batch = batch;
        Precision precision = Sequential.precisionOf(layers);
        int count = layers.size();
        this.input = training ? new Matrix(batch, layers.get(0).inputSize(), precision) : null;
        this.target = training ? new Matrix(batch, targetWidth) : null;
        this.outputs = new Matrix[count];
        this.states = new Matrix[count];
        this.gradients = training ? new Matrix[count] : null;
        for (int l = 0; l < count; l++) {
            Layer layer = layers.get(l);
            outputs[l] = new Matrix(batch, layer.outputSize(), precision);
            states[l] = layer.stateWidth() == 0 ? null : new Matrix(batch, layer.stateWidth(), precision);
            if (training) {
                gradients[l] = new Matrix(batch, layer.outputSize(), precision);
            }
        }
        boolean single = precision == Precision.FLOAT32;
        int width = layers.get(count - 1).outputSize();
        this.wideOutput = single ? new Matrix(batch, width) : outputs[count - 1];
        this.widePreActivation = single ? new Matrix(batch, width) : null;
        this.wideGradient = single && training ? new Matrix(batch, width) : null;
    }

    /**
     * Runs the layers forward over {@code input} (in the model's precision) and returns the last layer's output
     * (owned by this workspace), widened to float64 for a float32 model.
     */
    Matrix forward(List<Layer> layers, Matrix input) {
        Matrix current = input;
        for (int l = 0; l < outputs.length; l++) {
            layers.get(l).forward(current, states[l], outputs[l]);
            current = outputs[l];
        }
        return widened(current);
    }

    private Matrix widened(Matrix output) {
        return output == wideOutput ? output : wideOutput.convertFrom(output);
    }

    /** {@link #forward} for a training batch: layers that act differently in training (dropout) do so. */
    Matrix forwardTraining(List<Layer> layers, Matrix input, NumpyRandom random) {
        Matrix current = input;
        for (int l = 0; l < outputs.length; l++) {
            layers.get(l).forwardTraining(current, states[l], outputs[l], random);
            current = outputs[l];
        }
        return widened(current);
    }

    /** The loss of the batch last run forward, from the pre-activation when the loss fuses with the last layer. */
    double loss(List<Layer> layers, Loss loss, Matrix target) {
        int last = outputs.length - 1;
        FusedLoss fused = fused(layers, loss);
        return fused == null
                ? loss.value(wideOutput, target)
                : fused.fusedValue(preActivation(layers), wideOutput, target);
    }

    /** The last layer's pre-activation, widened to float64 for a float32 model. */
    private Matrix preActivation(List<Layer> layers) {
        int last = outputs.length - 1;
        Matrix z = ((ActivatedLayer) layers.get(last)).preActivation(states[last]);
        return widePreActivation == null ? z : widePreActivation.convertFrom(z);
    }

    /**
     * Backpropagates the batch last run forward: writes the loss gradient (fused with the last layer's activation
     * when both allow), walks the layers back into their parameter gradients and adds each layer's penalty
     * gradient. The caller clears the parameter gradients first.
     */
    void backward(List<Layer> layers, Loss loss, Matrix input, Matrix target) {
        int last = outputs.length - 1;
        FusedLoss fused = fused(layers, loss);
        Matrix lastInput = last == 0 ? input : outputs[last - 1];
        Matrix lastInputGradient = last == 0 ? null : gradients[last - 1];
        Matrix lossGradient = wideGradient == null ? gradients[last] : wideGradient;
        if (fused == null) {
            loss.gradient(wideOutput, target, lossGradient);
            narrowInto(lossGradient, gradients[last]);
            layers.get(last).backward(lastInput, states[last], outputs[last], gradients[last], lastInputGradient);
        } else {
            ActivatedLayer layer = (ActivatedLayer) layers.get(last);
            // gradients[last] holds ∂L/∂z here, not ∂L/∂output: the fused path never forms the latter.
            fused.fusedGradient(preActivation(layers), wideOutput, target, lossGradient);
            narrowInto(lossGradient, gradients[last]);
            layer.backwardFromPreActivation(lastInput, states[last], gradients[last], lastInputGradient);
        }
        for (int l = last - 1; l >= 0; l--) {
            Matrix layerInput = l == 0 ? input : outputs[l - 1];
            Matrix inputGradient = l == 0 ? null : gradients[l - 1];
            layers.get(l).backward(layerInput, states[l], outputs[l], gradients[l], inputGradient);
        }
        for (int l = 0; l <= last; l++) {
            layers.get(l).addPenaltyGradient();
        }
    }

    private static void narrowInto(Matrix lossGradient, Matrix gradient) {
        if (lossGradient != gradient) {
            gradient.convertFrom(lossGradient);
        }
    }

    /** The sum of the layers' weight penalties ({@link Layer#penalty()}), added to each batch's loss in training. */
    static double penalty(List<Layer> layers) {
        double sum = 0;
        for (int l = 0; l < layers.size(); l++) {
            sum += layers.get(l).penalty();
        }
        return sum;
    }

    /** The loss as a fused loss when it fuses with the last layer's activation, else null. */
    private static FusedLoss fused(List<Layer> layers, Loss loss) {
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof ActivatedLayer && loss instanceof FusedLoss fused) {
            String activation = last.outputActivation().orElse(null);
            return activation != null && fused.fusesWith(activation) ? fused : null;
        }
        return null;
    }
}
