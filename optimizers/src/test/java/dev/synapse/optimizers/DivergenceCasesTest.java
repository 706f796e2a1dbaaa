package dev.synapse.optimizers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.synapse.core.Activation;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.core.model.TrainingDivergedException;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import org.junit.jupiter.api.Test;

/**
 * The three divergent runs of the issue "Training you can trust": XOR, 2 → 3 tanh → 1, biases, SGD at learning rate
 * 1e6, seed 1. A: identity output and MSE, full batch — the loss explodes at epoch 2. B: sigmoid output and SSE —
 * the output saturates and no gradient flows. C: A on 400 samples in batches of 16 — the loss is not finite within
 * epoch 1.
 */
class DivergenceCasesTest {

    private static final Matrix XOR_X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix XOR_Y = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential model(Activation output, Loss loss) {
        return Sequential.builder().input(2)
                .add(Dense.units(3).activation(tanh()))
                .add(Dense.units(1).activation(output))
                .loss(loss).optimizer(Sgd.learningRate(1e6)).seed(1).build();
    }

    private static Matrix repeated(Matrix m, int times) {
        double[][] rows = new double[m.rows() * times][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = m.row(i % m.rows());
        }
        return Matrix.of(rows);
    }

    @Test
    void caseAStopsAtEpochTwoWhenTheLossExplodesAndRestoresTheInitialWeights() {
        Sequential model = model(identity(), Losses.meanSquaredError());
        double initialLoss = model.evaluate(XOR_X, XOR_Y).loss();

        TrainingDivergedException e = catchThrowableOfType(() -> model.fit(XOR_X, XOR_Y, 5000),
                TrainingDivergedException.class);

        assertThat(e.epoch()).isEqualTo(2);
        assertThat(e.restoredEpoch()).isEqualTo(1);
        assertThat(e).hasMessageStartingWith("Training diverged at epoch 2: the loss exploded to 6.0867")
                .hasMessageContaining("more than 1000000.0 × 0.33779079")
                .hasMessageContaining("layer 0 (Dense[2->3, tanh]) is the first saturated layer: every output is -1.0"
                        + " or 1.0, and the output layer's values reach 339098.5")
                .hasMessageContaining("Restored the weights epoch 1's loss was measured on (before its update), the"
                        + " best loss so far (0.33779079")
                .hasMessageEndingWith("Likely cause: steps too large for these data. Try a smaller learning rate"
                        + " (optimizer: sgd(learningRate=constant(1000000.0))) or scale the inputs.");
        assertThat(model.evaluate(XOR_X, XOR_Y).loss()).isEqualTo(initialLoss);
    }

    @Test
    void caseBStopsInTheFirstEpochWhoseOutputGradientsAreAllZeroNamingTheSaturatedLayer() {
        Sequential model = model(sigmoid(), Losses.sumSquaredError());

        TrainingDivergedException e = catchThrowableOfType(() -> model.fit(XOR_X, XOR_Y, 5000),
                TrainingDivergedException.class);

        assertThat(e.epoch()).isEqualTo(2);
        assertThat(e.restoredEpoch()).isEqualTo(1);
        assertThat(e).hasMessageStartingWith("Training diverged at epoch 2: no gradient reached the output layer for"
                        + " the whole epoch: every gradient of layer 1 (Dense[3->1, sigmoid]) was exactly 0 while the"
                        + " loss was 2.0; layer 0 (Dense[2->3, tanh]) is the first saturated layer: every output is"
                        + " -1.0 or 1.0, and so is the output layer: every output is 0.0 or 1.0. Restored the weights"
                        + " epoch 1's loss was measured on (before its update), the best loss so far (1.03134751")
                .hasMessageContaining("Likely cause: a saturated output: its activation sits at a bound where its"
                        + " derivative is 0, so nothing can learn. Steps that are too large (optimizer:"
                        + " sgd(learningRate=constant(1000000.0))) or unscaled inputs drive it there");
        assertThat(e.history().stopReason()).isEqualTo(History.StopReason.DIVERGED);
        assertThat(e.history().epochs()).isEqualTo(2);
        assertThat(e.history().loss(2)).isEqualTo(2.0);
    }

    @Test
    void caseCStopsInEpochOneAndRestoresTheInitialWeights() {
        Sequential model = model(identity(), Losses.meanSquaredError());
        Matrix x = repeated(XOR_X, 100);
        Matrix y = repeated(XOR_Y, 100);
        double initialLoss = model.evaluate(x, y).loss();

        TrainingDivergedException e = catchThrowableOfType(() -> model.fit(x, y, Training.epochs(5000).batchSize(16)),
                TrainingDivergedException.class);

        assertThat(e.epoch()).isEqualTo(1);
        assertThat(e.restoredEpoch()).isZero();
        assertThat(e).hasMessageStartingWith("Training diverged at epoch 1: the loss became Infinity; every layer's"
                        + " outputs are finite, so the loss itself overflowed on outputs as large as ")
                .hasMessageContaining("(layer 1, Dense[3->1, identity]). Restored the weights from before training."
                        + " Likely cause: steps too large for these data.");
        assertThat(model.evaluate(x, y).loss()).isEqualTo(initialLoss);
    }
}
