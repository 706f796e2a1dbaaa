/**
 * The built-in activations — identity, sigmoid, tanh, ReLU, leaky ReLU and softplus — created through
 * {@link dev.synapse.activations.Activations}, and FANN 2.2's activation functions with their steepness
 * ({@link dev.synapse.activations.FannActivation}), created through {@link dev.synapse.activations.FannActivations}.
 * The extension point is {@link dev.synapse.core.Activation}.
 */
package dev.synapse.activations;
