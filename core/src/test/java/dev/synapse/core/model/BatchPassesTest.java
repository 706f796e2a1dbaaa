package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.TwoThreads;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The batch's row gathering and gradient clearing, split across two threads when large, element for element. */
@ExtendWith(TwoThreads.class)
class BatchPassesTest {

    /** Rows of 777 values: a batch of 64 is 49,728 elements, past the split threshold, and ranges end inside rows. */
    private static final int COLS = 777;

    private final BatchPasses passes = new BatchPasses();

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aLargeBatchIsGatheredOnTheThreadsRowForRowInTheShuffledOrder(Precision precision) {
        Matrix source = new Matrix(500, COLS);
        for (int i = 0; i < source.size(); i++) {
            source.set(i / COLS, i % COLS, i * 0.25 - 7);
        }
        source = source.toPrecision(precision);
        Matrix batch = new Matrix(64, COLS).toPrecision(precision);
        int[] order = new int[500];
        for (int i = 0; i < order.length; i++) {
            order[i] = (i * 193 + 11) % 500;
        }
        long requests = Engines.splitRequests();

        passes.gather(source, order, 100, batch);

        assertThat(Engines.splitRequests()).as("the gather asked for the threads").isGreaterThan(requests);
        for (int r = 0; r < batch.rows(); r++) {
            int from = order[100 + r];
            for (int c = 0; c < COLS; c++) {
                assertThat(batch.get(r, c)).as("row %d (source row %d), column %d", r, from, c)
                        .isEqualTo((from * COLS + c) * 0.25 - 7);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aLargeGradientIsClearedOnTheThreadsToZeroEverywhere(Precision precision) {
        Matrix gradient = new Matrix(100, COLS).fill(3.5).toPrecision(precision);
        long requests = Engines.splitRequests();

        passes.clear(gradient);

        assertThat(Engines.splitRequests()).isGreaterThan(requests);
        for (int i = 0; i < gradient.size(); i++) {
            assertThat(gradient.element(i)).as("element %d", i).isEqualTo(0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aSmallBatchIsGatheredOnTheCallersThread(Precision precision) {
        Matrix source = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}).toPrecision(precision);
        Matrix batch = new Matrix(2, 2).toPrecision(precision);
        long requests = Engines.splitRequests();

        passes.gather(source, new int[] {2, 0, 1}, 0, batch);

        assertThat(Engines.splitRequests()).as("too small to ask for the threads").isEqualTo(requests);
        assertThat(batch.toPrecision(Precision.FLOAT64).data()).containsExactly(5, 6, 1, 2);
    }
}
