package dev.synapse.core;

/**
 * The step size of an optimizer as a function of the epoch: a constant or a schedule. Implementations are immutable.
 */
@FunctionalInterface
public interface LearningRate {

    /**
     * The learning rate during {@code epoch} (1-based); positive and finite.
     *
     * @param epoch the epoch, counted from 1
     * @return the learning rate η of that epoch
     */
    double at(int epoch);
}
