package dev.synapse.core.model;

/**
 * What a {@link TrainingListener} hears after an epoch.
 *
 * @param epoch   the epoch just finished, 1-based
 * @param loss    the epoch's loss, computed from the forward passes of that epoch (before their updates)
 * @param metrics error and accuracy from the same forward passes
 */
public record EpochReport(int epoch, double loss, Metrics metrics) {}
