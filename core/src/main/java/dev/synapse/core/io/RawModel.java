package dev.synapse.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a model file says, as parsed and before any validation: every field may be missing (null) or contradict
 * another. {@link ModelParser} fills it, {@link RawModelCheck} validates it, {@link ModelAssembler} builds from it.
 */
final class RawModel {

    /** One entry of {@code model.layers}; {@code path} is its JSON path, for messages. */
    record RawLayer(String path, String type, Integer units, String activation,
            Map<String, Double> activationArguments, Boolean bias, Map<String, Double> arguments) {}

    /** A scaler's fields: {@code numbers} holds the scalar fields, {@code arrays} the per-column ones. */
    record RawScaler(String path, String type, Map<String, Double> numbers, Map<String, double[]> arrays) {}

    /**
     * One entry of {@code weights}: the first {@code count} of {@code values}, read row by row; {@code rows} is the
     * number of rows found, {@code firstRaggedRow} the first row whose length differs from the first row's (or -1);
     * {@code constant} marks a layer's fixed matrix (version 2) rather than a parameter.
     */
    record RawWeight(String path, Integer layer, String name, boolean constant, int[] shape, double[] values,
            int count, int rows, int firstRaggedRow, int firstRaggedLength) {}

    String format;
    String version;
    Integer inputSize;
    List<RawLayer> layers;
    boolean modelSeen;
    String loss;
    /** {@code model.precision} (version 3), or null when the file has none: float64. */
    String precision;
    RawScaler inputScaler;
    RawScaler targetScaler;
    List<RawWeight> weights;
    String checksumAlgorithm;
    String checksumValue;
    boolean checksumSeen;
    final List<String> unknownFields = new ArrayList<>();
}
