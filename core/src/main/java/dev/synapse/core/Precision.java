package dev.synapse.core;

/**
 * The floating-point format a {@link Matrix} stores its elements in, and so the format its kernels compute in.
 *
 * <pre>{@code
 * Matrix x = new Matrix(64, 784, Precision.FLOAT32);   // backed by a float[]
 * x.precision();                                        // FLOAT32
 * Matrix d = x.toPrecision(Precision.FLOAT64);          // a double[] copy, each element converted exactly
 * }</pre>
 *
 * <p>{@link #FLOAT64} is the default everywhere. Matrices of different precisions never meet in one operation:
 * mixing them throws, naming both shapes and precisions.
 */
public enum Precision {
    /** IEEE 754 binary64, Java's {@code double}: the default. */
    FLOAT64("float64"),
    /** IEEE 754 binary32, Java's {@code float}: half the memory and twice the vector lanes of float64. */
    FLOAT32("float32");

    private final String label;

    Precision(String label) {
        this.label = label;
    }

    /**
     * The name error messages and model files use.
     *
     * @return {@code "float64"} or {@code "float32"}
     */
    public String label() {
        return label;
    }

    /**
     * The precision a label names, as {@link #label()} writes it.
     *
     * @param label {@code "float64"} or {@code "float32"}
     * @return the precision of that label
     * @throws IllegalArgumentException if the label names no precision
     */
    public static Precision ofLabel(String label) {
        for (Precision p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + label + "'; expected float64 or float32");
    }

    @Override
    public String toString() {
        return label;
    }
}
