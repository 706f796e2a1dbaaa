package dev.synapse.losses;

import dev.synapse.core.FusedLoss;
import dev.synapse.core.Matrix;
import java.util.Optional;

/**
 * Categorical cross-entropy for a softmax output of k classes, over a batch of n samples, mean over the batch as
 * Keras computes it. Two forms, by how targets are given:
 * <ul>
 *   <li>{@code categorical-crossentropy}: one-hot rows (k values per sample, or any probabilities),
 *       {@code L = -Σ y·ln p / n}, gradient {@code ∂L/∂p = -y / (n·p)};
 *   <li>{@code sparse-categorical-crossentropy}: one column holding the class index c in 0..k-1,
 *       {@code L = -Σ ln p_c / n}, gradient {@code -1 / (n·p_c)} at c and 0 elsewhere.
 * </ul>
 * After softmax (the only output it accepts, checked at {@code build()}) the model uses the fused form, computed
 * from the logits z with the log-sum-exp trick, {@code L = Σ_rows (lse(z)·Σy - Σ y·z) / n} where
 * {@code lse(z) = m + ln Σ e^(z - m)} and {@code m = max z}, and its gradient with respect to z,
 * {@code (p·Σy - y) / n}, which is {@code (p - y) / n} for one-hot rows: finite for logits of ±1000.
 *
 * <pre>{@code
 * Sequential.builder().input(784)
 *         .add(Dense.units(128).activation(relu()))
 *         .add(Dense.units(10).activation(softmax()))
 *         .loss(Losses.sparseCategoricalCrossEntropy())     // targets: one column of labels 0..9
 * }</pre>
 */
public final class CategoricalCrossEntropy implements FusedLoss {

    static final CategoricalCrossEntropy ONE_HOT = new CategoricalCrossEntropy(false);
    static final CategoricalCrossEntropy SPARSE = new CategoricalCrossEntropy(true);

    private final boolean sparse;

    private CategoricalCrossEntropy(boolean sparse) {
        this.sparse = sparse;
    }

    /**
     * Whether targets are class indices (one column) rather than one-hot rows.
     *
     * @return true if targets are one column of class indices 0..k-1, false if they are one-hot rows of width k
     */
    public boolean sparse() {
        return sparse;
    }

    @Override
    public String name() {
        return sparse ? "sparse-categorical-crossentropy" : "categorical-crossentropy";
    }

    @Override
    public Reduction reduction() {
        return Reduction.MEAN;
    }

    @Override
    public int targetWidth(int outputs) {
        return sparse ? 1 : outputs;
    }

    /**
     * One-hot targets must be k wide; class indices one column of whole numbers in 0..k-1.
     *
     * @throws IllegalArgumentException naming the row and the value, or the widths, and the fix
     */
    @Override
    public void checkTargets(Matrix targets, int outputs) {
        if (!sparse) {
            if (targets.cols() == 1 && outputs > 1) {
                throw new IllegalArgumentException(name() + " takes one-hot targets, " + outputs + " values per "
                        + "sample, but the targets have 1 (" + targets.shape() + "); for class labels 0.."
                        + (outputs - 1) + " use Losses.sparseCategoricalCrossEntropy()");
            }
            return;
        }
        if (targets.cols() != 1) {
            throw new IllegalArgumentException(name() + " takes one class index per sample, but the targets have "
                    + targets.cols() + " values per sample (" + targets.shape() + "); for one-hot targets use "
                    + "Losses.categoricalCrossEntropy()");
        }
        double[] labels = targets.data();
        for (int r = 0; r < labels.length; r++) {
            double c = labels[r];
            if (!(c >= 0 && c < outputs && c == Math.rint(c))) {
                throw new IllegalArgumentException(name() + ": target row " + r + " holds " + c + ", but class "
                        + "labels must be whole numbers from 0 to " + (outputs - 1) + " for a model with " + outputs
                        + " outputs; renumber the classes or give the last layer more units");
            }
        }
    }

    /**
     * Accepts a softmax output only.
     *
     * @throws IllegalStateException naming the layer and its activation, with the fix
     */
    @Override
    public void checkOutput(String layer, Optional<String> activation) {
        if (!activation.equals(Optional.of("softmax"))) {
            throw new IllegalStateException("loss " + name() + " cannot follow " + layer + ", whose activation is "
                    + activation.orElse("not declared") + ": it needs a probability per class, summing to 1 per "
                    + "sample. Give the last layer activation(softmax()), e.g. Dense.units(10).activation(softmax())");
        }
    }

