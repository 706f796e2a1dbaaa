package dev.synapse.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reference values printed by numpy 2.4's legacy RandomState (see tutorials.md). */
class NumpyRandomTest {

    @Test
    void randomReproducesNumpySeedOne() {
        NumpyRandom random = new NumpyRandom(1);

        double[] drawn = {random.random(), random.random(), random.random(), random.random(), random.random()};

        assertThat(drawn).containsExactly(0.417022004702574, 0.7203244934421581, 0.00011437481734488664,
                0.30233257263183977, 0.14675589081711304);
    }

    @Test
    void randnReproducesNumpyPolarGaussians() {
        NumpyRandom random = new NumpyRandom(1);

        double[] drawn = {random.randn(), random.randn(), random.randn()};

        assertThat(drawn).containsExactly(1.6243453636632417, -0.6117564136500754, -0.5281717522634557);
    }

    @Test
    void shuffleMatchesNumpyLegacyShuffleAndLeavesTheStreamWhereNumpyDoes() {
        NumpyRandom random = new NumpyRandom(1);
        int[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        random.shuffle(values);

        assertThat(values).containsExactly(2, 9, 6, 4, 0, 3, 1, 7, 8, 5);
        assertThat(random.random()).isEqualTo(0.3879107411620074);
    }

    @Test
    void largestSeedIsAccepted() {
        assertThat(new NumpyRandom(4294967295L).random()).isEqualTo(0.0976320289940138);
    }

    @Test
    void rejectsSeedOutsideNumpyRange() {
        assertThatThrownBy(() -> new NumpyRandom(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seed must be between 0 and 2^32 - 1").hasMessageContaining("-1");
    }
}
