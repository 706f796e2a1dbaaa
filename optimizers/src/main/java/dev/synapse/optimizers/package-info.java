/**
 * The built-in optimizers — {@link dev.synapse.optimizers.Sgd} with momentum; {@link dev.synapse.optimizers.Adam},
 * {@link dev.synapse.optimizers.AdamW} and {@link dev.synapse.optimizers.Rmsprop} with Keras 3's rules and
 * defaults; FANN's full-batch algorithms {@link dev.synapse.optimizers.Rprop} (iRPROP−) and
 * {@link dev.synapse.optimizers.Quickprop} — clipping by global norm for any of them
 * ({@link dev.synapse.optimizers.GradientClipping}), and learning-rate schedules
 * ({@link dev.synapse.optimizers.LearningRates}: constant, step, exponential, cosine with optional warm-up). The
 * extension points are {@link dev.synapse.core.Optimizer} and {@link dev.synapse.core.LearningRate}.
 *
 * <pre>{@code
 * Sequential.builder()...optimizer(Adam.defaults())                                  // Keras' Adam()
 * Sequential.builder()...optimizer(GradientClipping.byGlobalNorm(1.0, AdamW.defaults()))
 * }</pre>
 */
package dev.synapse.optimizers;
