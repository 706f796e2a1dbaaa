package dev.synapse.core.random;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * A seeded random generator that reproduces numpy's legacy {@code RandomState}: the same seed gives the same
 * stream as {@code np.random.seed(seed)} followed by {@code np.random.random}, {@code rand} and {@code randn}.
 *
 * <pre>{@code
 * NumpyRandom random = new NumpyRandom(1);
 * random.random();   // 0.417022004702574, as np.random.seed(1); np.random.random()
 * }</pre>
 *
 * <p>The generator is MT19937 seeded with {@code init_genrand(seed)}; a double takes two 32-bit outputs, as
 * {@code ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53}; {@link #randn()} is the polar (Marsaglia) method, which yields
 * Gaussians in pairs and keeps the second for the next call. Not thread-safe: each model owns one.
 */
public final class NumpyRandom {

    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int index;
    private boolean hasGaussian;
    private double nextGaussian;

    /**
     * A generator in the state of {@code np.random.seed(seed)}.
     *
     * @param seed the seed, in [0, 2^32 - 1]
     * @throws IllegalArgumentException if the seed is outside numpy's range [0, 2^32 - 1]
     */
    public NumpyRandom(long seed) {
        checkArgument(seed >= 0 && seed <= 0xffffffffL, "seed must be between 0 and 2^32 - 1 (as numpy's), got %s", seed);
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        index = N;
    }

    /**
     * The next 32 random bits, as an unsigned value in an int (MT19937's {@code genrand_int32}).
     *
     * @return 32 random bits; negative when the top bit is set
     */
    public int nextInt32() {
        if (index >= N) {
            twist();
        }
        int y = mt[index++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y;
    }

    /* The state's next 624 words; the three ranges are where i + 1 and i + M wrap around, so no index needs a modulo. */
    private void twist() {
        int i = 0;
        for (; i < N - M; i++) {
            mt[i] = next(mt[i + M], mt[i], mt[i + 1]);
        }
        for (; i < N - 1; i++) {
            mt[i] = next(mt[i + M - N], mt[i], mt[i + 1]);
        }
        mt[N - 1] = next(mt[M - 1], mt[N - 1], mt[0]);
        index = 0;
    }

    private static int next(int far, int current, int following) {
        int y = (current & UPPER_MASK) | (following & LOWER_MASK);
        return far ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
    }

    /**
     * A uniform double in [0, 1), as {@code np.random.random()} and {@code np.random.rand()}.
     *
     * @return a double in [0, 1) with 53 random bits
     */
    public double random() {
        long a = Integer.toUnsignedLong(nextInt32()) >>> 5;
        long b = Integer.toUnsignedLong(nextInt32()) >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /**
     * A uniform double in [low, high), as {@code np.random.uniform(low, high)}.
     *
     * @param low the smallest value, inclusive
     * @param high the bound, exclusive
     * @return {@code low + (high - low) · random()}
     */
    public double uniform(double low, double high) {
        return low + (high - low) * random();
    }

    /**
     * A standard Gaussian, as {@code np.random.randn()}.
     *
     * @return a draw from the normal distribution with mean 0 and standard deviation 1
     */
    public double randn() {
        if (hasGaussian) {
            hasGaussian = false;
            return nextGaussian;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * random() - 1.0;
            x2 = 2.0 * random() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        nextGaussian = f * x1;
        hasGaussian = true;
        return f * x2;
    }

    /**
     * A uniform integer in [0, bound), drawn as numpy's legacy {@code random_interval}: masked 32-bit outputs,
     * rejecting those above the range.
     *
     * @param bound the exclusive upper bound, positive
     * @return an integer in [0, bound)
     * @throws IllegalArgumentException if {@code bound} is not positive
     */
    public int nextInt(int bound) {
        checkArgument(bound > 0, "bound must be positive, got %s", bound);
        int max = bound - 1;
        if (max == 0) {
            return 0;
        }
        int mask = max;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        int value;
        do {
            value = nextInt32() & mask;
        } while (value > max);
        return value;
    }

    /**
     * Shuffles {@code values} in place as numpy's legacy {@code RandomState.shuffle} does on a 1-d array.
     *
     * @param values the array to shuffle in place
     */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
