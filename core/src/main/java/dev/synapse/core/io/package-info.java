/**
 * Model files: the versioned, documented JSON format that {@code Sequential.save/load} and {@code ModelFile} (both
 * in {@code core.model}) write and read, as plain {@link dev.synapse.core.io.StoredModel} data (layers, loss,
 * scalers); {@link dev.synapse.core.io.Registry} maps the names a file stores to factories. The extension points
 * are {@link dev.synapse.core.io.ActivationFactory}, {@link dev.synapse.core.io.LayerFactory} and
 * {@link dev.synapse.core.io.ComponentProvider}, which each module lists in {@code META-INF/services} to register
 * its built-ins.
 *
 * <pre>{@code
 * StoredModel stored = StoredModel.read(Path.of("model.json"), Registry.global());
 * stored.write(Path.of("copy.json"), Registry.global());
 * }</pre>
 *
 * <p>How the parts depend on each other: this package uses {@code dev.synapse.core} (layers, losses, activations,
 * matrices) and {@code core.data} (scalers), and never {@code core.model}; {@code core.model} uses it, so the
 * dependencies point one way ({@code PackageDependenciesTest} keeps them so). Reading is {@code ModelReader}: parse
 * ({@code ModelParser}, {@code JsonFields}), validate ({@code RawModelCheck}), build ({@code ModelAssembler});
 * writing is {@code ModelWriter} over {@link dev.synapse.core.io.AtomicFile}; the version lives in
 * {@code ModelFormat}. A new layer kind is a {@link dev.synapse.core.io.LayerFactory} registered under its type
 * name; the format code does not change.
 *
 * <p>The format is described in {@code docs/model-format.md}. Loading never runs code named by the file and never
 * uses reflection or Java serialization.
 */
package dev.synapse.core.io;
