package dev.synapse.optimizers;

import dev.synapse.core.LearningRate;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.engine.Engine;
import dev.synapse.core.engine.Engines;
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
    private final Update update = new Update();
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
        Engine engine = Engines.current();
        for (int p = 0; p < means.length; p++) {
            update.set(p, rate, alpha);
            engine.forEachRange(update.length, update);
        }
    }

    /**
     * One parameter's update over a range of its elements, so that the engine can split a large parameter across
     * threads ({@link Engine#forEachRange}); each element's update reads only that element, so the split changes
     * no bit. Set per parameter and reused, so a step allocates nothing.
     */
    private final class Update implements Engine.RangePass {
        private int length;
        private boolean floats;
        private double rate;
        private double alpha;
        private double[] w;
        private double[] g;
        private double[] m;
        private double[] v;
        private float[] floatW;
        private float[] floatG;
        private float[] floatM;
        private float[] floatV;

        void set(int p, double rate, double alpha) {
            this.rate = rate;
            this.alpha = alpha;
            Parameter parameter = parameters.get(p);
            floats = parameter.value().isFloat();
            if (floats) {
                floatW = parameter.value().floatData();
                floatG = parameter.gradient().floatData();
                floatM = floatMeans[p];
                floatV = floatSquareMeans[p];
                length = floatW.length;
            } else {
                w = parameter.value().data();
                g = parameter.gradient().data();
                m = means[p];
                v = squareMeans[p];
                length = w.length;
            }
        }

        @Override
        public void run(int from, int to) {
            if (floats) {
                runFloat(from, to);
                return;
            }
            double keep1 = 1 - beta1;
            double keep2 = 1 - beta2;
            if (weightDecay == 0) {
                // Adam: one branch-free loop the JIT can vectorize.
                for (int i = from; i < to; i++) {
                    double gradient = g[i];
                    m[i] += (gradient - m[i]) * keep1;
                    v[i] += (gradient * gradient - v[i]) * keep2;
                    w[i] -= m[i] * alpha / (Math.sqrt(v[i]) + epsilon);
                }
            } else {
                for (int i = from; i < to; i++) {
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

        /**
         * The same step in float: state and weights in float, each operation rounded to float; the step's
         * coefficients ({@code alpha} with its bias corrections) are computed in double once per step and rounded
         * once.
         */
        private void runFloat(int from, int to) {
            float[] w = floatW;
            float[] g = floatG;
            float[] m = floatM;
            float[] v = floatV;
            float a = (float) alpha;
            float k1 = (float) (1 - beta1);
            float k2 = (float) (1 - beta2);
            float eps = (float) epsilon;
            float decay = (float) (weightDecay * rate);
            for (int i = from; i < to; i++) {
                float weight = decay == 0 ? w[i] : w[i] - w[i] * decay;
                float gradient = g[i];
                m[i] += (gradient - m[i]) * k1;
                v[i] += (gradient * gradient - v[i]) * k2;
                w[i] = weight - m[i] * a / ((float) Math.sqrt(v[i]) + eps);
            }
        }
    }
}
