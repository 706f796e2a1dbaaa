package dev.synapse.core.model;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.OutputRange;
import dev.synapse.core.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * Recognises a training run that has gone wrong, and says where: a loss that is not finite (checked every batch),
 * a loss that exploded (an epoch's loss above {@link Training#explosionFactor(double)} × max(best loss so far, first
 * epoch's loss)), and an output that no longer passes any gradient (every gradient reaching the output layer exactly
 * zero for a whole epoch while the loss is above the target). Each check returns null when all is well, else the
 * problem in words, naming the first layer whose outputs or gradients went non-finite or saturated. It always runs,
 * so it allocates nothing while training is healthy.
 */
final class DivergenceGuard {

    /** What went wrong, for the likely cause the message gives. */
    enum Kind { NOT_FINITE, EXPLODED, NO_GRADIENT }

    private final List<Layer> layers;
    private final double explosionFactor;
    private final double targetLoss;
    private final List<Parameter> outputParameters;
    private double firstLoss = Double.NaN;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private boolean gradientReachedOutput;
    private Kind kind;

    /**
     * @param modelsFirstLoss the loss of the model's first trained epoch, from an earlier {@code fit}, or NaN when
     *                        this fit trains its first epoch: a model fitted one epoch per call (as the benchmarks and
     *                        an early-stopping user do) keeps one measure of "large" instead of each call's first
     *                        epoch, which after convergence can be 1e-29
     */
    DivergenceGuard(List<Layer> layers, double explosionFactor, double targetLoss, double modelsFirstLoss) {
        this.firstLoss = modelsFirstLoss;
        this.layers = layers;
        this.explosionFactor = explosionFactor;
        this.targetLoss = targetLoss;
        this.outputParameters = layers.get(layers.size() - 1).parameters();
    }

    /** The loss of the model's first trained epoch, NaN until one epoch has been checked. */
    double firstLoss() {
        return firstLoss;
    }

    Kind kind() {
        return kind;
    }

    void startEpoch() {
        // A layer without parameters cannot tell us whether gradient flows through it: count it as flowing.
        gradientReachedOutput = outputParameters.isEmpty();
    }

    /** After a batch's forward pass: is its loss finite? */
    String checkBatch(double batchLoss, Workspace ws) {
        if (Double.isFinite(batchLoss)) {
            return null;
        }
        kind = Kind.NOT_FINITE;
        return "the loss became " + batchLoss + "; " + whereNotFinite(ws);
    }

    /** After a batch's backward pass: notes whether any gradient reached the output layer's parameters. */
    void afterBackward() {
        if (gradientReachedOutput) {
            return;
        }
        for (int p = 0; p < outputParameters.size() && !gradientReachedOutput; p++) {
            Matrix g = outputParameters.get(p).gradient();
            for (int i = 0; i < g.size(); i++) {
                if (g.element(i) != 0) {
                    gradientReachedOutput = true;
                    break;
                }
            }
        }
    }

