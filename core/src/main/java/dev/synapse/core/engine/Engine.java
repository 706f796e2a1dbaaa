package dev.synapse.core.engine;

/**
 * The arithmetic behind {@link dev.synapse.core.Matrix}: every matrix product goes through one engine, so layers
 * and losses never know how it is done.
 *
 * <p>Arrays are dense and row-major with no padding. Implementations must be thread-safe and must give the same
 * answers as {@link PureJavaEngine} up to rounding (a different summation order).
 */
public interface Engine {

    /** A short, stable name shown in diagnostics, e.g. {@code "pure-java"}. */
    String name();

    /**
     * Computes {@code c = op(a)·op(b)}, or {@code c += op(a)·op(b)} when {@code accumulate} is set, where the
     * result is m×n and the inner dimension is k. The stored shapes of {@code a} and {@code b} follow {@code form}.
     * Shapes are checked by the caller.
     */
    void multiply(Product form, double[] a, double[] b, double[] c, int m, int n, int k, boolean accumulate);
}
