package dev.synapse.docs;

import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import java.util.List;

// snippet:scale-layer
/** y = γ ∘ x + β per feature: a learnable scale γ (starts at 1) and shift β (starts at 0) for each input column. */
public final class Scale implements Layer {
    private final int width;
    private final Parameter gamma;
    private final Parameter beta;

    private Scale(int width) {
        this.width = width;
        this.gamma = new Parameter("gamma", new Matrix(1, width).fill(1.0));
        this.beta = new Parameter("beta", new Matrix(1, width));
    }

    /** What a model builder takes: {@code .add(Scale.spec())}; the width is the previous layer's. */
    public static LayerSpec spec() {
        return (index, inputSize, random) -> new Scale(inputSize);
    }

    @Override public String type() { return "scale"; }
    @Override public int inputSize() { return width; }
    @Override public int outputSize() { return width; }
    @Override public List<Parameter> parameters() { return List.of(gamma, beta); }

    @Override
    public void forward(Matrix input, Matrix state, Matrix output) {
        double[] x = input.data(), y = output.data(), g = gamma.value().data(), b = beta.value().data();
        for (int i = 0; i < x.length; i++) {
            y[i] = g[i % width] * x[i] + b[i % width];
        }
    }

    @Override
    public void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient) {
        double[] x = input.data(), dy = outputGradient.data(), g = gamma.value().data();
        double[] dg = gamma.gradient().data(), db = beta.gradient().data();
        for (int i = 0; i < x.length; i++) {
            dg[i % width] += dy[i] * x[i];      // ∂L/∂γ = Σ over samples of ∂L/∂y ∘ x (added: the loop zeroes it)
            db[i % width] += dy[i];             // ∂L/∂β = Σ over samples of ∂L/∂y
        }
        if (inputGradient != null) {            // null for the first layer: nobody needs ∂L/∂x there
            double[] dx = inputGradient.data();
            for (int i = 0; i < x.length; i++) {
                dx[i] = dy[i] * g[i % width];   // ∂L/∂x = ∂L/∂y ∘ γ
            }
        }
    }
}
// end-snippet
