package dev.synapse.fann;

import dev.synapse.core.model.Sequential;
import java.util.List;

/**
 * What cascade training hands back.
 *
 * @param model       the grown network: one one-unit {@code Shortcut} layer per added unit, then a {@code Dense}
 *                    output layer, with FANN's loss and the training's optimizer; saves, loads and exports to FANN
 * @param neurons     one report per added unit, in order
 * @param totalEpochs output and candidate epochs run in all
 * @param mse         the returned model's MSE on the training data, as FANN measures it
 * @param bitFails    the returned model's bit fails on the training data
 * @param goalReached whether the desired error was met (by the stop function's measure)
 */
public record CascadeResult(Sequential model, List<CascadeNeuron> neurons, int totalEpochs, double mse,
        int bitFails, boolean goalReached) {

    /**
     * The record, with the neuron list copied.
     *
     * @param model       the grown network
     * @param neurons     one report per added unit
     * @param totalEpochs epochs run in all
     * @param mse         the model's training MSE
     * @param bitFails    the model's training bit fails
     * @param goalReached whether the desired error was met
     */
    public CascadeResult {
        neurons = List.copyOf(neurons);
    }
}
