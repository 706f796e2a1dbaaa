package dev.synapse.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Secondary JMH metrics in the units of benchmarks.md: JMH divides each field by the measured time, so
 * {@code samples} reads as samples/s and {@code gflop} as GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class Counters {

    /** Training samples processed; reported as samples per second. */
    public long samples;
    /** Billions of floating-point operations; reported as GFLOP/s. */
    public double gflop;

    @Setup(Level.Iteration)
    public void clean() {
        samples = 0;
        gflop = 0;
    }
}
