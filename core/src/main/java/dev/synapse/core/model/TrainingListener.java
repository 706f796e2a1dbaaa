package dev.synapse.core.model;

/**
 * Hears about training progress; registered with {@link Training#report(int, TrainingListener)}. The library
 * itself prints nothing: a listener is where progress goes to a console, a log or a chart.
 */
@FunctionalInterface
public interface TrainingListener {

    void onEpoch(EpochReport report);
}
