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
 * <p>How the parts depend on each other: the format works on plain data, {@link dev.synapse.core.io.StoredModel}
 * (layers, loss, scalers), and knows nothing of {@code core.model}. Reading is {@code ModelReader}: parse
 * ({@code ModelParser}, {@code JsonFields}), validate ({@code RawModelCheck}), build ({@code ModelAssembler});
 * writing is {@code ModelWriter} over {@link dev.synapse.core.io.AtomicFile}; the version lives in
 * {@code ModelFormat}. {@code Sequential.save/load} use {@code StoredModel}; only {@code ModelFile}, the bundle of
 * a {@code Sequential} and its scalers, refers to {@code core.model}, and nothing in the format refers to it. A new
 * layer kind is a {@link dev.synapse.core.io.LayerFactory} registered under its type name; the format code does not
 * change.
 *
 * <p>The format is described in {@code docs/model-format.md}. Loading never runs code named by the file and never
 * uses reflection or Java serialization.
 */
package dev.synapse.core.io;
