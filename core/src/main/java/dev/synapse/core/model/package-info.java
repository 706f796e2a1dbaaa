/**
 * Models and their training: {@link dev.synapse.core.model.Sequential} and its builder,
 * {@link dev.synapse.core.model.Training} (the settings of one {@code fit}: batches, goals, validation data),
 * {@link dev.synapse.core.model.History} (what every epoch measured and which weights were kept),
 * {@link dev.synapse.core.model.Metrics}, and the {@link dev.synapse.core.model.TrainingListener} extension point
 * through which progress leaves the library and a listener stops training. The built-in stop-and-observe objects —
 * {@link dev.synapse.core.model.EarlyStopping}, {@link dev.synapse.core.model.Checkpoint}, the target-loss and
 * bit-fail goals — are listeners like a user's; divergence ends training with
 * {@link dev.synapse.core.model.TrainingDivergedException}. {@link dev.synapse.core.model.ModelFile} bundles a model
 * with the scalers its data went through and saves and loads both through {@code core.io}'s format, which this
 * package uses and which never uses this one.
 */
package dev.synapse.core.model;
