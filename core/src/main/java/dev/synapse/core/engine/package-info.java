/**
 * The kernel layer: every matrix product and element-wise pass of training goes through an
 * {@link dev.synapse.core.engine.Engine}, so layers never know how the arithmetic is done.
 *
 * <ul>
 *   <li>{@link dev.synapse.core.engine.Engine} — the small SPI: products in three forms
 *       ({@link dev.synapse.core.engine.Product}), axpy, bias add, column sums, exp, sigmoid and ReLU with their
 *       chain rules;</li>
 *   <li>{@link dev.synapse.core.engine.PackedEngine} — what engines share: small/packed/threaded paths, packing
 *       of all three forms into one panel layout, per-thread buffers, the worker pool; a subclass adds one
 *       micro-kernel;</li>
 *   <li>{@link dev.synapse.core.engine.PureJavaEngine} — always present: a 4×3 {@code Math.fma} tile;</li>
 *   <li>{@link dev.synapse.core.engine.Engines} — which engine is in use ({@code ServiceLoader} discovery by
 *       priority, {@code -Dsynapse.engine}), and how many threads large products use ({@code setThreads},
 *       {@code -Dsynapse.threads});</li>
 *   <li>{@link dev.synapse.core.engine.EngineCheck} — the contract every engine's tests run.</li>
 * </ul>
 *
 * <p>Every kernel has a {@code float[]} twin for float32 matrices; a float product has one definition every engine
 * meets bit for bit ({@link dev.synapse.core.engine.Engine}), checked by
 * {@link dev.synapse.core.engine.FloatEngineCheck}.
 *
 * <p>Every engine is reproducible: the same call gives the same bits on every run, for any thread count, cold or
 * warm JIT (see {@link dev.synapse.core.engine.Engine}); engines may differ from each other in the last bits.
 *
 * <p>The extension point is {@code Engine}, registered in {@code META-INF/services}; the Vector API engine in
 * {@code synapse-engine-vector} is the example.
 */
package dev.synapse.core.engine;
