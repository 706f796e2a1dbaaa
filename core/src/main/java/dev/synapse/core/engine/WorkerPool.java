package dev.synapse.core.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of daemon threads that run the parts of one task alongside the caller's thread. Handing work over
 * allocates nothing: each worker has a slot for the task and its part number, and the caller waits on a counter
 * (spinning for about a millisecond, then parking). Only one task runs at a time; {@link PackedEngine} guards it with a lock and
 * computes on the caller's thread alone when the pool is busy ({@link #tryLock()}).
 */
final class WorkerPool {

    /** The body of a task; {@code part} runs from 0 (the caller's thread) to {@code parts - 1}. */
    interface Task {
        void run(int part, int parts);
    }

    /*
     * How long a waiting thread spins before it parks: about a millisecond. Training runs serial passes (activations,
     * small products, the optimizer) between threaded products; a worker that parked during them costs an unpark,
     * tens of microseconds, at the next product. W3 measured 66-89k samples/s against 61-86k with a tenth of this.
     * {@code -Dsynapse.spins=n} tunes it.
     */
    private static final int SPINS = Integer.getInteger("synapse.spins", 1 << 15);

    /** What each calling thread has set and asked for; one object per thread, so reading it boxes nothing. */
    private static final ThreadLocal<Caller> CALLER = ThreadLocal.withInitial(Caller::new);

    /** A calling thread's setting ({@link Engines#useWorkers}) and count of requests ({@link #splitRequests()}). */
    private static final class Caller {
        boolean alone;
        long splitRequests;
    }

    private final Worker[] workers;
    private final ReentrantLock busy = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A pool that, with the caller's thread, runs {@code threads} parts at once. */
    WorkerPool(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    /** Threads a task can use: the workers plus the caller's. */
    int threads() {
        return workers.length + 1;
    }

    /**
     * Reserves the pool for one {@link #run}, for an operation large enough to split; false when another thread (of
     * any engine) is using it, or when the calling thread has asked to compute alone. Either way the request is
     * counted ({@link #splitRequests()}). Uncontended, it allocates nothing.
     */
    boolean tryLock() {
        Caller state = CALLER.get();
        state.splitRequests++;
        return !state.alone && busy.tryLock();
    }

    /** Whether the calling thread's threaded operations use the workers. */
    static boolean usesWorkers() {
        return !CALLER.get().alone;
    }

    /** Sets whether the calling thread's threaded operations use the workers; returns what was set before. */
    static boolean useWorkers(boolean use) {
        Caller state = CALLER.get();
        boolean before = !state.alone;
        state.alone = !use;
        return before;
    }

    /** How many times the calling thread has asked for the pool ({@link #tryLock()}), granted or not. */
    static long splitRequests() {
        return CALLER.get().splitRequests;
    }

    void unlock() {
        busy.unlock();
    }

    /** Runs parts 1..parts-1 on workers and part 0 here; returns when all are done and rethrows a failure. */
    void run(Task task, int parts) {
        if (parts < 1 || parts > threads()) {
            throw new IllegalArgumentException("parts must be in 1.." + threads() + ", got " + parts);
        }
        failure = null;
        caller = Thread.currentThread();
        pending.set(parts - 1);
        for (int p = 1; p < parts; p++) {
            workers[p - 1].submit(task, parts);
        }
        Throwable own = null;
        try {
            task.run(0, parts);
        } catch (Throwable t) {
            own = t;
        }
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        Throwable failed = own != null ? own : failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        } else if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /** Stops the workers once they finish what they run. */
    void shutdown() {
        for (Worker w : workers) {
            w.stopped = true;
            LockSupport.unpark(w);
        }
    }

    private final class Worker extends Thread {

        private final int part;
        private int parts;
        private volatile Task task;
        private volatile boolean stopped;

        Worker(int part) {
            super("synapse-engine-" + part);
            this.part = part;
            setDaemon(true);
        }

        void submit(Task t, int parts) {
            this.parts = parts;
            this.task = t;       // volatile write publishes parts
            LockSupport.unpark(this);
        }

        @Override
        public void run() {
            int spins = 0;
            while (true) {
                Task t = task;
                if (t == null) {
                    // A task submitted before shutdown still runs: its caller is waiting for it.
                    if (stopped) {
                        return;
                    }
                    if (++spins < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.park(this);
                    }
                    continue;
                }
                spins = 0;
                task = null;
                try {
                    t.run(part, parts);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    if (pending.decrementAndGet() == 0) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        }
    }
}
