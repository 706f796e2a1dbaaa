/**
 * {@link dev.synapse.engine.vector.VectorEngine}, an {@link dev.synapse.core.engine.Engine} on the JDK's Vector
 * API (jdk.incubator.vector). Put {@code synapse-engine-vector} on the class path and start the JVM with
 * {@code --add-modules jdk.incubator.vector}; {@code Engines.current().name()} then says {@code "vector"}. Without
 * the flag the engine cannot link and Synapse uses the pure-Java engine, silently, with the same answers to
 * rounding. Its sigmoid runs on a vector exp of its own that gives the same bits interpreted and compiled.
 */
package dev.synapse.engine.vector;
