/**
 * The built-in losses — sum of squared errors, half of it, mean squared error, the cross-entropies for softmax and
 * sigmoid outputs ({@link dev.synapse.losses.CategoricalCrossEntropy}, {@link dev.synapse.losses.BinaryCrossEntropy})
 * and FANN's MSE with its training signal ({@link dev.synapse.losses.FannMse}) — created through
 * {@link dev.synapse.losses.Losses}. The extension point is {@link dev.synapse.core.Loss}.
 */
package dev.synapse.losses;
