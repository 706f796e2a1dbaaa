package dev.synapse.core.io;

/**
 * Registers a module's components with a {@link Registry}, found through {@link java.util.ServiceLoader}: each
 * module that ships activations, layers or losses lists its provider in
 * {@code META-INF/services/dev.synapse.core.io.ComponentProvider}, so {@link Registry#global()} knows every
 * built-in on the classpath.
 *
 * <pre>{@code
 * public final class MyComponents implements ComponentProvider {
 *     public void register(Registry registry) {
 *         registry.registerActivation("softsign", args -> new Softsign());
 *     }
 * }
 * }</pre>
 */
public interface ComponentProvider {

    /**
     * Adds this module's components to {@code registry}.
     *
     * @param registry the registry to add activations, layer types and losses to
     */
    void register(Registry registry);
}
