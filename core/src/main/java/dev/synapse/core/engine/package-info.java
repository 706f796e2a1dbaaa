/**
 * The kernel layer: {@link dev.synapse.core.engine.Engine} does the arithmetic behind
 * {@link dev.synapse.core.Matrix}, {@link dev.synapse.core.engine.PureJavaEngine} is the engine that is always
 * present, and {@link dev.synapse.core.engine.Engines} says which one is in use.
 */
package dev.synapse.core.engine;
