/**
 * The built-in layers — {@link dev.synapse.layers.Dense} (with an optional L2 penalty),
 * {@link dev.synapse.layers.Dropout}, {@link dev.synapse.layers.Sparse} (masked connections) and
 * {@link dev.synapse.layers.Shortcut} (input passed on beside new units) — and weight initializers
 * ({@link dev.synapse.layers.Initializers}). The extension points are {@link dev.synapse.core.Layer} and
 * {@link dev.synapse.core.LayerSpec}.
 */
package dev.synapse.layers;
