package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.GradientCheck;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.layers.Dense;
import dev.synapse.optimizers.Adam;
import dev.synapse.optimizers.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of custom-components.md: a layer, a loss and an optimizer written against the core interfaces. */
class CustomComponentsDocsTest {

    @Test
    void theCustomLayerAndLossPassTheirGradientChecks() {
        // snippet:check-custom-components
        Layer scale = Scale.spec().build(0, 3, new NumpyRandom(7));
        scale.parameters().get(0).value().data()[1] = -2.5;           // a γ that is not 1, so the check sees it
        GradientCheck.assertLayer(scale, 5, 42);                      // γ, β and the input gradient

        Matrix predicted = Matrix.of(new double[][] {{0.2}, {0.9}, {0.6}, {0.35}});
        Matrix target = Matrix.columnVector(0, 1, 1, 0);
        GradientCheck.assertLoss(new MyBinaryCrossEntropy(), predicted, target);
        // end-snippet

        assertThat(GradientCheck.layer(scale, 5, 42).maxError()).isLessThan(1e-8);
        assertThat(GradientCheck.loss(new MyBinaryCrossEntropy(), predicted, target).maxError()).isLessThan(1e-8);
    }

    @Test
    void theGradientCheckCatchesALayerThatForgetsItsInputGradient() {
        Layer scale = Scale.spec().build(0, 2, new NumpyRandom(7));
        scale.parameters().get(0).value().fill(3.0);
        Layer broken = new Layer() {
            @Override public String type() { return "broken-scale"; }
            @Override public int inputSize() { return 2; }
            @Override public int outputSize() { return 2; }
            @Override public List<Parameter> parameters() { return scale.parameters(); }
            @Override public void forward(Matrix input, Matrix state, Matrix output) {
                scale.forward(input, state, output);
            }
            @Override public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient,
                    Matrix inputGradient) {
                scale.backward(input, state, output, outputGradient, null);
            }
        };

        assertThatThrownBy(() -> GradientCheck.assertLayer(broken, 3, 1))
                .isInstanceOf(AssertionError.class).hasMessageContaining("broken-scale").hasMessageContaining("input");
    }

    @Test
    void aModelBuiltFromTheThreeCustomPiecesLearnsXor() {
        // snippet:train-custom-components
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential model = Sequential.builder().input(2)
                .add(Scale.spec())                                   // the custom layer
                .add(Dense.units(4).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(new MyBinaryCrossEntropy())                    // the custom loss
                .optimizer(MyAdam.withLearningRate(0.05))            // the custom optimizer
                .seed(1)
                .build();
        History history = model.fit(x, y, 500);
        // end-snippet

        assertThat(model.evaluate(x, y).accuracy()).isEqualTo(1.0);
        assertThat(history.finalLoss()).isLessThan(0.05).isLessThan(history.loss(1) / 20);
        assertThat(model.predict(0, 1)[0]).isGreaterThan(0.95);
    }

    @Test
    void adamFollowsItsUpdateRuleOnOneWeight() {
        Parameter w = new Parameter("w", Matrix.rowVector(1.0));
        var state = MyAdam.withLearningRate(0.1).start(List.of(w));

        w.gradient().fill(2.0);
        state.step(1);

        // First step: m̂ = g and v̂ = g², so the weight moves by η·g/|g| = 0.1 whatever the gradient's size.
        assertThat(w.value().get(0, 0)).isCloseTo(0.9, within(1e-8));
        assertThat(new MyAdam(0.1, 0.9, 0.999, 1e-8)).isEqualTo(MyAdam.withLearningRate(0.1));
        assertThat(Sgd.learningRate(0.1).name()).isNotEqualTo(MyAdam.withLearningRate(0.1).name());
    }

    @Test
    void theUserWrittenComponentsTakeNamesNoBuiltInUses() {
        assertThat(new MyBinaryCrossEntropy().name()).isEqualTo("my-binary-cross-entropy");
        assertThat(MyAdam.withLearningRate(0.1).name()).isEqualTo("my-adam").isNotEqualTo(Adam.defaults().name());
        assertThat(Registry.withBuiltIns().lossNames()).doesNotContain(new MyBinaryCrossEntropy().name());
    }

    @Test
    void theBuiltInAdamTakesKerasStepNotThePapers() {
        Parameter paper = new Parameter("w", Matrix.rowVector(1.0));
        Parameter keras = new Parameter("w", Matrix.rowVector(1.0));
        paper.gradient().fill(2.0);
        keras.gradient().fill(2.0);

        MyAdam.withLearningRate(0.1).start(List.of(paper)).step(1);
        Adam.learningRate(0.1).start(List.of(keras)).step(1);

        // Paper: η·m̂/(√v̂ + 1e-8) with √v̂ = 2. Keras: η·√(1-β₂)/(1-β₁)·m/(√v + 1e-7) with √v = 2·√0.001.
        assertThat(paper.value().get(0, 0)).isCloseTo(1 - 0.2 / (2 + 1e-8), within(1e-15));
        assertThat(keras.value().get(0, 0)).isCloseTo(1 - 0.2 / (2 + 1e-7 / Math.sqrt(0.001)), within(1e-15));
        assertThat(Math.abs(paper.value().get(0, 0) - keras.value().get(0, 0))).isGreaterThan(1e-7);
    }

    @Test
    void theBuiltInAdamSwapsInForTheCustomOneAndTheNetworkStillLearnsXor() {
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential model = Sequential.builder().input(2)
                .add(Scale.spec())
                .add(Dense.units(4).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(new MyBinaryCrossEntropy())
                .optimizer(Adam.learningRate(0.05))
                .seed(1)
                .build();
        History history = model.fit(x, y, 500);

        assertThat(model.evaluate(x, y).accuracy()).isEqualTo(1.0);
        assertThat(history.finalLoss()).isLessThan(0.05);
    }
}
