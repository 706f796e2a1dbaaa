package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.Activations;
import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of custom-activation.md. */
class CustomActivationDocsTest {

    @Test
    void softsignAsAClassComputesItsValueAndDerivative() {
        Activation softsign = new Softsign();

        assertThat(softsign.value(1)).isEqualTo(0.5);
        assertThat(softsign.value(-3)).isEqualTo(-0.75);
        assertThat(softsign.derivative(1, 0.5)).isEqualTo(0.25);
    }

    @Test
    void softsignFromTwoLambdasMatchesTheClass() {
        // snippet:softsign-lambda
        Activation softsign = Activation.of("softsign",
                x -> x / (1 + Math.abs(x)),
                (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));
        // end-snippet

        Activation byClass = new Softsign();
        for (double x = -4; x <= 4; x += 0.25) {
            assertThat(softsign.value(x)).isEqualTo(byClass.value(x));
            assertThat(softsign.derivative(x, softsign.value(x))).isCloseTo(byClass.derivative(x, 0), within(1e-15));
        }
        assertThat(softsign.name()).isEqualTo("softsign");
    }

    @Test
    void theGradientCheckPassesSoftsignAndCatchesAWrongDerivative() {
        // snippet:softsign-check
        // Softsign's derivative has a cusp at 0, where a central difference is off by about its step (1e-5):
        // check each side of it, as for ReLU's kink.
        GradientCheck.assertActivation(new Softsign(), -3, -0.01);   // throws, naming the worst point, if f' is wrong
        GradientCheck.assertActivation(new Softsign(), 0.01, 3);

        GradientCheck.Result result = GradientCheck.activation(new Softsign(), 0.01, 3);
        // result.maxError() is about 1e-10; the check accepts up to GradientCheck.TOLERANCE (1e-6)
        // end-snippet

        assertThat(result.passed()).isTrue();
        assertThat(result.maxError()).isLessThan(1e-9).isGreaterThan(1e-11);
        Activation wrong = Activation.of("wrong-softsign", x -> x / (1 + Math.abs(x)), (x, y) -> 1 / (1 + Math.abs(x)));
        assertThatThrownBy(() -> GradientCheck.assertActivation(wrong, -3, 3))
                .isInstanceOf(AssertionError.class).hasMessageContaining("wrong-softsign");
        assertThat(GradientCheck.activation(new Softsign(), -3, 3).where()).startsWith("x = 0.0 ");
    }

    @Test
    void aNetworkWithASoftsignHiddenLayerLearnsXor() {
        // snippet:softsign-train
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential model = Sequential.builder().input(2)
                .add(Dense.units(4).activation(new Softsign()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();
        model.fit(x, y, 5_000);
        // end-snippet

        assertThat(model.evaluate(x, y).accuracy()).isEqualTo(1.0);
        assertThat(model.predict(1, 0)[0]).isGreaterThan(0.9);
        assertThat(model.predict(1, 1)[0]).isLessThan(0.1);
    }

    @Test
    void aModelPrintsAUserActivationByItsName() {
        Sequential model = Sequential.builder().input(2).add(Dense.units(4).activation(new Softsign()))
                .add(Dense.units(1).activation(Activations.leakyRelu(0.1))).build();

        assertThat(model.toString()).contains("Dense[2->4, softsign]", "Dense[4->1, leaky-relu(slope=0.1)]")
                .doesNotContain("@");
    }

    @Test
    void aRegisteredUserActivationSavesAndLoadsAndAnUnregisteredOneSaysHowToRegister(@TempDir Path dir)
            throws Exception {
        Sequential model = Sequential.builder().input(2).add(Dense.units(4).activation(new Softsign()))
                .add(Dense.units(1).activation(sigmoid())).loss(Losses.sumSquaredError()).seed(1).build();
        assertThatThrownBy(() -> model.save(dir.resolve("unregistered.model"), Registry.withBuiltIns()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot save layer 0 (dense): its activation 'softsign' is not registered, so the file"
                        + " could not be loaded back; register it first, e.g. Registry.global()"
                        + ".registerActivation(\"softsign\", args -> new MyActivation())");
        assertThat(dir.resolve("unregistered.model")).doesNotExist();

        // snippet:softsign-save
        Registry.global().registerActivation("softsign", arguments -> new Softsign());

        model.save(dir.resolve("softsign.model"));
        Sequential loaded = Sequential.load(dir.resolve("softsign.model"));
        // end-snippet

        assertThat(loaded.predict(1, 0)).containsExactly(model.predict(1, 0));
        assertThat(((Dense) loaded.layers().get(0)).activation()).isInstanceOf(Softsign.class);
        assertThat(loaded.optimizer()).isEmpty();
        Matrix x = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);
        double before = loaded.evaluate(x, y).loss();
        assertThatThrownBy(() -> loaded.fit(x, y, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("model.withTraining(model.loss().orElseThrow(), Sgd.learningRate(0.1))")
                .hasMessageNotContaining("call optimizer(");
        Sequential trainable = loaded.withTraining(Losses.sumSquaredError(), Sgd.learningRate(0.5));
        assertThat(trainable.fit(x, y, 200).finalLoss()).isLessThan(before);
    }
}
