/**
 * The built-in optimizers — {@link dev.synapse.optimizers.Sgd} with momentum, and FANN's full-batch algorithms
 * {@link dev.synapse.optimizers.Rprop} (iRPROP−) and {@link dev.synapse.optimizers.Quickprop} — and learning-rate
 * schedules ({@link dev.synapse.optimizers.LearningRates}). The extension points are
 * {@link dev.synapse.core.Optimizer} and {@link dev.synapse.core.LearningRate}.
 */
package dev.synapse.optimizers;