    @Override
    public boolean fusesWith(String activation) {
        return "softmax".equals(activation);
    }

    @Override
    public double value(Matrix predicted, Matrix target) {
        checkShapes(predicted, target);
        int n = predicted.rows();
        int k = predicted.cols();
        double[] p = predicted.data();
        double[] y = target.data();
        double sum = 0;
        for (int r = 0; r < n; r++) {
            if (sparse) {
                sum -= Math.log(p[r * k + label(y, r, k)]);
            } else {
                for (int i = r * k; i < (r + 1) * k; i++) {
                    // 0·ln 0 is 0: a class with no target weight costs nothing, however unlikely it is.
                    if (y[i] != 0) {
                        sum -= y[i] * Math.log(p[i]);
                    }
                }
            }
        }
        return sum / n;
    }

    @Override
    public void gradient(Matrix predicted, Matrix target, Matrix gradient) {
        checkShapes(predicted, target);
        checkGradient(predicted, gradient);
        int n = predicted.rows();
        int k = predicted.cols();
        double[] p = predicted.data();
        double[] y = target.data();
        double[] g = gradient.data();
        for (int r = 0; r < n; r++) {
            int c = sparse ? label(y, r, k) : -1;
            for (int j = 0; j < k; j++) {
                int i = r * k + j;
                double weight = sparse ? (j == c ? 1 : 0) : y[i];
                g[i] = weight == 0 ? 0 : -weight / (n * p[i]);
            }
        }
    }

    @Override
    public double fusedValue(Matrix preActivation, Matrix predicted, Matrix target) {
        checkShapes(preActivation, target);
        int n = preActivation.rows();
        int k = preActivation.cols();
        double[] z = preActivation.data();
        double[] y = target.data();
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int start = r * k;
            double max = z[start];
            for (int j = 1; j < k; j++) {
                max = Math.max(max, z[start + j]);
            }
            double exps = 0;
            for (int j = 0; j < k; j++) {
                exps += Math.exp(z[start + j] - max);
            }
            double logSumExp = max + Math.log(exps);
            if (sparse) {
                sum += logSumExp - z[start + label(y, r, k)];
            } else {
                // -Σ y·(z - lse), with the zero-weight terms left out so that no 0·∞ appears.
                for (int j = 0; j < k; j++) {
                    if (y[start + j] != 0) {
                        sum += y[start + j] * (logSumExp - z[start + j]);
                    }
                }
            }
        }
        return sum / n;
    }

    @Override
    public void fusedGradient(Matrix preActivation, Matrix predicted, Matrix target, Matrix gradient) {
        checkShapes(predicted, target);
        checkGradient(predicted, gradient);
        int n = predicted.rows();
        int k = predicted.cols();
        double[] p = predicted.data();
        double[] y = target.data();
        double[] g = gradient.data();
        double scale = 1.0 / n;
        for (int r = 0; r < n; r++) {
            int start = r * k;
            if (sparse) {
                int c = label(y, r, k);
                for (int j = 0; j < k; j++) {
                    g[start + j] = scale * (j == c ? p[start + j] - 1 : p[start + j]);
                }
            } else {
                double weight = 0;
                for (int j = 0; j < k; j++) {
                    weight += y[start + j];
                }
                for (int j = 0; j < k; j++) {
                    g[start + j] = scale * (p[start + j] * weight - y[start + j]);
                }
            }
        }
    }

    /** The class index of row r; a bad label would read another sample's output, so it is refused here too. */
    private int label(double[] labels, int r, int classes) {
        double c = labels[r];
        int index = (int) c;
        if (index != c || index < 0 || index >= classes) {
            throw new IllegalArgumentException(name() + ": batch row " + r + " holds class " + c
                    + ", but labels must be whole numbers from 0 to " + (classes - 1));
        }
        return index;
    }

    private void checkShapes(Matrix predicted, Matrix target) {
        if (target.rows() != predicted.rows() || target.cols() != targetWidth(predicted.cols())) {
            throw new IllegalArgumentException(name() + ": predictions are " + predicted.shape() + " but targets are "
                    + target.shape() + "; targets must be " + predicted.rows() + "x" + targetWidth(predicted.cols())
                    + (sparse ? ", one class index per sample" : ", one-hot rows as wide as the predictions"));
        }
    }

    static void checkGradient(Matrix predicted, Matrix gradient) {
        if (!gradient.hasShape(predicted.rows(), predicted.cols())) {
            throw new IllegalArgumentException("the gradient matrix is " + gradient.shape() + " but predictions are "
                    + predicted.shape());
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
