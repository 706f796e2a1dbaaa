package dev.synapse.layers;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * Saves and rebuilds {@link Dropout} layers, type {@code "dropout"} (model format version 2): stored as its units
 * and its argument {@code rate}, with no activation, bias or parameters.
 */
final class DropoutFactory implements LayerFactory {

    @Override
    public LayerConfig describe(Layer layer) {
        if (!(layer instanceof Dropout dropout)) {
            throw new IllegalArgumentException("layer type 'dropout' is Synapse's Dropout, but this layer is a "
                    + layer.getClass().getName() + "; give your layer its own type name and factory");
        }
        return new LayerConfig("dropout", dropout.inputSize(), dropout.outputSize(), null, false,
                Map.of("rate", dropout.rate()));
    }

    @Override
    public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
        if (config.activationName() != null || config.bias()) {
            throw new IllegalArgumentException("a dropout layer has no activation and no bias, but the file gives "
                    + (config.bias() ? "a bias" : "activation '" + config.activationName() + "'"));
        }
        if (!config.arguments().keySet().equals(Set.of("rate"))) {
            throw new IllegalArgumentException("a dropout layer takes exactly the argument 'rate', but the file"
                    + " gives " + config.arguments());
        }
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("a dropout layer has no parameters, but the file gives "
                    + parameters.keySet());
        }
        if (config.inputSize() != config.units()) {
            throw new IllegalArgumentException("a dropout layer outputs as many values as it takes, but the file"
                    + " gives " + config.units() + " units after " + config.inputSize() + " inputs");
        }
        return new Dropout(config.units(), config.arguments().get("rate"));
    }
}
