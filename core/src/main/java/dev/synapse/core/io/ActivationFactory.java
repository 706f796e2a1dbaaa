package dev.synapse.core.io;

import dev.synapse.core.Activation;
import java.util.Map;

/**
 * Rebuilds an activation from the arguments a model file stores for it ({@link Activation#arguments()}).
 *
 * <pre>{@code
 * Registry.global().registerActivation("softsign", args -> new Softsign());
 * Registry.global().registerActivation("leaky-relu", args -> Activations.leakyRelu(args.getOrDefault("slope", 0.01)));
 * }</pre>
 */
@FunctionalInterface
public interface ActivationFactory {

    /**
     * The activation for {@code arguments}, by name (empty for an activation without settings).
     *
     * @param arguments the saved settings by name, e.g. {@code {"steepness": 0.5}}; empty when there are none
     * @return the activation those settings describe
     * @throws IllegalArgumentException if an argument is missing or out of range
     */
    Activation create(Map<String, Double> arguments);
}
