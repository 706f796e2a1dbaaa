/**
 * The built-in losses — sum of squared errors, half of it, and mean squared error — created through
 * {@link dev.synapse.losses.Losses}. The extension point is {@link dev.synapse.core.Loss}.
 */
package dev.synapse.losses;
