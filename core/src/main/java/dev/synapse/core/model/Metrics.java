package dev.synapse.core.model;

/**
 * How well a model's outputs match the targets over a data set.
 *
 * @param loss              the model's loss, reduced over the data set as the loss reduces batches
 * @param meanAbsoluteError {@code mean(|y - ŷ|)} over every output of every sample
 * @param meanSquaredError  {@code mean((y - ŷ)²)} over every output of every sample
 * @param accuracy          the fraction of samples classified right: with several outputs the largest output must
 *                          be the target's largest; with one output the prediction must lie within 0.5 of the target
 *                          (for 0/1 targets, rounding the prediction gives the target)
 * @param bitFails          FANN's bit-fail count: the number of outputs (over every sample) whose error, as the loss
 *                          measures it ({@link dev.synapse.core.Loss#error}), is at least the bit-fail limit in
 *                          magnitude ({@link Training#bitFailLimit(double)}, 0.35 by default as in FANN)
 */
public record Metrics(double loss, double meanAbsoluteError, double meanSquaredError, double accuracy, long bitFails) {}
