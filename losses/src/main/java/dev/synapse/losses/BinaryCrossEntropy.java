package dev.synapse.losses;

import dev.synapse.core.FusedLoss;
import dev.synapse.core.Matrix;
import java.util.Optional;

/**
 * Binary cross-entropy for sigmoid outputs, each an independent probability, over n samples of k outputs, mean
 * over every output as Keras computes it: {@code L = -Σ[y·ln p + (1 - y)·ln(1 - p)] / (n·k)}, gradient
 * {@code ∂L/∂p = (p - y) / (p·(1 - p)·n·k)}.
 *
 * <p>After a sigmoid (the only output it accepts, checked at {@code build()}) the model uses the fused form,
 * computed from the logit z as {@code max(z, 0) - z·y + ln(1 + e^-|z|)} per output, with gradient
 * {@code (p - y) / (n·k)} with respect to z: finite for logits of ±1000, where {@code ln p} is not.
 *
 * <pre>{@code
 * Sequential.builder().input(2)
 *         .add(Dense.units(8).activation(relu()))
 *         .add(Dense.units(1).activation(sigmoid()))
 *         .loss(Losses.binaryCrossEntropy())               // targets 0 or 1
 * }</pre>
 */
public final class BinaryCrossEntropy implements FusedLoss {

    static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();

    private BinaryCrossEntropy() {}

    @Override
    public String name() {
        return "binary-crossentropy";
    }

    @Override
    public Reduction reduction() {
        return Reduction.MEAN;
    }

    /**
     * Targets are probabilities, in [0, 1].
     *
     * @throws IllegalArgumentException naming the row, column and value outside [0, 1]
     */
    @Override
    public void checkTargets(Matrix targets, int outputs) {
        double[] y = targets.data();
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0 && y[i] <= 1)) {
                throw new IllegalArgumentException(name() + ": the target at row " + i / targets.cols() + ", column "
                        + i % targets.cols() + " is " + y[i] + ", but targets must lie in [0, 1] (0 or 1 for two "
                        + "classes); map ±1 labels to 0 and 1, or use a squared-error loss");
            }
        }
    }

    /**
     * Accepts a sigmoid output only.
     *
     * @throws IllegalStateException naming the layer and its activation, with the fix
     */
    @Override
    public void checkOutput(String layer, Optional<String> activation) {
        if (!activation.equals(Optional.of("sigmoid"))) {
            throw new IllegalStateException("loss " + name() + " cannot follow " + layer + ", whose activation is "
                    + activation.orElse("not declared") + ": it needs outputs in (0, 1). Give the last layer "
                    + "activation(sigmoid()); for one label out of several classes use softmax() with "
                    + "Losses.categoricalCrossEntropy()");
        }
    }

    @Override
    public boolean fusesWith(String activation) {
        return "sigmoid".equals(activation);
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        SquaredError.checkShapes(name(), predicted, target);
        double[] p = predicted.data();
        double[] y = target.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            // Terms with zero weight are left out, so that a confident right answer costs 0 rather than 0·∞.
            if (y[i] != 0) {
                sum -= y[i] * Math.log(p[i]);
            }
            if (y[i] != 1) {
                sum -= (1 - y[i]) * Math.log(1 - p[i]);
            }
        }
        return sum / p.length;
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        SquaredError.checkShapes(name(), predicted, target);
        CategoricalCrossEntropy.checkGradient(predicted, gradient);
        double[] p = predicted.data();
        double[] y = target.data();
        double[] g = gradient.data();
        double scale = 1.0 / p.length;
        for (int i = 0; i < p.length; i++) {
            g[i] = scale * (p[i] - y[i]) / (p[i] * (1 - p[i]));
        }
    }

    @Override
    public double fusedValue(Matrix preActivation, Matrix predicted, Matrix target) {
        SquaredError.checkShapes(name(), preActivation, target);
        double[] z = preActivation.data();
        double[] y = target.data();
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += Math.max(z[i], 0) - z[i] * y[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
        }
        return sum / z.length;
    }

    @Override
    public void fusedGradient(Matrix preActivation, Matrix predicted, Matrix target, Matrix gradient) {
        SquaredError.checkShapes(name(), predicted, target);
        SquaredError.scaledDifference(1.0 / predicted.size(), predicted, target, gradient);
    }

    @Override
    public String toString() {
        return name();
    }
}
