package dev.synapse.core.model;

import dev.synapse.core.engine.Engines;
import java.util.function.LongSupplier;

/**
 * Whether a training's batches use the engine's worker threads, decided by timing both ways on the batches
 * themselves. A threaded batch splits its large products and updates across cores, and then pays for moving each
 * core's share of the weights, gradients and batch to the other; on a machine where that is slow (two virtual CPUs
 * a hypervisor places far apart, for a few seconds at a time) it loses to one thread. Both ways give the same bits
 * ({@link Engines#useWorkers}), so the choice changes only the speed.
 *
 * <p>The way that is not in use is timed first, then the one in use, each over batches worth at least {@link
 * #TRIAL_NANOS} after one batch that is not counted (the first batch after a switch moves the data to where the new
 * way wants it). The faster per sample then runs for {@link #RUN_FACTOR} times as long as the two trials took, twice
 * that if it also won the trial before, up to {@link #MAX_STREAK} times, before both are timed again. One instance
 * lives with a model's training buffers, so what it learned carries over from one {@code fit} to the next.
 */
final class ThreadChoice {

    /** Each way is timed over at least this much batch time: 20 ms. */
    static final long TRIAL_NANOS = 20_000_000L;
    /** The faster way runs this many times as long as the trials took. */
    static final int RUN_FACTOR = 16;
    /** A way that keeps winning runs up to this many times longer than after its first win. */
    static final int MAX_STREAK = 4;

    private enum Phase { TRY_OTHER, TRY_CURRENT, RUN }

    private final LongSupplier clock;
    private final LongSupplier splitRequests;
    private boolean active;
    /** Whether this fit's first batch is still to show that it has work to split. */
    private boolean firstBatch;
    private long requestsAtStart;
    private boolean restoreTo = true;
    /** The way that won the last trial (threaded before any trial). */
    private boolean current = true;
    /** The way the next batch runs. */
    private boolean way = true;
    private Phase phase = Phase.RUN;
    /** When the way in use has run its time; at construction, so that the first batch starts a trial. */
    private long runUntil;
    private int streak;
    private boolean settling;
    private long batchStart;
    private long timed;
    private long timedSamples;
    private long trialsTook;
    private double otherNanosPerSample;

    /**
     * @param clock the time in nanoseconds
     * @param splitRequests the calling thread's count of operations large enough to split ({@link
     *     Engines#splitRequests()})
     */
    ThreadChoice(LongSupplier clock, LongSupplier splitRequests) {
        this.clock = clock;
        this.splitRequests = splitRequests;
        this.runUntil = clock.getAsLong();
    }

    ThreadChoice() {
        this(System::nanoTime, Engines::splitRequests);
    }

    /**
     * Starts a fit: active only when the engine has workers to use and the training asks for the measurement, and
     * only for as long as the first batch takes to show that it has work to split. A model whose products are all
     * too small to thread (the tutorials' networks) runs every batch untimed after the first.
     */
    void begin(boolean measure) {
        active = measure && Engines.threads() > 1;
        if (active) {
            restoreTo = Engines.useWorkers(way);
            firstBatch = true;
            requestsAtStart = splitRequests.getAsLong();
        }
    }

    /** Ends a fit, leaving the calling thread's setting as it found it. */
    void end() {
        if (active) {
            Engines.useWorkers(restoreTo);
            active = false;
        }
    }

    /** Before a batch: starts the next trial when the faster way has run its time. */
    void beforeBatch() {
        if (!active) {
            return;
        }
        long now = clock.getAsLong();
        if (phase == Phase.RUN) {
            if (now - runUntil < 0) {
                return;
            }
            phase = Phase.TRY_OTHER;
            trialsTook = 0;
            startTrial(!current);
        }
        batchStart = now;
    }

    /** After a batch of {@code samples} rows: counts it towards the trial under way. */
    void afterBatch(int samples) {
        if (!active) {
            return;
        }
        if (firstBatch) {
            firstBatch = false;
            if (splitRequests.getAsLong() == requestsAtStart) {
                stopMeasuring();
                return;
            }
        }
        if (phase == Phase.RUN) {
            return;
        }
        long now = clock.getAsLong();
        long took = now - batchStart;
        trialsTook += took;
        if (settling) {
            settling = false;
            return;
        }
        timed += took;
        timedSamples += samples;
        if (timed < TRIAL_NANOS) {
            return;
        }
        double nanosPerSample = (double) timed / timedSamples;
        if (phase == Phase.TRY_OTHER) {
            otherNanosPerSample = nanosPerSample;
            phase = Phase.TRY_CURRENT;
            startTrial(current);
            return;
        }
        boolean winner = otherNanosPerSample < nanosPerSample ? !current : current;
        streak = winner == current ? Math.min(streak + 1, MAX_STREAK) : 1;
        current = winner;
        setWay(winner);
        phase = Phase.RUN;
        runUntil = now + RUN_FACTOR * trialsTook * streak;
    }

    /** Whether the next batch uses the workers. */
    boolean threaded() {
        return way;
    }

    /** For the rest of a fit that has nothing to split: untimed, on the thread's own setting; a trial is dropped. */
    private void stopMeasuring() {
        phase = Phase.RUN;
        way = current;
        end();
    }

    private void startTrial(boolean trying) {
        setWay(trying);
        settling = true;
        timed = 0;
        timedSamples = 0;
    }

    private void setWay(boolean threaded) {
        if (threaded != way) {
            way = threaded;
            Engines.useWorkers(threaded);
        }
    }
}
