package dev.synapse.core;

import dev.synapse.core.random.NumpyRandom;

/**
 * Fills a new parameter with its starting values. Initializers draw row by row from the model's seeded generator,
 * so a seed reproduces the same weights (and the numpy tutorials' weights for {@code seed(1)}).
 */
public interface Initializer {

    /**
     * Stable name, e.g. {@code "glorot-uniform"}.
     *
     * @return a non-blank name, saved with the model's training settings
     */
    String name();

    /**
     * Fills {@code target} in row-major order.
     *
     * @param target the matrix to fill, e.g. a layer's weights, inputs × units
     * @param random the model's seeded random numbers, drawn in row-major order so runs repeat exactly
     * @param fanIn  inputs feeding each unit
     * @param fanOut units fed by each input
     */
    void initialize(Matrix target, int fanIn, int fanOut, NumpyRandom random);
}
