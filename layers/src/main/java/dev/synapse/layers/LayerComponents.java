package dev.synapse.layers;

import dev.synapse.core.io.ComponentProvider;
import dev.synapse.core.io.LayerFactory;
import dev.synapse.core.io.Registry;

/**
 * Registers the built-in layer types, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.synapse.core.io.ComponentProvider}. Each type is one {@link LayerFactory} in its own
 * file ({@link DenseFactory} for {@code "dense"}, {@link DropoutFactory} for {@code "dropout"}, {@code SparseFactory},
 * {@code ShortcutFactory}); a new layer kind is a new factory and one line here (and, as docs/model-format.md says,
 * a new format version when older readers would refuse it).
 */
public final class LayerComponents implements ComponentProvider {

    @Override
    public void register(Registry registry) {
        registry.registerLayer("dense", new DenseFactory());
        registry.registerLayer("dropout", new DropoutFactory());
        registry.registerLayer("sparse", new SparseFactory());
        registry.registerLayer("shortcut", new ShortcutFactory());
    }
}
