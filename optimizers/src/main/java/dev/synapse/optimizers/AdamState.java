package dev.synapse.optimizers;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

/**
 * The per-run state of {@link Adam} and {@link AdamW}: the running means m and v of every parameter and the step
 * count t. Each line follows Keras 3's {@code Adam.update_step} (and, for the decay, {@code
 * BaseOptimizer._apply_weight_decay}) operation for operation, so the rounding matches Keras' float64 run.
 */
final class AdamState implements Optimizer.State {

    private final List<Parameter> parameters;
    private final LearningRate learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final double[][] means;
    private final double[][] squareMeans;
    private final float[][] floatMeans;
    private final float[][] floatSquareMeans;
    private int steps;

    AdamState(List<Parameter> parameters, LearningRate learningRate, double beta1, double beta2, double epsilon,
            double weightDecay) {
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
        this.means = Buffers.zerosLike(this.parameters);
        this.squareMeans = Buffers.zerosLike(this.parameters);
        this.floatMeans = Buffers.floatZerosLike(this.parameters);
        this.floatSquareMeans = Buffers.floatZerosLike(this.parameters);
    }

    @Override
    public void step(int epoch) {
        steps++;
        double rate = learningRate.at(epoch);
        double alpha = rate * Math.sqrt(1 - Math.pow(beta2, steps)) / (1 - Math.pow(beta1, steps));
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int p = 0; p < means.length; p++) {
            if (parameters.get(p).value().isFloat()) {
                stepFloat(p, rate, alpha, keep1, keep2);
                continue;
            }
            double[] w = parameters.get(p).value().data();
            double[] g = parameters.get(p).gradient().data();
            double[] m = means[p];
            double[] v = squareMeans[p];
            if (weightDecay == 0) {
                // Adam: one branch-free loop the JIT can vectorize.
                for (int i = 0; i < w.length; i++) {
                    double gradient = g[i];
                    m[i] += (gradient - m[i]) * keep1;
                    v[i] += (gradient * gradient - v[i]) * keep2;
                    w[i] -= m[i] * alpha / (Math.sqrt(v[i]) + epsilon);
                }
            } else {
                for (int i = 0; i < w.length; i++) {
                    // Keras decays every weight before the Adam step, from the same learning rate; fusing the two
                    // passes changes nothing, since each weight's decay and step only read that weight.
                    double weight = w[i] - w[i] * weightDecay * rate;
                    double gradient = g[i];
                    m[i] += (gradient - m[i]) * keep1;
                    v[i] += (gradient * gradient - v[i]) * keep2;
                    w[i] = weight - m[i] * alpha / (Math.sqrt(v[i]) + epsilon);
                }
            }
        }
    }

    /**
     * The same step in float: state and weights in float, each operation rounded to float; the step's coefficients
     * ({@code alpha} with its bias corrections) are computed in double once per step and rounded once.
     */
    private void stepFloat(int p, double rate, double alpha, double keep1, double keep2) {
        float[] w = parameters.get(p).value().floatData();
        float[] g = parameters.get(p).gradient().floatData();
        float[] m = floatMeans[p];
        float[] v = floatSquareMeans[p];
        float a = (float) alpha;
        float k1 = (float) keep1;
        float k2 = (float) keep2;
        float eps = (float) epsilon;
        float decay = (float) (weightDecay * rate);
        for (int i = 0; i < w.length; i++) {
            float weight = decay == 0 ? w[i] : w[i] - w[i] * decay;
            float gradient = g[i];
            m[i] += (gradient - m[i]) * k1;
            v[i] += (gradient * gradient - v[i]) * k2;
            w[i] = weight - m[i] * a / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
