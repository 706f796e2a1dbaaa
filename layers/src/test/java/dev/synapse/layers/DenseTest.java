package dev.synapse.layers;

import static dev.synapse.activations.Activations.identity;
import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.softmax;
import static dev.synapse.activations.Activations.softplus;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.random.NumpyRandom;
import dev.synapse.losses.Losses;
import org.junit.jupiter.api.Test;

class DenseTest {

    private static Dense build(Dense.Spec spec, int inputs) {
        return spec.build(0, inputs, new NumpyRandom(7));
    }

    @Test
    void passesTheGradientCheckWithAndWithoutBiasForSmoothActivations() {
        for (Activation a : new Activation[] {identity(), sigmoid(), tanh(), softplus()}) {
            GradientCheck.assertLayer(build(Dense.units(4).activation(a), 3), 5, 11);
            GradientCheck.assertLayer(build(Dense.units(2).activation(a).withoutBias(), 6), 3, 12);
        }
    }

    @Test
    void forwardComputesActivationOfInputTimesWeightsPlusBias() {
        Dense layer = new Dense(identity(), Matrix.of(new double[][] {{1, 2}, {3, 4}}), Matrix.rowVector(10, 20));
        Matrix output = new Matrix(1, 2);

        layer.forward(Matrix.rowVector(1, 1), new Matrix(1, 2), output);

        assertThat(output.data()).containsExactly(14, 26);
    }

    @Test
    void drawsWeightsRowByRowLikeNumpy() {
        Dense layer = build(Dense.units(4).activation(sigmoid()).withoutBias().weights(Initializers.numpyTutorial()), 3);

        NumpyRandom reference = new NumpyRandom(7);
        double[] expected = new double[12];
        for (int i = 0; i < 12; i++) {
            expected[i] = 2 * reference.random() - 1;
        }
        assertThat(layer.weights().value().data()).containsExactly(expected);
        assertThat(layer.bias()).isEmpty();
        assertThat(layer.parameters()).hasSize(1);
    }

    @Test
    void biasIsOnByDefaultAndStartsAtZero() {
        Dense layer = build(Dense.units(3).activation(sigmoid()), 2);

        assertThat(layer.bias()).isPresent();
        assertThat(layer.bias().get().value().data()).containsOnly(0.0);
        assertThat(layer.parameters()).extracting(p -> p.name()).containsExactly("weights", "bias");
    }

