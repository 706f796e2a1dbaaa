package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import java.util.List;

/**
 * The matrices one batch size needs as it flows through the layers: each layer's output and state, and, when
 * training, the gradient with respect to each layer's output. Built once per batch size and reused every step,
 * so the warm training loop allocates nothing.
 */
final class Workspace {

    final int batch;
    /** Rows gathered from the data set for one batch; unused when the batch is the whole data set in order. */
    final Matrix input;
    final Matrix target;
    /** {@code outputs[l]} is layer l's output. */
    final Matrix[] outputs;
    /** {@code states[l]} is layer l's forward-to-backward state, or null. */
    final Matrix[] states;
    /** {@code gradients[l]} is the loss gradient with respect to layer l's output; null when not training. */
    final Matrix[] gradients;

    Workspace(List<Layer> layers, int batch, boolean training) {
        this.batch = batch;
        int count = layers.size();
        this.input = training ? new Matrix(batch, layers.get(0).inputSize()) : null;
        this.target = training ? new Matrix(batch, layers.get(count - 1).outputSize()) : null;
        this.outputs = new Matrix[count];
        this.states = new Matrix[count];
        this.gradients = training ? new Matrix[count] : null;
        for (int l = 0; l < count; l++) {
            Layer layer = layers.get(l);
            outputs[l] = new Matrix(batch, layer.outputSize());
            states[l] = layer.stateWidth() == 0 ? null : new Matrix(batch, layer.stateWidth());
            if (training) {
                gradients[l] = new Matrix(batch, layer.outputSize());
            }
        }
    }

    /** Runs the layers forward over {@code input} and returns the last layer's output (owned by this workspace). */
    Matrix forward(List<Layer> layers, Matrix input) {
        Matrix current = input;
        for (int l = 0; l < outputs.length; l++) {
            layers.get(l).forward(current, states[l], outputs[l]);
            current = outputs[l];
        }
        return current;
    }

    /** Backpropagates from {@code gradients[last]}, which the caller filled with the loss gradient. */
    void backward(List<Layer> layers, Matrix input) {
        for (int l = outputs.length - 1; l >= 0; l--) {
            Matrix layerInput = l == 0 ? input : outputs[l - 1];
            Matrix inputGradient = l == 0 ? null : gradients[l - 1];
            layers.get(l).backward(layerInput, states[l], outputs[l], gradients[l], inputGradient);
        }
    }

    Matrix lastGradient() {
        return gradients[gradients.length - 1];
    }
}
