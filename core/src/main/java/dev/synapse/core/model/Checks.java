package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import java.util.List;

/** The argument checks every public entry point of {@link Sequential} shares; each runs once per call. */
final class Checks {

    private Checks() {}

    static void checkInputs(List<Layer> layers, Matrix inputs, String what) {
        Layer first = layers.get(0);
        if (inputs.cols() != first.inputSize()) {
            throw new IllegalArgumentException("layer 0 (" + first.type() + ") expects " + first.inputSize()
                    + " inputs per sample but got " + inputs.cols() + " (" + what + " " + inputs.shape()
                    + "). Pass samples of " + first.inputSize() + " values, or build the model with input("
                    + inputs.cols() + ").");
        }
        if (inputs.rows() == 0) {
            throw new IllegalArgumentException("the " + what + " are empty (" + inputs.shape()
                    + "); pass at least one sample");
        }
        checkFinite(inputs, what);
    }

    /** Checks targets against the inputs and the last layer, as {@code loss} (which may be null) expects them. */
    static void checkTargets(List<Layer> layers, Loss loss, Matrix inputs, Matrix targets) {
        int last = layers.size() - 1;
        Layer output = layers.get(last);
        int width = loss == null ? output.outputSize() : loss.targetWidth(output.outputSize());
        if (targets.rows() != inputs.rows()) {
            throw new IllegalArgumentException("inputs have " + inputs.rows() + " rows but targets have "
                    + targets.rows() + " (inputs " + inputs.shape() + ", targets " + targets.shape()
                    + "); each input row needs exactly one target row");
        }
        if (width != output.outputSize() && targets.cols() != width) {
            throw new IllegalArgumentException("targets have " + targets.cols() + " values per sample but loss "
                    + loss.name() + " takes " + width + " for the " + output.outputSize() + " outputs of the last layer"
                    + " (layer " + last + ", " + output.type() + "; targets " + targets.shape() + "). Pass "
                    + width + " target value(s) per sample, or choose a loss for " + targets.cols() + "-wide targets.");
        }
        if (targets.cols() != width) {
            throw new IllegalArgumentException("targets have " + targets.cols() + " values per sample but the last layer"
                    + " (layer " + last + ", " + output.type() + ") outputs " + output.outputSize() + " (targets "
                    + targets.shape() + "). Give the last layer " + targets.cols() + " units or fix the targets.");
        }
        checkFinite(targets, "targets");
        if (loss != null) {
            loss.checkTargets(targets, output.outputSize());
        }
    }

    /** Asks the loss whether it can follow the last layer; {@code loss} may be null. */
    static void checkLossFitsOutput(List<Layer> layers, Loss loss) {
        if (loss != null) {
            int last = layers.size() - 1;
            Layer output = layers.get(last);
            loss.checkOutput("layer " + last + " (" + output.type() + ")", output.outputActivation());
        }
    }

    private static void checkFinite(Matrix m, String what) {
        if (m.precision() == Precision.FLOAT32 ? allFinite(m.floatData()) : allFinite(m.data())) {
            return;
        }
        for (int i = 0; i < m.size(); i++) {
            if (!Double.isFinite(m.element(i))) {
                throw new IllegalArgumentException("the " + what + " hold " + m.element(i) + " at row " + i / m.cols()
                        + ", column " + i % m.cols() + "; every value must be finite: clean or impute the data first");
            }
        }
    }

    /*
     * A finite x gives x·0 = ±0 and an infinity or NaN gives NaN, which every later sum keeps; eight sums, so the adds
     * do not wait on each other. fit checks all of its inputs every call (W3: 47 million values), and the loop with a
     * branch per element took 13% of a float32 W3 epoch; the slow loop now runs only to name a value already found.
     */
    private static boolean allFinite(double[] x) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < x.length; i += 8) {
            s0 += x[i] * 0.0;
            s1 += x[i + 1] * 0.0;
            s2 += x[i + 2] * 0.0;
            s3 += x[i + 3] * 0.0;
            s4 += x[i + 4] * 0.0;
            s5 += x[i + 5] * 0.0;
            s6 += x[i + 6] * 0.0;
            s7 += x[i + 7] * 0.0;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0.0;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0;
    }

    private static boolean allFinite(float[] x) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < x.length; i += 8) {
            s0 += x[i] * 0f;
            s1 += x[i + 1] * 0f;
            s2 += x[i + 2] * 0f;
            s3 += x[i + 3] * 0f;
            s4 += x[i + 4] * 0f;
            s5 += x[i + 5] * 0f;
            s6 += x[i + 6] * 0f;
            s7 += x[i + 7] * 0f;
        }
        for (; i < x.length; i++) {
            s0 += x[i] * 0f;
        }
        return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 == 0;
    }
}
