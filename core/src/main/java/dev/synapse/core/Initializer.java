package dev.synapse.core;

import dev.synapse.core.random.NumpyRandom;

/**
 * Fills a new parameter with its starting values. Initializers draw row by row from the model's seeded generator,
 * so a seed reproduces the same weights (and the numpy tutorials' weights for {@code seed(1)}).
 */
public interface Initializer {

    /** Stable name, e.g. {@code "glorot-uniform"}. */
    String name();

    /**
     * Fills {@code target} in row-major order.
     *
     * @param fanIn  inputs feeding each unit
     * @param fanOut units fed by each input
     */
    void initialize(Matrix target, int fanIn, int fanOut, NumpyRandom random);
}
