package dev.synapse.layers;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * Saves and rebuilds {@link Dense} layers, type {@code "dense"}: stored as its units, activation and bias flag, with
 * parameters {@code weights} (inputs × units) and, when it has a bias, {@code bias} (1 × units).
 */
final class DenseFactory implements LayerFactory {

    @Override
    public LayerConfig describe(Layer layer) {
        if (!(layer instanceof Dense dense)) {
            throw new IllegalArgumentException("layer type 'dense' is Synapse's Dense, but this layer is a "
                    + layer.getClass().getName() + "; give your layer its own type name and factory");
        }
        return LayerConfig.of("dense", dense.inputSize(), dense.outputSize(), dense.activation(),
                dense.bias().isPresent());
    }

    @Override
    public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
        if (config.activation() == null) {
            throw new IllegalArgumentException("a dense layer needs an activation, but none is given");
        }
        if (!config.arguments().isEmpty()) {
            throw new IllegalArgumentException("a dense layer takes no arguments, but the file gives "
                    + config.arguments());
        }
        for (String name : parameters.keySet()) {
            if (!Set.of("weights", "bias").contains(name)) {
                throw new IllegalArgumentException("a dense layer has parameters 'weights' and 'bias', not '"
                        + name + "'");
            }
        }
        Matrix weights = parameters.get("weights");
        if (weights == null) {
            throw new IllegalArgumentException("its 'weights' are missing");
        }
        if (!weights.hasShape(config.inputSize(), config.units())) {
            throw new IllegalArgumentException("its weights are " + weights.shape() + " but must be "
                    + config.inputSize() + "x" + config.units() + " (" + config.inputSize()
                    + " inputs from the layer before, " + config.units() + " units)");
        }
        Matrix bias = parameters.get("bias");
        if (config.bias() && bias == null) {
            throw new IllegalArgumentException("it declares a bias, but its 'bias' values are missing");
        }
        if (!config.bias() && bias != null) {
            throw new IllegalArgumentException("it declares no bias, but the file holds 'bias' values");
        }
        if (bias != null && !bias.hasShape(1, config.units())) {
            throw new IllegalArgumentException("its bias is " + bias.shape() + " but must be 1x" + config.units());
        }
        return new Dense(config.activation(), weights, bias);
    }
}
