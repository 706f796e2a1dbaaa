package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Precision;
import java.util.List;

/**
 * The rows one {@code fit} trains on and the rows it validates on (null without validation data): the given ones,
 * or the training data split as {@link Training#validationSplit(double)} says, before any shuffling.
 */
record FitData(Matrix inputs, Matrix targets, Matrix validationInputs, Matrix validationTargets) {

    /**
     * Splits off or checks the validation data of {@code training}.
     *
     * @throws IllegalArgumentException if a split leaves no training or no validation row, or validation data has
     *                                  the wrong widths or a value that is not finite
     */
    static FitData of(List<Layer> layers, Loss loss, Matrix inputs, Matrix targets, Training training) {
        Training.Validation validation = training.validation();
        if (validation == null) {
            return new FitData(inputs, targets, null, null);
        }
        if (validation.split() == 0) {
            Checks.checkInputs(layers, validation.inputs(), "validation inputs");
            Matrix validationTargets = validation.targets().toPrecision(Precision.FLOAT64);
            Checks.checkTargets(layers, loss, validation.inputs(), validationTargets);
            return new FitData(inputs, targets, validation.inputs(), validationTargets);
        }
        int rows = inputs.rows();
        int trainRows = (int) Math.round(rows * (1 - validation.split()));
        checkArgument(trainRows > 0 && trainRows < rows, "validation split %s of %s rows leaves %s for training and"
                + " %s for validation; each needs at least one: pass more rows or another fraction",
                validation.split(), rows, trainRows, rows - trainRows);
        return new FitData(rows(inputs, 0, trainRows), rows(targets, 0, trainRows), rows(inputs, trainRows, rows),
                rows(targets, trainRows, rows));
    }

    boolean validating() {
        return validationInputs != null;
    }

    private static Matrix rows(Matrix m, int from, int to) {
        return m.rows(from, to);
    }
}
