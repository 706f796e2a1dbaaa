package dev.synapse.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes a piece of work allocates on the calling thread, as the JVM counts them ({@code
 * com.sun.management.ThreadMXBean}): what the "allocates nothing per batch" tests compare between a short and a long
 * run of the same warm loop. Allocations of other threads (an engine's workers) are not counted.
 */
public final class Allocations {

    private Allocations() {}

    /** The bytes {@code work} allocated on this thread. */
    public static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long start = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - start;
    }
}
