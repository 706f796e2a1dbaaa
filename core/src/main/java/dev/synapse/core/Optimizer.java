package dev.synapse.core;

import java.util.List;

/**
 * How parameters move against their gradients. An optimizer is immutable configuration; {@link #start} creates
 * the mutable state of one training run (momentum buffers, step sizes), so one configuration can train many
 * models independently.
 */
public interface Optimizer {

    /**
     * Stable name, e.g. {@code "sgd"}.
     *
     * @return a non-blank name, saved with the model's training settings
     */
    String name();

    /**
     * Creates the state that trains {@code parameters}.
     *
     * @param parameters the model's parameters, in the model's order
     * @return new state (momentum buffers, step sizes) that belongs to this run alone
     */
    State start(List<Parameter> parameters);

    /** The per-run state of an optimizer; owned by one model. */
    interface State {
        /**
         * Moves every parameter using its current gradient; {@code epoch} is 1-based, for learning-rate schedules.
         *
         * @param epoch the current epoch, counted from 1
         */
        void step(int epoch);

        /**
         * {@link #step(int)}, told how many samples the gradients were computed from. The training loop calls this
         * one; optimizers whose rule depends on the batch size (Quickprop's weight decay acts on FANN's slopes, which
         * are sums over samples) override it. The default ignores the batch size.
         *
         * @param epoch the current epoch, counted from 1
         * @param batchSize the number of samples in the batch, at least 1
         */
        default void step(int epoch, int batchSize) {
            step(epoch);
        }
    }
}
