package dev.synapse.optimizers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five epochs of each FANN training algorithm, step for step against FANN 2.2 itself: the numbers below are printed by
 * {@code src/test/c/fann_steps.c} (libdoublefann from Debian's libfann-dev) — XOR with -1/1 values, 2-3-1,
 * stepwise sigmoid hidden and symmetric sigmoid output units at steepness 0.5, FANN's tanh error function, fixed
 * initial weights. This checks the whole training signal (FANN's MSE and error function, the derivatives of both
 * activations, the update rules) at once. FANN keeps its factors (1.2, 0.7, 1.75, -0.0001, ...) as floats, and so do
 * {@code Rprop.fannDefaults()} and {@code Quickprop.fannDefaults()} (the SGD runs pass {@code (double) 0.7f}): RPROP's
 * weights agree to the bit, Quickprop's to 1e-16 and SGD's to 1e-15. FANN keeps its MSE in single precision, so the
 * MSEs agree to 5e-8.
 */
class FannStepsGoldenTest {

    /** Hidden W1 (2×3, row by row), hidden bias (3), output W2 (3×1), output bias (1). */
    private static final double[] INITIAL =
            {0.07, -0.03, 0.05, -0.08, 0.02, 0.09, 0.01, -0.06, 0.04, 0.03, -0.05, 0.08, -0.02};

    /** Per algorithm: FANN's MSE of epochs 1-5, then the weights after epoch 5, in the order of INITIAL. */
    private static final double[][] FANN = {
    // FANN_TRAIN_RPROP
    {0.25000846385955811, 0.25516238808631897, 0.25126230716705322, 0.25006917119026184, 0.25093135237693787},
    {-0.17672001370906809, 0.862992132515916, 0.19591999732971077, -0.13280000088214861, -0.30208003968477448, 0.23591999732971075, -0.44408004975795973, 0.1272000122308734, -0.02239999597072545, 0.034800001120567303, -0.045199998879432692, 0.084800001120567292, -0.015199998879432693},
    // FANN_TRAIN_QUICKPROP
    {0.25000846385955811, 0.25000309944152832, 0.2500007152557373, 0.25000020861625671, 0.25000020861625671},
    {0.069976015959601928, -0.029959366397185879, 0.050013412287831696, -0.079995992737632374, 0.019992427054135023, 0.09000409831497877, 0.0099412375598726815, -0.059943580340350688, 0.039993888130423282, 0.026682505633070855, -0.053161385134055203, 0.076577391522031343, -0.026537768643939929},
    // FANN_TRAIN_BATCH
    {0.25000846385955811, 0.25000309944152832, 0.2500012218952179, 0.25000056624412537, 0.25000035762786865},
    {0.069981655556515462, -0.029962244281159223, 0.050017685446295382, -0.080003088443165837, 0.019994303784040462, 0.09001207067148978, 0.0099247042568875975, -0.059916337680392714, 0.039950479144228383, 0.026932835406659021, -0.05294805208296461, 0.076862038892734769, -0.026079947390758997},
    // FANN_TRAIN_INCREMENTAL
    {0.36328956484794617, 0.37937352061271667, 0.37237024307250977, 0.36666733026504517, 0.36221259832382202},
    {0.060216920226851781, -0.017129466856887376, 0.032938509022484942, -0.29568977512147526, -0.2212723574499833, -0.16919225047443665, -0.46360209021800364, -0.51576635128791137, -0.43390550510425502, 0.079447223855785287, 0.053751419758058097, 0.11594559125727821, 0.12444814470782711}
    };

    /**
     * How close the weights after five epochs must be to FANN's: RPROP with FANN's float defaults takes its steps to
     * the bit; Quickprop's and SGD's sums are ordered differently from FANN's, so they agree to rounding.
     */
    private static final double[] WEIGHT_TOLERANCE = {0, 1e-16, 1e-15, 1e-15};

    private static final Matrix X = Matrix.of(new double[][] {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}});
    private static final Matrix Y = Matrix.columnVector(-1, 1, 1, -1);

    private static Sequential model(Optimizer optimizer) {
        double[] w = INITIAL;
        List<Layer> layers = List.of(
                new Dense(FannActivations.sigmoidStepwise(), Matrix.wrap(2, 3, Arrays.copyOfRange(w, 0, 6)),
                        Matrix.wrap(1, 3, Arrays.copyOfRange(w, 6, 9))),
                new Dense(FannActivations.sigmoidSymmetric(), Matrix.wrap(3, 1, Arrays.copyOfRange(w, 9, 12)),
                        Matrix.wrap(1, 1, Arrays.copyOfRange(w, 12, 13))));
        return Sequential.of(layers, Losses.fannMse(true), optimizer, 1);
    }

    private static void assertMatchesFann(Sequential model, History history, int algorithm) {
        for (int epoch = 1; epoch <= 5; epoch++) {
            assertThat(history.loss(epoch)).as("MSE of epoch %s", epoch)
                    .isCloseTo(FANN[2 * algorithm][epoch - 1], within(5e-8));
        }
        double[] weights = new double[13];
        int at = 0;
        for (var p : model.parameters()) {
            double[] v = p.value().data();
            System.arraycopy(v, 0, weights, at, v.length);
            at += v.length;
        }
        assertThat(weights).containsExactly(FANN[2 * algorithm + 1], within(WEIGHT_TOLERANCE[algorithm]));
    }

    @Test
    void rpropTakesFannsSteps() {
        Sequential model = model(Rprop.fannDefaults());

        History history = model.fit(X, Y, Training.epochs(5));

        assertMatchesFann(model, history, 0);
    }

    @Test
    void quickpropTakesFannsSteps() {
        Sequential model = model(Quickprop.fannDefaults());

        History history = model.fit(X, Y, Training.epochs(5));

        assertMatchesFann(model, history, 1);
    }

    @Test
    void fullBatchSgdTakesFannsBatchSteps() {
        Sequential model = model(Sgd.learningRate((double) 0.7f));

        History history = model.fit(X, Y, Training.epochs(5));

        assertMatchesFann(model, history, 2);
    }

    @Test
    void incrementalSgdTakesFannsIncrementalSteps() {
        Sequential model = model(Sgd.learningRate((double) 0.7f).momentum((double) 0.4f));

        History history = model.fit(X, Y, Training.epochs(5).incremental());

        assertMatchesFann(model, history, 3);
    }
}
