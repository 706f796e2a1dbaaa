package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivation.Function;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.losses.Losses;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FANN's candidate score and gradient, and installing a candidate as FANN's fann_install_candidate does. */
class CandidatePoolTest {

    private static final Matrix X = Matrix.wrap(3, 2, new double[] {0.5, -1, 1, 0.25, -0.5, 0.75});
    private static final Matrix Y = Matrix.wrap(3, 1, new double[] {0.2, -0.4, 0.9});

    private static CascadeNetwork network() {
        return new CascadeNetwork(X, Y, 3, FannActivations.linear(), Losses.fannMseLinear(false), 0.35,
                new NumpyRandom(1));
    }

    private static CandidatePool pool(CascadeNetwork net, Function function, double steepness) {
        return CandidatePool.create(net, List.of(function), new double[] {steepness}, 1, new NumpyRandom(2));
    }

    @Test
    void theScoreIsTheErrorLeftOnceTheCandidateCancelsWhatItCan() {
        CascadeNetwork net = network();
        CandidatePool pool = pool(net, Function.LINEAR, 1);
        double[] w = pool.weights(0).value().data();
        System.arraycopy(new double[] {0.3, -0.2, 0.1, 0.5}, 0, w, 0, 4);   // x1, x2, bias, then output weight
        double[] residuals = {0.1, -0.3, 0.6};

        double best = pool.scoreAndGradient(net.sources(), net.stride(), residuals, 3, 2.0);

        // a = 0.3·x1 - 0.2·x2 + 0.1 per sample: 0.45, 0.35, -0.20; a·0.5 - e: 0.125, 0.475, -0.7.
        double expected = 2.0 - (0.125 * 0.125 + 0.475 * 0.475 + 0.7 * 0.7);
        assertThat(best).isCloseTo(expected, within(1e-12));
        assertThat(pool.score(0)).isEqualTo(best);
        assertThat(pool.best()).isZero();
    }

    @Test
    void theGradientIsFannsSlopeOfTheRemainingError() {
        CascadeNetwork net = network();
        CandidatePool pool = pool(net, Function.SIGMOID_SYMMETRIC, 0.75);
        double[] residuals = {0.1, -0.3, 0.6};
        double[] w = pool.weights(0).value().data();
        pool.scoreAndGradient(net.sources(), net.stride(), residuals, 3, 0);
        double[] g = pool.weights(0).gradient().data().clone();

        double h = 1e-6;
        for (int i = 0; i < w.length; i++) {
            double keep = w[i];
            w[i] = keep + h;
            double up = -pool.scoreAndGradient(net.sources(), net.stride(), residuals, 3, 0) / 3;
            w[i] = keep - h;
            double down = -pool.scoreAndGradient(net.sources(), net.stride(), residuals, 3, 0) / 3;
            w[i] = keep;
            double numeric = (up - down) / (2 * h);
            // FANN's input slopes leave out the factor 2 of d(a·v - e)²; its output slopes keep it.
            double expected = i < net.sourceCount() ? numeric / 2 : numeric;
            assertThat(g[i]).as("weight %s", i).isCloseTo(expected, within(1e-7));
        }
    }

    @Test
    void candidatesStartAsFannDrawsThem() {
        CascadeNetwork net = network();

        CandidatePool pool = CandidatePool.create(net, List.of(Function.SIGMOID, Function.GAUSSIAN),
                new double[] {0.5, 1}, 2, new NumpyRandom(3));

        assertThat(pool.size()).isEqualTo(8);
        assertThat(pool.activation(0)).isEqualTo(FannActivations.sigmoid(0.5));
        assertThat(pool.activation(1)).isEqualTo(FannActivations.sigmoid(0.5));
        assertThat(pool.activation(2)).isEqualTo(FannActivations.sigmoid(1));
        assertThat(pool.activation(4)).isEqualTo(FannActivations.gaussian(0.5));
        for (int c = 0; c < 8; c++) {
            double[] w = pool.weights(c).value().data();
            assertThat(w).hasSize(net.sourceCount() + 1);
            // No hidden unit yet, the bias neuron counted as FANN counts it: scale 2·(0.7·1)^(1/2) = 1.673;
            // only the bias weight (after the 2 inputs) may be negative.
            double f = 2 * Math.sqrt(0.7);
            for (int i = 0; i < w.length; i++) {
                assertThat(w[i]).isBetween(i == 2 ? -f : 0, f);
            }
        }
    }

    @Test
    void anInstalledUnitWhoseOutputWeightIsZeroLeavesTheOutputsAlone() {
        CascadeNetwork net = network();
        net.forward(false);
        double before = net.mse();

        net.install(FannActivations.sigmoidSymmetric(1), new double[] {0.3, -0.2, 0.1, 0}, 0.4);
        net.forward(false);

        assertThat(net.mse()).isEqualTo(before);
        assertThat(net.hiddenUnits()).isEqualTo(1);
        assertThat(net.sourceCount()).isEqualTo(4);
        // The unit's outputs are kept beside the inputs and bias: tanh-like of 0.3·0.5 + 0.2 + 0.1 for sample 0.
        assertThat(net.sources()[3]).isCloseTo(FannActivations.sigmoidSymmetric(1).value(0.45), within(1e-15));
    }

    @Test
    void anInstalledUnitFeedsEachOutputItsTrainedWeightTimesTheMultiplier() {
        CascadeNetwork net = network();

        net.install(FannActivations.sigmoidSymmetric(1), new double[] {0.3, -0.2, 0.1, 0.75}, 0.4);

        assertThat(net.output().value().rows()).isEqualTo(4);
        assertThat(net.output().value().get(3, 0)).isCloseTo(0.3, within(1e-15));
        assertThat(net.layers()).hasSize(2);
        Matrix out = dev.synapse.core.model.Sequential.of(net.layers(), null, null, 1).predict(X);
        net.forward(false);
        double sse = 0;
        for (int r = 0; r < 3; r++) {
            double d = Y.get(r, 0) - out.get(r, 0);
            sse += d * d;
        }
        assertThat(sse / 3).as("the layers compute what the network does").isCloseTo(net.mse(), within(1e-15));
    }
}
