/**
 * The built-in losses — sum of squared errors, half of it, mean squared error, and FANN's MSE with its training
 * signal ({@link dev.synapse.losses.FannMse}) — created through
 * {@link dev.synapse.losses.Losses}. The extension point is {@link dev.synapse.core.Loss}.
 */
package dev.synapse.losses;
