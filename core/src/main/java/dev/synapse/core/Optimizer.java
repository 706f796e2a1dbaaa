package dev.synapse.core;

import java.util.List;

/**
 * How parameters move against their gradients. An optimizer is immutable configuration; {@link #start} creates
 * the mutable state of one training run (momentum buffers, step sizes), so one configuration can train many
 * models independently.
 */
public interface Optimizer {

    /** Stable name, e.g. {@code "sgd"}. */
    String name();

    /** Creates the state that trains {@code parameters}. */
    State start(List<Parameter> parameters);

    /** The per-run state of an optimizer; owned by one model. */
    interface State {
        /** Moves every parameter using its current gradient; {@code epoch} is 1-based, for learning-rate schedules. */
        void step(int epoch);
    }
}
