package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
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
        int bad = m.firstNonFinite();
        if (bad >= 0) {
            throw new IllegalArgumentException("the " + what + " hold " + m.element(bad) + " at row " + bad / m.cols()
                    + ", column " + bad % m.cols() + "; every value must be finite: clean or impute the data first");
        }
    }
}
