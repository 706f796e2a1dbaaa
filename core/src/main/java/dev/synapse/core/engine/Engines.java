package dev.synapse.core.engine;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Which {@link Engine} does the arithmetic, and how many threads large products use.
 *
 * <pre>{@code
 * Engines.current().name();        // "vector" when synapse-engine-vector is on the class path and the JVM runs
 *                                  // with --add-modules jdk.incubator.vector; "pure-java" otherwise
 * Engines.available();             // every engine that loaded, best first
 * Engines.setThreads(1);           // large products on the caller's thread only
 * Engines.use(Engines.pureJava()); // pick an engine explicitly
 * }</pre>
 *
 * <p>At first use, engines listed as {@code META-INF/services/dev.synapse.core.engine.Engine} are loaded with
 * {@link ServiceLoader}; the one with the highest {@link Engine#priority()} wins over the always-present
 * {@link PureJavaEngine}. An engine that cannot load (a missing JDK module, a linkage error) is skipped silently.
 * System properties set the defaults: {@code -Dsynapse.engine=pure-java} picks an engine by name,
 * {@code -Dsynapse.threads=N} the thread count (default: {@link Runtime#availableProcessors()}). The library prints
 * nothing; what is in use is visible through {@link #current()}, {@link #threads()} and {@link #describe()}.
 */
public final class Engines {

    private static final List<Engine> AVAILABLE = discover();
    private static volatile Engine current = choose(AVAILABLE, System.getProperty("synapse.engine"));
    private static volatile int threads = defaultThreads();
    private static WorkerPool pool;

    private Engines() {}

    /**
     * The engine in use.
     *
     * @return the engine every matrix operation goes through now, never null
     */
    public static Engine current() {
        return current;
    }

    /**
     * Every engine that loaded, highest priority first; the pure-Java engine is always among them.
     *
     * @return the loaded engines, immutable, highest priority first
     */
    public static List<Engine> available() {
        return AVAILABLE;
    }

    /**
     * The always-present pure-Java engine.
     *
     * @return the pure-Java engine, which needs no JVM flag
     */
    public static Engine pureJava() {
        return PureJavaEngine.INSTANCE;
    }

    /**
     * Makes {@code engine} the one in use for every matrix from now on.
     *
     * @param engine the engine to use, e.g. {@link #pureJava()} to compare answers
     */
    public static void use(Engine engine) {
        checkArgument(engine != null, "engine must not be null; Engines.pureJava() is always available");
        current = engine;
    }

    /**
     * The engine named {@code name} among {@link #available()}.
     *
     * @param name an engine's {@link Engine#name()}, e.g. {@code "vector"}
     * @return the loaded engine of that name
     * @throws IllegalArgumentException if no engine of that name loaded
     */
    public static Engine named(String name) {
        for (Engine e : AVAILABLE) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no engine named '" + name + "'; available: " + names()
                + ". The vector engine needs synapse-engine-vector on the class path and the JVM flag "
                + "--add-modules jdk.incubator.vector");
    }

    /**
     * Threads a large product uses, counting the caller's.
     *
     * @return the number of threads, at least 1; the number of processors unless set
     */
    public static int threads() {
        return threads;
    }

    /**
     * Sets the threads large products use, counting the caller's; 1 computes everything on the caller's thread.
     *
     * @param count the number of threads, at least 1
     * @throws IllegalArgumentException if {@code count} is below 1
     */
    public static synchronized void setThreads(int count) {
        checkArgument(count >= 1, "thread count must be at least 1, got %s", count);
        if (count != threads) {
            threads = count;
            if (pool != null) {
                pool.shutdown();
                pool = null;
            }
        }
    }

    /**
     * Sets whether the calling thread's large products and element-wise passes may use the engine's worker threads
     * ({@link #threads()} of them, counting the caller's); false computes them on the calling thread alone until it is
     * set back. The results are the same bits either way: only where the work runs changes. Training uses this to
     * run each batch the faster way ({@code Training.measuredThreads(boolean)}); other threads are not affected.
     *
     * @param use whether to use the workers (the default for every thread)
     * @return the setting before this call, for restoring it
     */
    public static boolean useWorkers(boolean use) {
        return WorkerPool.useWorkers(use);
    }

    /**
     * Whether the calling thread's large products and element-wise passes may use the worker threads ({@link
     * #useWorkers(boolean)}); during a training, whether the batch under way does.
     *
     * @return true unless the calling thread has set it off
     */
    public static boolean usesWorkers() {
        return WorkerPool.usesWorkers();
    }

    /**
     * How many operations the calling thread has started that were large enough to split across the worker threads,
     * whether they then used the workers or ran alone ({@link #useWorkers(boolean)}, or the workers were busy with
     * another thread's operation). A training compares it before and after a batch: a batch that asks for no split
     * runs the same way with or without the workers, so there is nothing to measure.
     *
     * @return the calling thread's count since it started; it only grows
     */
    public static long splitRequests() {
        return WorkerPool.splitRequests();
    }

    /**
     * A one-line summary for diagnostics, e.g. {@code "vector, 2 threads; available: [vector, pure-java]"}.
     *
     * @return a single line naming the current engine, its threads and the loaded engines
     */
    public static String describe() {
        Engine e = current;
        return e.name() + ", " + threads + (threads == 1 ? " thread" : " threads") + "; available: " + names();
    }

    /** The pool that runs threaded products, created on first use with {@link #threads()} threads. */
    static synchronized WorkerPool pool() {
        if (pool == null || pool.threads() != threads) {
            pool = new WorkerPool(threads);
        }
        return pool;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Engine e : AVAILABLE) {
            names.add(e.name());
        }
        return names;
    }

    private static int defaultThreads() {
        String property = System.getProperty("synapse.threads");
        if (property != null) {
            try {
                int n = Integer.parseInt(property.trim());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the machine's size
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static List<Engine> discover() {
        List<Engine> found = new ArrayList<>();
        found.add(PureJavaEngine.INSTANCE);
        try {
            Iterator<Engine> it = ServiceLoader.load(Engine.class, Engines.class.getClassLoader()).iterator();
            for (int attempts = 0; attempts < 64; attempts++) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    Engine e = it.next();
                    if (!(e instanceof PureJavaEngine)) {
                        found.add(e);
                    }
                } catch (ServiceConfigurationError | LinkageError | RuntimeException unavailable) {
                    // An engine that cannot run on this JVM (e.g. without --add-modules jdk.incubator.vector).
                    continue;
                }
            }
        } catch (ServiceConfigurationError | LinkageError | RuntimeException broken) {
            // No usable service configuration: the pure-Java engine alone.
        }
        found.sort((x, y) -> Integer.compare(y.priority(), x.priority()));
        return Collections.unmodifiableList(found);
    }

    private static Engine choose(List<Engine> engines, String name) {
        if (name != null && !name.isBlank()) {
            for (Engine e : engines) {
                if (e.name().equals(name.trim())) {
                    return e;
                }
            }
        }
        return engines.get(0);
    }
}
