package dev.synapse.layers;

import java.util.Arrays;

/**
 * A {@link Sparse} layer's connection loops in float, for float32 models: the same connections in the same order
 * as the double loops, each product and sum rounded to float.
 */
final class SparseFloat {

    private SparseFloat() {}

    /** {@code z = Σ w·x} over each unit's connections, the bias connections (from {@code inputConnections} on) last. */
    static void sum(float[] x, float[] w, float[] z, int rows, int inputSize, int units, int[] source, int[] target,
            int inputConnections) {
        for (int r = 0; r < rows; r++) {
            int in = r * inputSize;
            int out = r * units;
            Arrays.fill(z, out, out + units, 0f);
            for (int k = 0; k < inputConnections; k++) {
                z[out + target[k]] += w[k] * x[in + source[k]];
            }
            for (int k = inputConnections; k < source.length; k++) {
                z[out + target[k]] += w[k];
            }
        }
    }

    /** Adds {@code ∂L/∂w} into {@code g} and, unless {@code gx} is null, writes {@code ∂L/∂x} from δ. */
    static void backward(float[] delta, float[] x, float[] w, float[] g, float[] gx, int rows, int inputSize,
            int units, int[] source, int[] target, int inputConnections) {
        if (gx != null) {
            Arrays.fill(gx, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int in = r * inputSize;
            int out = r * units;
            for (int k = 0; k < inputConnections; k++) {
                float d = delta[out + target[k]];
                g[k] += x[in + source[k]] * d;
                if (gx != null) {
                    gx[in + source[k]] += w[k] * d;
                }
            }
            for (int k = inputConnections; k < source.length; k++) {
                g[k] += delta[out + target[k]];
            }
        }
    }
}
