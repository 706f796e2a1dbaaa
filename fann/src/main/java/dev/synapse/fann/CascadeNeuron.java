package dev.synapse.fann;

import dev.synapse.activations.FannActivation;

/**
 * What one hidden unit added by cascade training brought: the line FANN prints per neuron.
 *
 * @param number      1 for the first added unit, counting on
 * @param activation  the unit's activation and steepness, chosen from the candidates
 * @param score       the winning candidate's score: how much of the sum of squared errors it could cancel
 * @param mse         the network's MSE once the outputs had trained with this unit
 * @param bitFails    the outputs off by at least the bit-fail limit at that point
 * @param totalEpochs output and candidate epochs run since training began
 */
public record CascadeNeuron(int number, FannActivation activation, double score, double mse, int bitFails,
        int totalEpochs) {}
