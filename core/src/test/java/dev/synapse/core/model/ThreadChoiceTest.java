package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.TwoThreads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The measured choice between threaded and one-thread batches, on a clock the test advances. */
@ExtendWith(TwoThreads.class)
class ThreadChoiceTest {

    private static final long MS = 1_000_000L;

    private long now;
    /** Operations large enough to split: every batch asks for one unless a test says otherwise. */
    private long splitRequests;
    private boolean batchesSplit = true;
    private int clockReads;
    private final ThreadChoice choice = new ThreadChoice(() -> {
        clockReads++;
        return now;
    }, () -> splitRequests);
    /** The way each batch ran: true threaded. */
    private final List<Boolean> ways = new ArrayList<>();

    /** Runs {@code count} batches of 64 samples costing {@code threadedMs} threaded and {@code aloneMs} alone. */
    private void batches(int count, long threadedMs, long aloneMs) {
        for (int i = 0; i < count; i++) {
            choice.beforeBatch();
            boolean threaded = Engines.usesWorkers();
            assertThat(threaded).isEqualTo(choice.threaded());
            ways.add(threaded);
            if (batchesSplit) {
                splitRequests++;
            }
            now += (threaded ? threadedMs : aloneMs) * MS;
            choice.afterBatch(64);
        }
    }

    @Test
    void onOneThreadTheBatchesAreThreadedWhenThatIsFaster() {
        choice.begin(true);
        batches(200, 1, 3);
        choice.end();

        // The one-thread trial: a settling batch and 7 counted ones of 3 ms; then the threaded trial, which wins.
        assertThat(ways.subList(0, 8)).containsOnly(false);
        assertThat(ways.subList(40, 200)).containsOnly(true);
        assertThat(Engines.usesWorkers()).isTrue();
    }

    @Test
    void theBatchesRunAloneWhenThatIsFasterAndTheThreadLeavesTheFitAsItCameIn() {
        choice.begin(true);
        batches(300, 4, 1);
        assertThat(Engines.usesWorkers()).isFalse();
        choice.end();

        assertThat(ways.subList(40, 300)).containsOnly(false);
        assertThat(Engines.usesWorkers()).isTrue();
    }

    @Test
    void theFirstBatchAfterASwitchIsNotCounted() {
        choice.begin(true);
        // The first one-thread batch costs 100 ms (moving the data), every later one 2 ms, threaded 3 ms.
        choice.beforeBatch();
        splitRequests++;
        now += 100 * MS;
        choice.afterBatch(64);
        batches(300, 3, 2);
        choice.end();

        assertThat(ways.subList(50, 300)).containsOnly(false);
    }

    @Test
    void theWaysAreTimedAgainAndAChangeOfSpeedChangesTheChoice() {
        choice.begin(true);
        batches(200, 1, 3);
        assertThat(ways.get(ways.size() - 1)).isTrue();

        // Threaded batches slow down fourfold: within a few seconds of batches the choice turns to one thread.
        batches(3000, 4, 3);
        choice.end();

        assertThat(ways.subList(ways.size() - 100, ways.size())).containsOnly(false);
        long trials = ways.subList(200, ways.size()).stream().filter(t -> !t).count();
        assertThat(trials).isGreaterThan(2000);
    }

    @Test
    void aWinningWayRunsLongerEachTimeItWinsUpToTheLimit() {
        choice.begin(true);
        batches(20000, 1, 2);
        choice.end();

        // One-thread batches run only in trials: each cycle has at least 11 of them (a settling batch and 10 of 2 ms)
        // against at least RUN_FACTOR * 31 ms * streak of threaded ones.
        long alone = ways.stream().filter(t -> !t).count();
        long cycles = countRuns(ways, false);
        assertThat(alone).isGreaterThanOrEqualTo(11 * cycles);
        long threaded = ways.size() - alone;
        assertThat(threaded).isGreaterThan((long) ThreadChoice.MAX_STREAK * ThreadChoice.RUN_FACTOR * 20 * (cycles - 4));
    }

    @Test
    void withOneThreadOrWhenNotAskedNothingIsMeasuredOrSwitched() {
        choice.begin(false);
        batches(100, 5, 1);
        choice.end();
        Engines.setThreads(1);
        choice.begin(true);
        batches(100, 5, 1);
        choice.end();

        assertThat(ways).containsOnly(true);
    }

    @Test
    void aFitWithNothingToSplitStopsMeasuringAfterItsFirstBatch() {
        batchesSplit = false;
        choice.begin(true);
        batches(1, 5, 1);
        int readsAfterFirstBatch = clockReads;
        batches(1000, 5, 1);
        choice.end();

        // The first batch ran as a trial of one thread; nothing split, so the rest ran untimed on the thread's setting.
        assertThat(ways.get(0)).isFalse();
        assertThat(ways.subList(1, ways.size())).containsOnly(true);
        assertThat(clockReads).isEqualTo(readsAfterFirstBatch);

        // The next fit of the same model, whose batches do split, measures again.
        batchesSplit = true;
        ways.clear();
        choice.begin(true);
        batches(300, 4, 1);
        choice.end();
        assertThat(ways.subList(40, 300)).containsOnly(false);
    }

    /** How many maximal runs of {@code value} the list holds. */
    private static long countRuns(List<Boolean> list, boolean value) {
        long runs = 0;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == value && (i == 0 || list.get(i - 1) != value)) {
                runs++;
            }
        }
        return runs;
    }
}
