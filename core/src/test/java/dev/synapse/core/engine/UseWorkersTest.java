package dev.synapse.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TwoThreads.class)
class UseWorkersTest {

    @Test
    void withoutWorkersEveryRangeRunsOnTheCallingThreadAndWithThemOnBoth() {
        int n = 4 * ParallelRanges.MIN_ELEMENTS;

        assertThat(Engines.useWorkers(false)).isTrue();
        assertThat(Engines.usesWorkers()).isFalse();
        assertThat(threadsRunning(n)).containsExactly(Thread.currentThread().getName());

        assertThat(Engines.useWorkers(true)).isFalse();
        assertThat(threadsRunning(n)).contains(Thread.currentThread().getName(), "synapse-engine-1").hasSize(2);
    }

    @Test
    void aThreadWithoutWorkersLeavesOtherThreadsTheirs() throws Exception {
        Engines.useWorkers(false);

        boolean other = CompletableFuture.supplyAsync(Engines::usesWorkers).get();

        assertThat(other).isTrue();
        assertThat(Engines.usesWorkers()).isFalse();
    }

    @Test
    void aLargeProductGivesTheSameBitsWithAndWithoutWorkers() {
        // 256 x 300 by 300 x 200: 30M floating-point operations, the threaded path.
        Matrix a = random(256, 300, new Random(3));
        Matrix b = random(300, 200, new Random(4));
        Matrix threaded = new Matrix(256, 200);
        Matrix.multiply(Product.A_B, a, b, threaded, false);

        Engines.useWorkers(false);
        Matrix alone = new Matrix(256, 200);
        Matrix.multiply(Product.A_B, a, b, alone, false);

        assertThat(Arrays.equals(alone.data(), threaded.data())).isTrue();
    }

    @Test
    void largeOperationsCountAsSplitRequestsWithOrWithoutWorkersAndSmallOnesDoNot() {
        Matrix a = random(256, 300, new Random(5));
        Matrix b = random(300, 200, new Random(6));
        Matrix c = new Matrix(256, 200);
        Matrix smallA = random(4, 3, new Random(7));
        Matrix smallB = random(3, 4, new Random(8));
        Matrix smallC = new Matrix(4, 4);

        long before = Engines.splitRequests();
        Matrix.multiply(Product.A_B, smallA, smallB, smallC, false);
        threadsRunning(16);
        assertThat(Engines.splitRequests()).isEqualTo(before);

        Matrix.multiply(Product.A_B, a, b, c, false);
        threadsRunning(4 * ParallelRanges.MIN_ELEMENTS);
        assertThat(Engines.splitRequests()).isEqualTo(before + 2);

        Engines.useWorkers(false);
        Matrix.multiply(Product.A_B, a, b, c, false);
        assertThat(Engines.splitRequests()).isEqualTo(before + 3);
    }

    private static Matrix random(int rows, int cols, Random random) {
        Matrix m = new Matrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.set(r, c, random.nextGaussian());
            }
        }
        return m;
    }

    private static Set<String> threadsRunning(int n) {
        Set<String> names = new HashSet<>();
        Engines.current().forEachRange(n, (from, to) -> {
            synchronized (names) {
                names.add(Thread.currentThread().getName());
            }
        });
        return names;
    }
}
