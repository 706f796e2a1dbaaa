package dev.synapse.layers;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import java.util.Map;
import java.util.Set;

/**
 * Saves and rebuilds {@link Sparse} layers, type {@code "sparse"} (format version 2): stored as its units and
 * activation, with the constant {@code mask} ((inputs + 1) × units of 0s and 1s, the bias in the last row) and the
 * parameter {@code weights} (1 × connections, in the mask's row-major order). The bias flag is {@code true} when
 * any unit has a bias connection.
 */
final class SparseFactory implements LayerFactory {

    @Override
    public LayerConfig describe(Layer layer) {
        if (!(layer instanceof Sparse sparse)) {
            throw new IllegalArgumentException("layer type 'sparse' is Synapse's Sparse, but this layer is a "
                    + layer.getClass().getName() + "; give your layer its own type name and factory");
        }
        Matrix mask = sparse.mask();
        boolean bias = false;
        for (double v : mask.row(sparse.inputSize())) {
            bias |= v == 1;
        }
        return new LayerConfig("sparse", sparse.inputSize(), sparse.outputSize(), sparse.activation(), bias,
                Map.of(), Map.of("mask", mask));
    }

    @Override
    public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
        FactoryChecks.plain("sparse", config.arguments(), config.activation());
        FactoryChecks.names("sparse", "parameters", parameters, Set.of("weights"), Set.of("weights"));
        FactoryChecks.names("sparse", "constants", config.constants(), Set.of("mask"), Set.of("mask"));
        Matrix mask = FactoryChecks.shape(config.constants().get("mask"), "mask", config.inputSize() + 1,
                config.units(), config.inputSize() + " inputs from the layer before and the bias, " + config.units()
                        + " units");
        Sparse layer = new Sparse(config.activation(), mask, parameters.get("weights"));
        if (config.bias() != (describe(layer).bias())) {
            throw new IllegalArgumentException("its bias flag is " + config.bias() + " but its mask's last row"
                    + (config.bias() ? " connects no bias" : " connects a bias"));
        }
        return layer;
    }
}
