package dev.synapse.layers;

import dev.synapse.core.Matrix;
import java.util.Map;
import java.util.Set;

/**
 * The checks a layer factory runs on what a model file gives it; each message names the layer type and says what
 * it expected, and becomes part of the loader's error, which adds the layer index and the file.
 */
final class FactoryChecks {

    private FactoryChecks() {}

    /** Only {@code allowed} names, each of {@code required} present. */
    static void names(String type, String what, Map<String, Matrix> given, Set<String> allowed,
            Set<String> required) {
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("a " + type + " layer has " + what + " " + allowed + ", not '"
                        + name + "'");
            }
        }
        for (String name : required) {
            if (!given.containsKey(name)) {
                throw new IllegalArgumentException("its " + what + " '" + name + "' are missing");
            }
        }
    }

    /** {@code matrix} (named {@code name}) has the shape the settings imply. */
    static Matrix shape(Matrix matrix, String name, int rows, int cols, String why) {
        if (!matrix.hasShape(rows, cols)) {
            throw new IllegalArgumentException("its " + name + " are " + matrix.shape() + " but must be " + rows + "x"
                    + cols + " (" + why + ")");
        }
        return matrix;
    }

    /** The layer takes no arguments and has an activation. */
    static void plain(String type, Map<String, Double> arguments, Object activation) {
        if (activation == null) {
            throw new IllegalArgumentException("a " + type + " layer needs an activation, but none is given");
        }
        if (!arguments.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " layer takes no arguments, but the file gives "
                    + arguments);
        }
    }
}
