package dev.synapse.optimizers;

import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import java.util.List;

/** The per-parameter arrays optimizer states keep (running means, velocities): allocated once, at start. */
final class Buffers {

    private Buffers() {}

    /**
     * One zero-filled array per float64 parameter, as long as that parameter's value; null for a float32 one, whose
     * state is in {@link #floatZerosLike}.
     */
    static double[][] zerosLike(List<Parameter> parameters) {
        double[][] buffers = new double[parameters.size()][];
        for (int p = 0; p < buffers.length; p++) {
            Matrix value = parameters.get(p).value();
            buffers[p] = value.isFloat() ? null : new double[value.size()];
        }
        return buffers;
    }

    /**
     * One zero-filled float array per float32 parameter, as long as that parameter's value (optimizer state is
     * kept in the parameter's precision); null for a float64 one.
     */
    static float[][] floatZerosLike(List<Parameter> parameters) {
        float[][] buffers = new float[parameters.size()][];
        for (int p = 0; p < buffers.length; p++) {
            Matrix value = parameters.get(p).value();
            buffers[p] = value.isFloat() ? new float[value.size()] : null;
        }
        return buffers;
    }
}
