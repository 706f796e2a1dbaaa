package dev.synapse.losses;

import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;

/**
 * FANN 2.2's mean squared error and training signal ({@code fann_compute_MSE}, {@code fann_update_MSE}).
 *
 * <pre>{@code
 * Sequential.builder().input(2)
 *         .add(Dense.units(4).activation(FannActivations.sigmoidSymmetric()))
 *         .add(Dense.units(1).activation(FannActivations.sigmoidSymmetric()))
 *         .loss(Losses.fannMse(true))          // the output activation is symmetric: FANN halves its error
 *         .optimizer(Rprop.fannDefaults())
 * }</pre>
 *
 * <p>With n samples of k outputs, the error of an output is {@code d = (y - ŷ)·h} with {@code h = 1/2} for a
 * symmetric output activation (range down to -1) and {@code h = 1} otherwise, and
 * <ul>
 *   <li>the value is FANN's MSE, {@code Σ d² / (n·k)}: what {@code fann_get_MSE} reports and what FANN's desired
 *       error compares with ({@code Training.targetLoss});
 *   <li>the gradient is FANN's training signal, {@code ∂/∂ŷ = -e(d) / n}, where e is FANN's error function:
 *       FANN_ERRORFUNC_TANH (FANN's default, {@link Losses#fannMse(boolean)}) uses
 *       {@code e(d) = ln((1 + d) / (1 - d))}, set to ±17 once |d| exceeds 0.9999999, which pushes hard on outputs
 *       that are far off; FANN_ERRORFUNC_LINEAR ({@link Losses#fannMseLinear(boolean)}) uses {@code e(d) = d}.
 * </ul>
 * Dividing by n (not by n·k) makes a full-batch step with learning rate η exactly FANN's batch step
 * ({@code ε = η / samples} times the summed slopes), a one-sample step FANN's incremental step, and leaves RPROP
 * (which reads only signs) and Quickprop (which is told the batch size) as FANN has them.
 *
 * <p><b>The gradient is not the derivative of the value.</b> With the tanh error function it is not even
 * proportional to it. With the linear error function it is {@code k / (2h)} times the derivative of the MSE — the
 * same for one symmetric output (FANN's XOR and AND examples), twice it for one plain output. So
 * {@link dev.synapse.core.GradientCheck#assertLoss} applies only to {@code fannMseLinear(true)} with one output.
 * FANN's bit-fail count measures {@code d}: {@link #error} returns it.
 */
public final class FannMse implements Loss {

    private final boolean symmetricOutput;
    private final boolean tanhErrorFunction;

    FannMse(boolean symmetricOutput, boolean tanhErrorFunction) {
        this.symmetricOutput = symmetricOutput;
        this.tanhErrorFunction = tanhErrorFunction;
    }

    /**
     * Whether the output activation is symmetric, so that errors are halved.
     *
     * @return true if each output's error is halved because the output activation ranges over -1..1
     */
    public boolean symmetricOutput() {
        return symmetricOutput;
    }

    /**
     * Whether the training signal goes through FANN's tanh error function (FANN's default) or is linear.
     *
     * @return true for FANN's default tanh error function, false for FANN_ERRORFUNC_LINEAR
     */
    public boolean tanhErrorFunction() {
        return tanhErrorFunction;
    }

    @Override
    public String name() {
        return "fann-mse" + (tanhErrorFunction ? "" : "-linear") + (symmetricOutput ? "-symmetric" : "");
    }

    @Override
    public Reduction reduction() {
        return Reduction.MEAN;
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        SquaredError.checkShapes(name(), predicted, target);
        double sum = SquaredError.sum(predicted, target);
        return (symmetricOutput ? sum / 4 : sum) / predicted.size();
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        SquaredError.checkShapes(name(), predicted, target);
        double[] p = predicted.data();
        double[] t = target.data();
        double[] g = gradient.data();
        if (g.length != p.length) {
            throw new IllegalArgumentException("the gradient matrix is " + gradient.shape() + " but predictions are "
                    + predicted.shape());
        }
        double scale = -1.0 / predicted.rows();
        for (int i = 0; i < p.length; i++) {
            double d = error(p[i], t[i]);
            g[i] = scale * (tanhErrorFunction ? tanhError(d) : d);
        }
    }

    /** FANN's {@code neuron_diff}: {@code (y - ŷ)}, halved for a symmetric output. */
    @Override
    public double error(double predicted, double target) {
        double d = target - predicted;
        return symmetricOutput ? d / 2 : d;
    }

    /** FANN_ERRORFUNC_TANH as fann_compute_MSE computes it. */
    static double tanhError(double d) {
        if (d < -.9999999) {
            return -17;
        }
        if (d > .9999999) {
            return 17;
        }
        return Math.log((1 + d) / (1 - d));
    }

    @Override
    public String toString() {
        return name();
    }
}