    @Test
    void rejectsAnInputOfTheWrongWidth() {
        Dense layer = build(Dense.units(3).activation(sigmoid()), 2);

        assertThatThrownBy(() -> layer.forward(new Matrix(4, 5), new Matrix(4, 3), new Matrix(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dense layer expects 2 inputs per sample but got 5 (input 4x5)");
    }

    @Test
    void refusesToBuildWithoutAnActivation() {
        assertThatThrownBy(() -> Dense.units(3).build(2, 4, new NumpyRandom(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("dense layer 2 (3 units) has no activation; call activation(...)");
    }

    @Test
    void refusesZeroUnits() {
        assertThatThrownBy(() -> Dense.units(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a dense layer needs a positive number of units, got 0");
    }

    @Test
    void refusesToTrainThroughAThresholdActivation() {
        Activation step = new Activation() {
            @Override
            public String name() {
                return "step";
            }

            @Override
            public double value(double x) {
                return x >= 0 ? 1 : 0;
            }

            @Override
            public double derivative(double x, double y) {
                return 0;
            }

            @Override
            public boolean isDifferentiable() {
                return false;
            }
        };
        Dense layer = build(Dense.units(1).activation(step), 2);
        Matrix out = new Matrix(1, 1);
        Matrix state = new Matrix(1, 1);
        layer.forward(Matrix.rowVector(1, 1), state, out);

        assertThatThrownBy(() -> layer.backward(Matrix.rowVector(1, 1), state, out, new Matrix(1, 1), null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot train through activation 'step'");
    }

    @Test
    void aSoftmaxLayerPassesTheGradientCheckThroughItsJacobian() {
        GradientCheck.assertLayer(build(Dense.units(4).activation(softmax()), 3), 5, 13);
        GradientCheck.assertLayer(build(Dense.units(3).activation(softmax()).withoutBias(), 2), 4, 14);
    }

    @Test
    void startingFromTheFusedGradientGivesTheSameGradientsAsTheChainRuleThroughSoftmax() {
        Dense chained = build(Dense.units(3).activation(softmax()), 4);
        Dense fused = build(Dense.units(3).activation(softmax()), 4);
        Matrix x = Matrix.of(new double[][] {{0.5, -1, 0.25, 2}, {1, 0, -0.5, 0.75}});
        Matrix labels = Matrix.columnVector(2, 0);
        Matrix stateA = new Matrix(2, 3);
        Matrix stateB = new Matrix(2, 3);
        Matrix outA = new Matrix(2, 3);
        Matrix outB = new Matrix(2, 3);
        Matrix inputGradientA = new Matrix(2, 4);
        Matrix inputGradientB = new Matrix(2, 4);
        chained.forward(x, stateA, outA);
        fused.forward(x, stateB, outB);

        Matrix outputGradient = new Matrix(2, 3);
        Losses.sparseCategoricalCrossEntropy().gradient(outA, labels, outputGradient);
        chained.backward(x, stateA, outA, outputGradient, inputGradientA);
        Matrix logitGradient = new Matrix(2, 3);
        Losses.sparseCategoricalCrossEntropy().fusedGradient(fused.preActivation(stateB), outB, labels, logitGradient);
        fused.backwardFromPreActivation(x, stateB, logitGradient, inputGradientB);

        assertThat(fused.weights().gradient().data())
                .containsExactly(chained.weights().gradient().data(), within(1e-15));
        assertThat(fused.bias().orElseThrow().gradient().data())
                .containsExactly(chained.bias().orElseThrow().gradient().data(), within(1e-15));
        assertThat(inputGradientB.data()).containsExactly(inputGradientA.data(), within(1e-15));
    }

    @Test
    void l2AddsLambdaTimesTheSumOfSquaredWeightsAndTwiceLambdaTimesTheWeightsToTheGradient() {
        Dense layer = new Dense(identity(), Matrix.of(new double[][] {{1, -2}, {0.5, 3}}), Matrix.rowVector(7, 7))
                .withL2(0.01);
        layer.weights().gradient().fill(0.0);

        layer.addPenaltyGradient();

        // The bias is not penalized, as Keras' kernel_regularizer.
        assertThat(layer.penalty()).isCloseTo(0.01 * (1 + 4 + 0.25 + 9), within(1e-16));
        assertThat(layer.weights().gradient().data()).containsExactly(0.02, -0.04, 0.01, 0.06);
        assertThat(layer.bias().orElseThrow().gradient().data()).containsExactly(0, 0);
        assertThat(build(Dense.units(2).activation(relu()), 3).penalty()).isZero();
    }

    @Test
    void aLayerWithAnL2PenaltyPassesTheGradientCheckWithThePenalty() {
        Dense layer = build(Dense.units(4).activation(tanh()).l2(0.3), 3);

        GradientCheck.assertLayer(layer, 5, 15);
        assertThat(layer.l2()).isEqualTo(0.3);
        assertThat(layer).hasToString("Dense[3->4, tanh, l2=0.3]");
    }

    @Test
    void refusesANegativeL2Factor() {
        assertThatThrownBy(() -> Dense.units(8).activation(relu()).l2(-1e-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dense layer of 8 units: the L2 factor must be finite and not negative, got -1.0E-4");
    }

    @Test
    void aSoftmaxLayerNamesItsActivationAndTellsWhereToReadIt() {
        Dense layer = build(Dense.units(10).activation(softmax()), 4);

        assertThat(layer.outputActivation()).contains("softmax");
        assertThat(layer.rowActivation()).contains(softmax());
        assertThat(layer).hasToString("Dense[4->10, softmax]");
        assertThatThrownBy(layer::activation)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this dense layer's activation, softmax, is row-wise: read it with rowActivation(), or its"
                        + " name with outputActivation()");
        assertThat(Dense.units(10).activation(softmax()).l2(0.5)).hasToString("Dense.units(10).activation(softmax).l2(0.5)");
    }
}
