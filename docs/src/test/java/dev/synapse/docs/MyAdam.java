package dev.synapse.docs;

import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import java.util.List;

// snippet:adam-optimizer
/**
 * Adam (Kingma and Ba, 2015): each weight steps by {@code η·m̂ / (√v̂ + ε)}, where m and v are running means of its
 * gradient and squared gradient, corrected for their start at zero. Immutable configuration; {@link #start} makes
 * the per-model state.
 */
public record MyAdam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    /** Adam with the paper's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static MyAdam withLearningRate(double learningRate) {
        return new MyAdam(learningRate, 0.9, 0.999, 1e-8);
    }

    @Override public String name() { return "my-adam"; }

    @Override
    public State start(List<Parameter> parameters) {
        List<Parameter> params = List.copyOf(parameters);
        double[][] m = new double[params.size()][];
        double[][] v = new double[params.size()][];
        for (int p = 0; p < params.size(); p++) {
            m[p] = new double[params.get(p).value().size()];
            v[p] = new double[m[p].length];
        }
        return new State() {
            private int t;      // steps taken: the bias correction needs it (an epoch may hold many batches)

            @Override
            public void step(int epoch) {
                t++;
                double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
                for (int p = 0; p < params.size(); p++) {
                    double[] w = params.get(p).value().data(), g = params.get(p).gradient().data();
                    for (int i = 0; i < w.length; i++) {
                        m[p][i] = beta1 * m[p][i] + (1 - beta1) * g[i];
                        v[p][i] = beta2 * v[p][i] + (1 - beta2) * g[i] * g[i];
                        w[i] -= learningRate * (m[p][i] / c1) / (Math.sqrt(v[p][i] / c2) + epsilon);
                    }
                }
            }
        };
    }
}
// end-snippet
