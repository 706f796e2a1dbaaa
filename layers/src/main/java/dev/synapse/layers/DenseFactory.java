package dev.synapse.layers;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * Saves and rebuilds {@link Dense} layers, type {@code "dense"}: stored as its units, activation (element-wise, or
 * row-wise as softmax) and bias flag, with the argument {@code l2} when it has an L2 penalty, and parameters
 * {@code weights} (inputs × units) and, when it has a bias, {@code bias} (1 × units).
 */
final class DenseFactory implements LayerFactory {

    @Override
    public LayerConfig describe(Layer layer) {
        if (!(layer instanceof Dense dense)) {
            throw new IllegalArgumentException("layer type 'dense' is Synapse's Dense, but this layer is a "
                    + layer.getClass().getName() + "; give your layer its own type name and factory");
        }
        return new LayerConfig("dense", dense.inputSize(), dense.outputSize(),
                dense.rowActivation().isPresent() ? null : dense.activation(), dense.bias().isPresent(),
                dense.l2() == 0 ? Map.of() : Map.of("l2", dense.l2()), Map.of(), dense.rowActivation().orElse(null));
    }

    @Override
    public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
        if (config.activationName() == null) {
            throw new IllegalArgumentException("a dense layer needs an activation, but none is given");
        }
        if (!Set.of("l2").containsAll(config.arguments().keySet())) {
            throw new IllegalArgumentException("a dense layer takes only the argument 'l2', but the file gives "
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
        Dense dense = config.activation() != null
                ? new Dense(config.activation(), weights, bias)
                : new Dense(config.rowActivation(), weights, bias);
        return config.arguments().containsKey("l2") ? dense.withL2(config.arguments().get("l2")) : dense;
    }
}
