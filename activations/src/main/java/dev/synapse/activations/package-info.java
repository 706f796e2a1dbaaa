/**
 * The built-in activations — identity, sigmoid, tanh, ReLU, leaky ReLU and softplus — created through
 * {@link dev.synapse.activations.Activations}. The extension point is {@link dev.synapse.core.Activation}.
 */
package dev.synapse.activations;
