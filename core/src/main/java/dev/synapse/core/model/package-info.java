/**
 * Models and their training: {@link dev.synapse.core.model.Sequential} and its builder,
 * {@link dev.synapse.core.model.Training} (the settings of one {@code fit}), {@link dev.synapse.core.model.History},
 * {@link dev.synapse.core.model.Metrics} and the {@link dev.synapse.core.model.TrainingListener} extension point
 * through which progress leaves the library.
 */
package dev.synapse.core.model;
