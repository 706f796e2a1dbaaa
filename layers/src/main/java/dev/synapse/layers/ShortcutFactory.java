package dev.synapse.layers;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * Saves and rebuilds {@link Shortcut} layers, type {@code "shortcut"} (format version 2): stored with
 * {@code units} = its output width (inputs plus new units), its activation and bias flag, and parameters
 * {@code weights} (inputs × new units) and, with a bias, {@code bias} (1 × new units).
 */
final class ShortcutFactory implements LayerFactory {

    @Override
    public LayerConfig describe(Layer layer) {
        if (!(layer instanceof Shortcut shortcut)) {
            throw new IllegalArgumentException("layer type 'shortcut' is Synapse's Shortcut, but this layer is a "
                    + layer.getClass().getName() + "; give your layer its own type name and factory");
        }
        return LayerConfig.of("shortcut", shortcut.inputSize(), shortcut.outputSize(), shortcut.activation(),
                shortcut.bias().isPresent());
    }

    @Override
    public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
        FactoryChecks.plain("shortcut", config.arguments(), config.activation());
        int in = config.inputSize();
        int added = config.units() - in;
        if (added < 1) {
            throw new IllegalArgumentException("a shortcut layer outputs its " + in + " inputs and at least one new"
                    + " unit, but the file declares " + config.units() + " units in all");
        }
        FactoryChecks.names("shortcut", "parameters", parameters, Set.of("weights", "bias"),
                config.bias() ? Set.of("weights", "bias") : Set.of("weights"));
        if (!config.bias() && parameters.containsKey("bias")) {
            throw new IllegalArgumentException("it declares no bias, but the file holds 'bias' values");
        }
        String why = in + " inputs from the layer before, " + added + " new units";
        Matrix bias = parameters.get("bias");
        return new Shortcut(config.activation(), FactoryChecks.shape(parameters.get("weights"), "weights", in, added,
                why), bias == null ? null : FactoryChecks.shape(bias, "bias", 1, added, why));
    }
}
