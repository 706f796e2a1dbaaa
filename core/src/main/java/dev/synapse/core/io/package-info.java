/**
 * Model files: {@link dev.synapse.core.io.ModelFile} saves a model (with its scalers) to one versioned,
 * documented JSON file and loads it back, validating everything; {@link dev.synapse.core.io.Registry} maps the
 * names a file stores to factories. The extension points are {@link dev.synapse.core.io.ActivationFactory},
 * {@link dev.synapse.core.io.LayerFactory} and {@link dev.synapse.core.io.ComponentProvider}, which each module
 * lists in {@code META-INF/services} to register its built-ins.
 *
 * <pre>{@code
 * model.save(Path.of("model.json"));
 * Sequential same = Sequential.load(Path.of("model.json"));
 * }</pre>
 *
 * <p>The format is described in {@code docs/model-format.md}. Loading never runs code named by the file and never
 * uses reflection or Java serialization.
 */
package dev.synapse.core.io;
