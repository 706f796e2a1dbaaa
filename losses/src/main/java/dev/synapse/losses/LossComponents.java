package dev.synapse.losses;

import dev.synapse.core.io.ComponentProvider;
import dev.synapse.core.io.Registry;

/**
 * Registers the built-in losses by the names model files store — {@code sse}, {@code half-sse}, {@code mse}, the
 * cross-entropies ({@code categorical-crossentropy}, {@code sparse-categorical-crossentropy},
 * {@code binary-crossentropy}) and FANN's four ({@code fann-mse}, {@code fann-mse-symmetric}, {@code fann-mse-linear}, {@code fann-mse-linear-symmetric}) —
 * found by {@link java.util.ServiceLoader} through {@code META-INF/services/dev.synapse.core.io.ComponentProvider}.
 */
public final class LossComponents implements ComponentProvider {

    @Override
    public void register(Registry registry) {
        registry.registerLoss("sse", Losses::sumSquaredError)
                .registerLoss("half-sse", Losses::halfSumSquaredError)
                .registerLoss("mse", Losses::meanSquaredError)
                .registerLoss(Losses.categoricalCrossEntropy().name(), Losses::categoricalCrossEntropy)
                .registerLoss(Losses.sparseCategoricalCrossEntropy().name(), Losses::sparseCategoricalCrossEntropy)
                .registerLoss(Losses.binaryCrossEntropy().name(), Losses::binaryCrossEntropy);
        for (boolean symmetric : new boolean[] {false, true}) {
            registry.registerLoss(Losses.fannMse(symmetric).name(), () -> Losses.fannMse(symmetric))
                    .registerLoss(Losses.fannMseLinear(symmetric).name(), () -> Losses.fannMseLinear(symmetric));
        }
    }
}
