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
    void drawsAcrossManyTwistsOfTheStateMatchNumpy() {
        // np.random.seed(1); np.random.random(2000): two words per draw, so draw 1999 is six twists in.
        NumpyRandom one = new NumpyRandom(1);
        double[] drawn = new double[2000];
        for (int i = 0; i < drawn.length; i++) {
            drawn[i] = one.random();
        }
        assertThat(drawn[312]).isEqualTo(0.2571182937821962);
        assertThat(drawn[623]).isEqualTo(0.6438956443116628);
        assertThat(drawn[1999]).isEqualTo(0.9467282696079524);

        NumpyRandom seven = new NumpyRandom(7);
        double last = 0;
        for (int i = 0; i < 10_000; i++) {
            last = seven.random();
        }
        assertThat(last).isEqualTo(0.1569862755260073);
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
