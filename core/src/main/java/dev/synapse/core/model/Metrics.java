package dev.synapse.core.model;

/**
 * How well a model's outputs match the targets over a data set.
 *
 * @param loss              the model's loss, reduced over the data set as the loss reduces batches
 * @param meanAbsoluteError {@code mean(|y - ŷ|)} over every output of every sample
 * @param meanSquaredError  {@code mean((y - ŷ)²)} over every output of every sample
 * @param accuracy          the fraction of samples classified right: with several outputs the largest output must
 *                          be the target's largest (argmax); with one output the prediction and the target must lie
 *                          on the same side of a threshold: the midpoint of the output activation's range when it is
 *                          bounded (0.5 for a sigmoid, 0 for tanh and FANN's symmetric functions), else the midpoint
 *                          of the training targets' smallest and largest value (a value at the threshold counts as
 *                          the upper side)
 * @param bitFails          FANN's bit-fail count: the number of outputs (over every sample) whose error, as the loss
 *                          measures it ({@link dev.synapse.core.Loss#error}), is at least the bit-fail limit in
 *                          magnitude ({@link Training#bitFailLimit(double)}, 0.35 by default as in FANN)
 */
public record Metrics(double loss, double meanAbsoluteError, double meanSquaredError, double accuracy, long bitFails) {}
