/**
 * The built-in optimizers — {@link dev.synapse.optimizers.Sgd} with momentum — and learning-rate schedules
 * ({@link dev.synapse.optimizers.LearningRates}). The extension points are {@link dev.synapse.core.Optimizer} and
 * {@link dev.synapse.core.LearningRate}.
 */
package dev.synapse.optimizers;
