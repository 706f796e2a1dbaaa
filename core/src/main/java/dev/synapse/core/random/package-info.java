/**
 * Seeded random numbers: {@link dev.synapse.core.random.NumpyRandom} reproduces numpy's legacy generator, so a
 * model seeded with 1 starts from the numpy tutorials' weights.
 */
package dev.synapse.core.random;
