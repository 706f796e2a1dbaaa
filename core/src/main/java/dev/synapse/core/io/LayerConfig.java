package dev.synapse.core.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import dev.synapse.core.Activation;
import dev.synapse.core.Matrix;
import dev.synapse.core.RowActivation;
import java.util.Map;

/**
 * The settings of one layer as a model file stores them, apart from its parameters: its type, widths, activation
 * (element-wise or row-wise, at most one of the two), bias flag, any type-specific numbers and any fixed matrices
 * (since format version 2; a sparse layer's connection mask, say), which are saved beside the parameters but never
 * trained.
 *
 * @param type       the layer type, e.g. {@code "dense"}
 * @param inputSize  values per input sample (in the file, implied by the layer before)
 * @param units      values per output sample
 * @param activation the activation, or null for a layer without one
 * @param bias       whether the layer has a bias
 * @param arguments  further settings of the layer type, by name, e.g. a dense layer's {@code l2}
 * @param constants  fixed matrices of the layer type, by name, in the order they are saved; empty for a dense layer
 * @param rowActivation the row-wise activation (softmax), or null; never set together with {@code activation}
 */
public record LayerConfig(String type, int inputSize, int units, Activation activation, boolean bias,
        Map<String, Double> arguments, Map<String, Matrix> constants, RowActivation rowActivation) {

    /**
     * Checks the settings.
     *
     * @param type the layer type, e.g. {@code "dense"}
     * @param inputSize values per input sample
     * @param units values per output sample
     * @param activation the activation, or null
     * @param bias whether the layer has a bias
     * @param arguments further settings by name
     * @param constants fixed matrices by name
     * @param rowActivation the row-wise activation, or null
     * @throws IllegalArgumentException if the type is blank, a width is not positive, an argument not finite, a
     *                                  constant's name blank, or both an element-wise and a row-wise activation
     *                                  are given
     */
    public LayerConfig {
        checkArgument(activation == null || rowActivation == null,
                "a layer has one activation, but both %s and %s are given", activation, rowActivation);
        checkArgument(type != null && !type.isBlank(), "a layer type must not be blank, got '%s'", type);
        checkArgument(inputSize > 0 && units > 0, "layer widths must be positive, got %s inputs and %s units",
                inputSize, units);
        checkNotNull(arguments, "arguments");
        arguments.forEach((name, value) -> checkArgument(value != null && Double.isFinite(value),
                "layer argument '%s' must be finite, got %s", name, value));
        arguments = ImmutableSortedMap.copyOf(arguments);
        checkNotNull(constants, "constants");
        constants.forEach((name, value) -> checkArgument(name != null && !name.isBlank() && value != null,
                "layer constant names must not be blank and values not null, got '%s'", name));
        constants = ImmutableMap.copyOf(constants);
    }

    /**
     * A layer configuration with an element-wise activation (or none) and without constants.
     *
     * @param type the layer type, e.g. {@code "dense"}
     * @param inputSize values per input sample
     * @param units values per output sample
     * @param activation the activation, or null for a layer without one
     * @param bias whether the layer has a bias
     * @param arguments further settings by name, e.g. a dense layer's {@code l2}
     * @throws IllegalArgumentException if the type is blank, a width is not positive or an argument not finite
     */
    public LayerConfig(String type, int inputSize, int units, Activation activation, boolean bias,
            Map<String, Double> arguments) {
        this(type, inputSize, units, activation, bias, arguments, Map.of(), null);
    }

    /**
     * A layer configuration with an element-wise activation (or none) and fixed matrices.
     *
     * @param type the layer type, e.g. {@code "sparse"}
     * @param inputSize values per input sample
     * @param units values per output sample
     * @param activation the activation, or null for a layer without one
     * @param bias whether the layer has a bias
     * @param arguments further settings by name
     * @param constants fixed matrices by name, e.g. a sparse layer's {@code mask}
     * @throws IllegalArgumentException if the type is blank, a width is not positive, an argument not finite or a
     *                                  constant's name blank
     */
    public LayerConfig(String type, int inputSize, int units, Activation activation, boolean bias,
            Map<String, Double> arguments, Map<String, Matrix> constants) {
        this(type, inputSize, units, activation, bias, arguments, constants, null);
    }

    /**
     * The activation's name, element-wise or row-wise, or null for a layer without one.
     *
     * @return the name, e.g. {@code "sigmoid"} or {@code "softmax"}, or null
     */
    public String activationName() {
        return activation != null ? activation.name() : rowActivation != null ? rowActivation.name() : null;
    }

    /**
     * The activation's arguments, element-wise or row-wise; empty for a layer without one.
     *
     * @return the arguments by name, immutable; empty when the activation has none
     */
    public Map<String, Double> activationArguments() {
        return activation != null ? activation.arguments() : rowActivation != null ? rowActivation.arguments() : Map.of();
    }

    /**
     * A layer configuration without type-specific arguments.
     *
     * @param type the layer type, e.g. {@code "dense"}
     * @param inputSize values per input sample
     * @param units values per output sample
     * @param activation the activation, or null for a layer without one
     * @param bias whether the layer has a bias
     * @return the configuration, with no arguments and no constants
     */
    public static LayerConfig of(String type, int inputSize, int units, Activation activation, boolean bias) {
        return new LayerConfig(type, inputSize, units, activation, bias, Map.of());
    }
}
