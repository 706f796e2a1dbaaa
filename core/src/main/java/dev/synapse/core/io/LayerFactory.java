package dev.synapse.core.io;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import java.util.Map;

/**
 * Saves and rebuilds one type of layer: {@link #describe} reads the settings a file stores, {@link #create} builds
 * the layer back from them and its parameters. Registered by type name, e.g. {@code "dense"}.
 *
 * <pre>{@code
 * registry.registerLayer("dense", new LayerFactory() {
 *     public LayerConfig describe(Layer layer) {
 *         Dense d = (Dense) layer;
 *         return LayerConfig.of("dense", d.inputSize(), d.outputSize(), d.activation(), d.bias().isPresent());
 *     }
 *     public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
 *         return new Dense(config.activation(), parameters.get("weights"), parameters.get("bias"));
 *     }
 * });
 * }</pre>
 *
 * <p>The loader checks the result itself: the built layer's widths and its {@link Layer#parameters()} (names,
 * order, shapes) must be those the file declares.
 */
public interface LayerFactory {

    /**
     * The settings of {@code layer} to store.
     *
     * @param layer a layer of this factory's type
     * @return its settings, without its parameters
     * @throws IllegalArgumentException if the layer is not of this factory's type
     */
    LayerConfig describe(Layer layer);

    /**
     * Builds a layer that uses {@code parameters} (fresh matrices the layer may keep), by parameter name in the
     * file's order.
     *
     * @param config the settings read from the file
     * @param parameters the parameter matrices read from the file, by name
     * @return the layer, using the given matrices in place
     * @throws IllegalArgumentException if a parameter is missing, unexpected or of the wrong shape; the message
     *                                  becomes part of the loader's error
     */
    Layer create(LayerConfig config, Map<String, Matrix> parameters);
}
