/**
 * The built-in activations — identity, sigmoid, tanh, ReLU, leaky ReLU and softplus — created through
 * {@link dev.synapse.activations.Activations}, and FANN 2.2's activation functions with their steepness
 * ({@link dev.synapse.activations.FannActivation}), created through {@link dev.synapse.activations.FannActivations}.
 * Softmax ({@link dev.synapse.activations.Softmax}) is row-wise, a {@link dev.synapse.core.RowActivation}. The
 * extension points are {@link dev.synapse.core.Activation} and {@link dev.synapse.core.RowActivation}.
 */
package dev.synapse.activations;
