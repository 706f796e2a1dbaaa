package dev.synapse.examples;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Activation;
import dev.synapse.core.GradientCheck;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import org.junit.jupiter.api.Test;

/** The extension users write first: an activation of their own, in about ten lines, trains like a built-in. */
class UserDefinedActivationTest {

    /** Softsign, x / (1 + |x|): saturates more slowly than tanh. */
    static final class Softsign implements Activation {
        @Override public String name() { return "softsign"; }
        @Override public double value(double x) { return x / (1 + Math.abs(x)); }
        @Override public double derivative(double x, double y) {
            double d = 1 + Math.abs(x);
            return 1 / (d * d);
        }
    }

    private static final Matrix X = Matrix.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    private static final Matrix XOR = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential xorNetwork(Activation hidden) {
        return Sequential.builder().input(2)
                .add(Dense.units(4).activation(hidden))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
    }

    @Test
    void softsignClassPassesTheGradientCheckAwayFromItsKink() {
        GradientCheck.assertActivation(new Softsign(), -4, -0.01);
        GradientCheck.assertActivation(new Softsign(), 0.01, 4);
    }

    @Test
    void softsignClassTrainsXor() {
        Sequential model = xorNetwork(new Softsign());

        model.fit(X, XOR, 5000);

        assertThat(model.evaluate(X, XOR).meanAbsoluteError()).isLessThan(0.05);
        assertThat(model.evaluate(X, XOR).accuracy()).isEqualTo(1.0);
    }

    @Test
    void activationFromTwoLambdasTrainsXor() {
        Activation swish = Activation.of("swish", x -> x / (1 + Math.exp(-x)),
                (x, y) -> {
                    double s = 1 / (1 + Math.exp(-x));
                    return s + y * (1 - s);
                });
        GradientCheck.assertActivation(swish, -4, 4);
        Sequential model = xorNetwork(swish);

        model.fit(X, XOR, 5000);

        assertThat(model.evaluate(X, XOR).meanAbsoluteError()).isLessThan(0.05);
    }
}
