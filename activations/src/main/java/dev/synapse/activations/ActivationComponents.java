package dev.synapse.activations;

import dev.synapse.core.io.ComponentProvider;
import dev.synapse.core.io.Registry;
import java.util.List;
import java.util.Map;

/**
 * Registers the built-in activations by the names model files store, found by {@link java.util.ServiceLoader}
 * through {@code META-INF/services/dev.synapse.core.io.ComponentProvider}, softmax as a row-wise activation
 * ({@link dev.synapse.core.io.Registry#registerRowActivation}). An activation with settings reads them
 * from its arguments: {@code leaky-relu} takes {@code slope}, every FANN activation ({@link FannActivations}) takes
 * {@code steepness}.
 */
public final class ActivationComponents implements ComponentProvider {

    @Override
    public void register(Registry registry) {
        registry.registerActivation("identity", args -> none("identity", args, Activations.identity()))
                .registerActivation("sigmoid", args -> none("sigmoid", args, Activations.sigmoid()))
                .registerActivation("tanh", args -> none("tanh", args, Activations.tanh()))
                .registerActivation("relu", args -> none("relu", args, Activations.relu()))
                .registerActivation("softplus", args -> none("softplus", args, Activations.softplus()))
                .registerRowActivation("softmax", args -> none("softmax", args, Activations.softmax()))
                .registerActivation("leaky-relu", args -> {
                    only("leaky-relu", args, "slope");
                    return Activations.leakyRelu(args.getOrDefault("slope", 0.01));
                });
        for (FannActivation.Function f : FannActivation.Function.values()) {
            registry.registerActivation(f.synapseName(), args -> {
                only(f.synapseName(), args, "steepness");
                return FannActivations.of(f, args.getOrDefault("steepness", FannActivations.DEFAULT_STEEPNESS));
            });
        }
    }

    private static <T> T none(String name, Map<String, Double> args, T activation) {
        only(name, args);
        return activation;
    }

    private static void only(String name, Map<String, Double> args, String... known) {
        for (String key : args.keySet()) {
            if (!List.of(known).contains(key)) {
                throw new IllegalArgumentException("activation '" + name + "' has no argument '" + key + "'"
                        + (known.length == 0 ? "; it takes none" : "; it takes " + String.join(", ", known)));
            }
        }
    }
}
