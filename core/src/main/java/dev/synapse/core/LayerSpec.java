package dev.synapse.core;

import dev.synapse.core.random.NumpyRandom;

/**
 * The immutable description of a layer that a user adds to a model, e.g. {@code Dense.units(4).activation(sigmoid())}.
 * The model builder turns it into a {@link Layer} once the input width and the seeded random generator are known.
 */
public interface LayerSpec {

    /**
     * Builds the layer, drawing its initial parameters from {@code random}.
     *
     * @param random the model's seeded random numbers
     * @return a new layer with {@code inputSize} inputs
     * @param index     the layer's position in the model (0-based), for error messages
     * @param inputSize the width of the layer's input
     */
    Layer build(int index, int inputSize, NumpyRandom random);
}
