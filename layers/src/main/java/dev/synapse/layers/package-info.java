/**
 * The built-in layers — {@link dev.synapse.layers.Dense} — and weight initializers
 * ({@link dev.synapse.layers.Initializers}). The extension points are {@link dev.synapse.core.Layer} and
 * {@link dev.synapse.core.LayerSpec}.
 */
package dev.synapse.layers;