    /** After an epoch: did its loss explode, or did no gradient flow? {@code ws} holds its last batch. */
    String checkEpoch(int epoch, double epochLoss, Workspace ws) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = epochLoss;
        }
        double scale = Math.max(bestLoss == Double.POSITIVE_INFINITY ? epochLoss : bestLoss, firstLoss);
        // A scale of 0 (a perfect first epoch) gives no measure of "large": any later loss would count as exploded.
        if (scale > 0 && epochLoss > explosionFactor * scale) {
            kind = Kind.EXPLODED;
            return "the loss exploded to " + epochLoss + ", more than " + explosionFactor + " × " + scale
                    + " (the larger of the best loss so far and the first epoch's); " + whereExploded(ws);
        }
        if (!gradientReachedOutput && epochLoss > targetLoss && epochLoss > 0) {
            kind = Kind.NO_GRADIENT;
            int last = layers.size() - 1;
            return "no gradient reached the output layer for the whole epoch: every gradient of layer " + last + " ("
                    + layers.get(last) + ") was exactly 0 while the loss was " + epochLoss + "; "
                    + whereSaturated(ws);
        }
        return null;
    }

    /** Whether {@code epochLoss} is the best so far; call after {@link #checkEpoch} passed. */
    boolean isBest(double epochLoss) {
        if (epochLoss < bestLoss) {
            bestLoss = epochLoss;
            return true;
        }
        return false;
    }

    private String whereNotFinite(Workspace ws) {
        for (int l = 0; l < layers.size(); l++) {
            double bad = firstNonFinite(ws.outputs[l]);
            if (!Double.isNaN(bad) || hasNaN(ws.outputs[l])) {
                return "layer " + l + " (" + layers.get(l) + ") is the first whose outputs are not finite ("
                        + (hasNaN(ws.outputs[l]) ? "NaN" : String.valueOf(bad)) + ")";
            }
        }
        for (int l = layers.size() - 1; l >= 0; l--) {
            if (ws.gradients != null && (hasNaN(ws.gradients[l]) || !Double.isNaN(firstNonFinite(ws.gradients[l])))) {
                return "layer " + l + " (" + layers.get(l) + ") is the first whose output gradients are not finite";
            }
        }
        return "every layer's outputs are finite, so the loss itself overflowed on outputs as large as "
                + largestMagnitude(ws.outputs[layers.size() - 1]) + " (layer " + (layers.size() - 1) + ", "
                + layers.get(layers.size() - 1) + ")";
    }

    private String whereExploded(Workspace ws) {
        String saturated = firstSaturated(ws);
        if (saturated != null) {
            return saturated + ", and the output layer's values reach " + largestMagnitude(ws.outputs[layers.size() - 1]);
        }
        int last = layers.size() - 1;
        return "no layer is saturated; the outputs of layer " + last + " (" + layers.get(last) + ") reach "
                + largestMagnitude(ws.outputs[last]);
    }

    private String whereSaturated(Workspace ws) {
        String saturated = firstSaturated(ws);
        if (saturated == null) {
            return "no layer's outputs sit at the bounds of their range";
        }
        int last = layers.size() - 1;
        Optional<OutputRange> range = layers.get(last).outputRange();
        boolean outputSaturated = range.isPresent() && allAtBounds(ws.outputs[last], range.get());
        return saturated + (outputSaturated && !saturated.startsWith("layer " + last + " ")
                ? ", and so is the output layer: every output is " + range.get().low() + " or " + range.get().high()
                : "");
    }

    /** The first layer whose every output is at a bound of its range (a saturated sigmoid or tanh), or null. */
    private String firstSaturated(Workspace ws) {
        for (int l = 0; l < layers.size(); l++) {
            Optional<OutputRange> range = layers.get(l).outputRange();
            if (range.isPresent() && allAtBounds(ws.outputs[l], range.get())) {
                return "layer " + l + " (" + layers.get(l) + ") is the first saturated layer: every output is "
                        + range.get().low() + " or " + range.get().high();
            }
        }
        return null;
    }

    private static boolean allAtBounds(Matrix m, OutputRange range) {
        for (int i = 0; i < m.size(); i++) {
            if (!range.isBound(m.element(i))) {
                return false;
            }
        }
        return true;
    }

    /** The first infinite value, NaN if there is none (NaNs are found by {@link #hasNaN}). */
    private static double firstNonFinite(Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            if (Double.isInfinite(m.element(i))) {
                return m.element(i);
            }
        }
        return Double.NaN;
    }

    private static boolean hasNaN(Matrix m) {
        for (int i = 0; i < m.size(); i++) {
            if (Double.isNaN(m.element(i))) {
                return true;
            }
        }
        return false;
    }

    private static double largestMagnitude(Matrix m) {
        double max = 0;
        for (int i = 0; i < m.size(); i++) {
            max = Math.max(max, Math.abs(m.element(i)));
        }
        return max;
    }
}
