/**
 * The numeric type and the extension points of Synapse: {@link dev.synapse.core.Matrix};
 * {@link dev.synapse.core.Activation}, {@link dev.synapse.core.Layer} (added through a
 * {@link dev.synapse.core.LayerSpec}), {@link dev.synapse.core.Loss}, {@link dev.synapse.core.Optimizer},
 * {@link dev.synapse.core.Initializer}, {@link dev.synapse.core.LearningRate} and
 * {@link dev.synapse.core.Parameter}; and {@link dev.synapse.core.GradientCheck}, which verifies an implementation's
 * derivatives. Models live in {@code dev.synapse.core.model}.
 */
package dev.synapse.core;
