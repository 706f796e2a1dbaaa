package dev.synapse.core.io;

/**
 * The identity of the Synapse model format (docs/model-format.md): its name and versions, in one place. A new layer
 * kind, field or meaning that an older reader would misread raises {@link #VERSION}; the reader accepts every
 * version from 1 to it and the writer writes it.
 */
final class ModelFormat {

    /** The value of every model file's {@code "format"} field. */
    static final String FORMAT = "synapse-model";

    /**
     * The version this release writes, and the newest it reads. Version 2 added the row-wise activation softmax,
     * dense layers' {@code l2} argument, dropout layers, layer constants (fixed matrices such as a sparse layer's
     * connection mask) and the layer types {@code sparse} and {@code shortcut}. Version 3 added
     * {@code model.precision}: a float32 model's file says {@code "float32"}, and its weights are the float values,
     * written (and checksummed) as the doubles they widen to exactly.
     */
    static final int VERSION = 3;

    /**
     * The version a float64 model is written in: version 2, as before version 3, since such a file needs nothing
     * version 3 added; a release that reads version 2 reads it.
     */
    static final int FLOAT64_VERSION = 2;

    private ModelFormat() {}

    /** Whether this release reads files of {@code version}, as the file spells it. */
    static boolean reads(String version) {
        for (int v = 1; v <= VERSION; v++) {
            if (String.valueOf(v).equals(version)) {
                return true;
            }
        }
        return false;
    }

    /** The readable versions in words, for messages: "version 1", "versions 1 and 2", "versions 1 to 3". */
    static String readableVersions() {
        return switch (VERSION) {
            case 1 -> "version 1";
            case 2 -> "versions 1 and 2";
            case 3 -> "versions 1 to 3";
            default -> "versions 1 to " + VERSION;
        };
    }
}
