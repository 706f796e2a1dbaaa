package dev.synapse.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.Activations;
import dev.synapse.core.Activation;
import dev.synapse.core.FusedLoss;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.RowActivation;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class CrossEntropyTest {

    private static final RowActivation SOFTMAX = Activations.softmax();
    private static final Activation SIGMOID = Activations.sigmoid();
    private static final BiConsumer<Matrix, Matrix> SIGMOID_APPLY = (in, out) -> SIGMOID.apply(in.data(), out.data());

    // Golden values from numpy: e = np.exp(z - z.max(1, keepdims=True)); p = e / e.sum(1, keepdims=True);
    // -(y * np.log(p)).sum() / 2 and (p - y) / 2.
    private static final Matrix LOGITS = Matrix.of(new double[][] {{2.0, 1.0, 0.1}, {0.5, 2.5, -1.0}});
    private static final Matrix ONE_HOT = Matrix.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
    private static final Matrix LABELS = Matrix.columnVector(0, 2);
    private static final double CCE = 2.035104111700061;
    private static final double[] CCE_GRADIENT = {-0.17049943055701605, 0.12121648535235696, 0.04928294520465909,
        0.05805726733707058, 0.42898840530422855, -0.4870456726412992};

    private static Matrix softmax(Matrix z) {
        Matrix p = new Matrix(z.rows(), z.cols());
        SOFTMAX.apply(z, p);
        return p;
    }

    @Test
    void categoricalCrossEntropyMatchesNumpyFromProbabilitiesAndFromLogits() {
        CategoricalCrossEntropy loss = Losses.categoricalCrossEntropy();
        Matrix p = softmax(LOGITS);
        Matrix gradient = new Matrix(2, 3);

        loss.fusedGradient(LOGITS, p, ONE_HOT, gradient);

        assertThat(loss.value(p, ONE_HOT)).isCloseTo(CCE, within(1e-15));
        assertThat(loss.fusedValue(LOGITS, p, ONE_HOT)).isCloseTo(CCE, within(1e-15));
        assertThat(gradient.data()).containsExactly(CCE_GRADIENT, within(1e-16));
        assertThat(loss.name()).isEqualTo("categorical-crossentropy");
        assertThat(loss.reduction()).isEqualTo(Loss.Reduction.MEAN);
    }

    @Test
    void sparseLabelsGiveTheSameLossAndGradientAsTheirOneHotRows() {
        CategoricalCrossEntropy sparse = Losses.sparseCategoricalCrossEntropy();
        Matrix p = softmax(LOGITS);
        Matrix gradient = new Matrix(2, 3);

        sparse.fusedGradient(LOGITS, p, LABELS, gradient);

        assertThat(sparse.value(p, LABELS)).isCloseTo(CCE, within(1e-15));
        assertThat(sparse.fusedValue(LOGITS, p, LABELS)).isCloseTo(CCE, within(1e-15));
        assertThat(gradient.data()).containsExactly(CCE_GRADIENT, within(1e-16));
        assertThat(sparse.targetWidth(10)).isEqualTo(1);
        assertThat(Losses.categoricalCrossEntropy().targetWidth(10)).isEqualTo(10);
        assertThat(sparse.name()).isEqualTo("sparse-categorical-crossentropy");
    }

    @Test
    void theCrossEntropiesPassTheGradientCheckPlainAndFusedWithTheirActivation() {
        Matrix soft = Matrix.of(new double[][] {{0.2, 0.5, 0.3}, {0.7, 0.1, 0.2}});

        GradientCheck.assertLoss(Losses.categoricalCrossEntropy(), softmax(LOGITS), ONE_HOT);
        GradientCheck.assertLoss(Losses.categoricalCrossEntropy(), softmax(LOGITS), soft);
        GradientCheck.assertLoss(Losses.sparseCategoricalCrossEntropy(), softmax(LOGITS), LABELS);
        GradientCheck.assertFusedLoss(Losses.categoricalCrossEntropy(), SOFTMAX::apply, LOGITS, ONE_HOT);
        GradientCheck.assertFusedLoss(Losses.categoricalCrossEntropy(), SOFTMAX::apply, LOGITS, soft);
        GradientCheck.assertFusedLoss(Losses.sparseCategoricalCrossEntropy(), SOFTMAX::apply, LOGITS, LABELS);

        Matrix probabilities = Matrix.columnVector(0.574442516811659, 0.23147521650098238, 0.8807970779778823);
        Matrix targets = Matrix.columnVector(1, 0, 0.25);
        GradientCheck.assertLoss(Losses.binaryCrossEntropy(), probabilities, targets);
        GradientCheck.assertFusedLoss(Losses.binaryCrossEntropy(), SIGMOID_APPLY,
                Matrix.of(new double[][] {{0.3, -2}, {-1.2, 4}, {2.0, 0}}),
                Matrix.of(new double[][] {{1, 0}, {0, 0.5}, {1, 1}}));
    }

    @Test
    void theFusedCheckCatchesAFusedGradientThatForgetsToAverageOverTheBatch() {
        CategoricalCrossEntropy right = Losses.categoricalCrossEntropy();
        FusedLoss summed = new FusedLoss() {
            @Override public String name() { return "summed"; }
            @Override public Reduction reduction() { return Reduction.MEAN; }
            @Override public double value(Matrix p, Matrix y) { return right.value(p, y); }
            @Override public void gradient(Matrix p, Matrix y, Matrix g) { right.gradient(p, y, g); }
            @Override public boolean fusesWith(String activation) { return true; }
            @Override public double fusedValue(Matrix z, Matrix p, Matrix y) { return right.fusedValue(z, p, y); }
            @Override public void fusedGradient(Matrix z, Matrix p, Matrix y, Matrix g) {
                right.fusedGradient(z, p, y, g);
                g.scale(p.rows());
            }
        };

        GradientCheck.Result result = GradientCheck.fusedLoss(summed, SOFTMAX::apply, LOGITS, ONE_HOT);

        assertThat(GradientCheck.fusedLoss(right, SOFTMAX::apply, LOGITS, ONE_HOT).maxError()).isLessThan(1e-9);
        assertThat(result.passed()).isFalse();
        assertThat(result.where()).startsWith("preActivation[");
    }

    @Test
    void logitsOfPlusAndMinusAThousandGiveAFiniteLossAndGradient() {
        Matrix z = Matrix.of(new double[][] {{1000, -1000}, {1000, -1000}});
        Matrix p = softmax(z);
        Matrix labels = Matrix.columnVector(1, 0);
        Matrix gradient = new Matrix(2, 2);
        CategoricalCrossEntropy loss = Losses.sparseCategoricalCrossEntropy();

        double value = loss.fusedValue(z, p, labels);
        loss.fusedGradient(z, p, labels, gradient);

        // Row 0 is wrong by 2000 nats, row 1 right: mean 1000. The plain form would be ln 0 = -∞.
        assertThat(value).isEqualTo(1000);
        assertThat(gradient.data()).containsExactly(0.5, -0.5, 0, 0);
        assertThat(loss.value(p, labels)).isInfinite();
    }

    @Test
    void binaryCrossEntropyMatchesNumpyAndStaysFiniteAtPlusAndMinusAThousand() {
        // numpy: p = 1 / (1 + np.exp(-z)); -(y * np.log(p) + (1 - y) * np.log(1 - p)).mean(), (p - y) / 3.
        Matrix z = Matrix.columnVector(0.3, -1.2, 2.0);
        Matrix y = Matrix.columnVector(1, 0, 1);
        Matrix p = new Matrix(3, 1);
        SIGMOID_APPLY.accept(z, p);
        Matrix gradient = new Matrix(3, 1);
        BinaryCrossEntropy loss = Losses.binaryCrossEntropy();

        loss.fusedGradient(z, p, y, gradient);

        assertThat(loss.value(p, y)).isCloseTo(0.3148552409498436, within(1e-15));
        assertThat(loss.fusedValue(z, p, y)).isCloseTo(0.3148552409498436, within(1e-15));
        assertThat(gradient.data()).containsExactly(new double[] {-0.14185249439611367, 0.07715840550032746,
                -0.0397343073407059}, within(1e-16));

        Matrix extreme = Matrix.columnVector(1000, -1000, 1000, -1000);
        Matrix targets = Matrix.columnVector(0, 1, 1, 0);
        Matrix q = new Matrix(4, 1);
        SIGMOID_APPLY.accept(extreme, q);
        Matrix g = new Matrix(4, 1);
        loss.fusedGradient(extreme, q, targets, g);
        assertThat(loss.fusedValue(extreme, q, targets)).isEqualTo(500);
        assertThat(g.data()).containsExactly(0.25, -0.25, 0, 0);
    }

    @Test
    void eachCrossEntropyFusesOnlyWithTheActivationItIsMadeFor() {
        assertThat(Losses.categoricalCrossEntropy().fusesWith("softmax")).isTrue();
        assertThat(Losses.sparseCategoricalCrossEntropy().fusesWith("sigmoid")).isFalse();
        assertThat(Losses.binaryCrossEntropy().fusesWith("sigmoid")).isTrue();
        assertThat(Losses.binaryCrossEntropy().fusesWith("fann-sigmoid")).isFalse();
    }

    @Test
    void refusesAnOutputActivationItCannotFollowNamingTheLayerAndTheFix() {
        assertThatThrownBy(() -> Losses.categoricalCrossEntropy().checkOutput("layer 1 (dense)", Optional.of("relu")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("loss categorical-crossentropy cannot follow layer 1 (dense), whose activation is relu: it"
                        + " needs a probability per class, summing to 1 per sample. Give the last layer"
                        + " activation(softmax()), e.g. Dense.units(10).activation(softmax())");
        assertThatThrownBy(() -> Losses.binaryCrossEntropy().checkOutput("layer 0 (scale)", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("loss binary-crossentropy cannot follow layer 0 (scale), whose activation is"
                        + " not declared: it needs outputs in (0, 1). Give the last layer activation(sigmoid())");
        Losses.sparseCategoricalCrossEntropy().checkOutput("layer 2 (dense)", Optional.of("softmax"));
        Losses.binaryCrossEntropy().checkOutput("layer 2 (dense)", Optional.of("sigmoid"));
    }

    @Test
    void refusesClassLabelsThatAreNotWholeNumbersBelowTheNumberOfOutputs() {
        CategoricalCrossEntropy sparse = Losses.sparseCategoricalCrossEntropy();

        assertThatThrownBy(() -> sparse.checkTargets(Matrix.columnVector(0, 3, 10), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sparse-categorical-crossentropy: target row 2 holds 10.0, but class labels must be whole"
                        + " numbers from 0 to 9 for a model with 10 outputs; renumber the classes or give the last"
                        + " layer more units");
        assertThatThrownBy(() -> sparse.checkTargets(Matrix.columnVector(0, 1.5), 3))
                .hasMessageStartingWith("sparse-categorical-crossentropy: target row 1 holds 1.5");
        assertThatThrownBy(() -> sparse.checkTargets(new Matrix(2, 3), 3))
                .hasMessage("sparse-categorical-crossentropy takes one class index per sample, but the targets have 3"
                        + " values per sample (2x3); for one-hot targets use Losses.categoricalCrossEntropy()");
        assertThatThrownBy(() -> Losses.categoricalCrossEntropy().checkTargets(Matrix.columnVector(0, 2), 3))
                .hasMessage("categorical-crossentropy takes one-hot targets, 3 values per sample, but the targets have"
                        + " 1 (2x1); for class labels 0..2 use Losses.sparseCategoricalCrossEntropy()");
        assertThatThrownBy(() -> sparse.value(softmax(LOGITS), Matrix.columnVector(0, 3)))
                .hasMessage("sparse-categorical-crossentropy: batch row 1 holds class 3.0, but labels must be whole"
                        + " numbers from 0 to 2");
    }

    @Test
    void binaryCrossEntropyRefusesTargetsOutsideZeroToOne() {
        assertThatThrownBy(() -> Losses.binaryCrossEntropy().checkTargets(Matrix.columnVector(1, -1), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binary-crossentropy: the target at row 1, column 0 is -1.0, but targets must lie in [0, 1]"
                        + " (0 or 1 for two classes); map ±1 labels to 0 and 1, or use a squared-error loss");
    }
}
