package dev.synapse.activations;

import dev.synapse.core.Matrix;
import dev.synapse.core.RowActivation;

/**
 * Softmax over each sample's row, {@code p_j = e^(z_j - m) / Σ_k e^(z_k - m)} with {@code m = max_k z_k}: the
 * outputs are positive and sum to 1, a probability per class. Subtracting the row maximum changes nothing
 * mathematically and keeps {@code e^x} from overflowing, so logits of ±1000 give exact 0s and 1s instead of NaN.
 *
 * <p>Its Jacobian is {@code ∂p_j/∂z_i = p_j (δ_ij - p_i)}, so {@link #backward} writes
 * {@code g_i = p_i (gOut_i - Σ_j gOut_j p_j)}. After categorical cross-entropy the model skips it: the loss hands
 * back {@code (p - y) / n} with respect to z (see {@link dev.synapse.core.FusedLoss}). {@code Math.exp} in a plain
 * loop (rather than a vectorized exponential) gives the same bits in the interpreter, under the JIT and on every
 * engine.
 */
public final class Softmax implements RowActivation {

    static final Softmax INSTANCE = new Softmax();

    private Softmax() {}

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public void apply(Matrix in, Matrix out) {
        checkShapes(in, out, "output");
        int cols = in.cols();
        if (in.isFloat()) {
            applyFloat(in.floatData(), out.floatData(), cols);
            return;
        }
        double[] z = in.data();
        double[] p = out.data();
        for (int start = 0; start < z.length; start += cols) {
            double max = z[start];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, z[start + j]);
            }
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double e = Math.exp(z[start + j] - max);
                p[start + j] = e;
                sum += e;
            }
            double scale = 1 / sum;
            for (int j = 0; j < cols; j++) {
                p[start + j] *= scale;
            }
        }
    }

    @Override
    public void backward(Matrix in, Matrix out, Matrix gradientOut, Matrix gradientIn) {
        checkShapes(out, gradientOut, "output gradient");
        checkShapes(out, gradientIn, "input gradient");
        int cols = out.cols();
        if (out.isFloat()) {
            backwardFloat(out.floatData(), gradientOut.floatData(), gradientIn.floatData(), cols);
            return;
        }
        double[] p = out.data();
        double[] g = gradientOut.data();
        double[] result = gradientIn.data();
        for (int start = 0; start < p.length; start += cols) {
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += g[start + j] * p[start + j];
            }
            for (int j = 0; j < cols; j++) {
                result[start + j] = p[start + j] * (g[start + j] - dot);
            }
        }
    }

    /** As the double form, in float: float sums, each exponential rounded to float once. */
    private static void applyFloat(float[] z, float[] p, int cols) {
        for (int start = 0; start < z.length; start += cols) {
            float max = z[start];
            for (int j = 1; j < cols; j++) {
                max = Math.max(max, z[start + j]);
            }
            float sum = 0;
            for (int j = 0; j < cols; j++) {
                float e = (float) Math.exp(z[start + j] - max);
                p[start + j] = e;
                sum += e;
            }
            float scale = 1 / sum;
            for (int j = 0; j < cols; j++) {
                p[start + j] *= scale;
            }
        }
    }

    private static void backwardFloat(float[] p, float[] g, float[] result, int cols) {
        for (int start = 0; start < p.length; start += cols) {
            float dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += g[start + j] * p[start + j];
            }
            for (int j = 0; j < cols; j++) {
                result[start + j] = p[start + j] * (g[start + j] - dot);
            }
        }
    }

    private static void checkShapes(Matrix expected, Matrix actual, String what) {
        if (!actual.hasShape(expected.rows(), expected.cols())) {
            throw new IllegalArgumentException("softmax: the " + what + " is " + actual.shape() + " but must be "
                    + expected.shape() + ", the shape of the pre-activations");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
