package dev.synapse.optimizers;

import dev.synapse.core.Parameter;
import java.util.List;

/** The per-parameter arrays optimizer states keep (running means, velocities): allocated once, at start. */
final class Buffers {

    private Buffers() {}

    /** One zero-filled array per parameter, as long as that parameter's value. */
    static double[][] zerosLike(List<Parameter> parameters) {
        double[][] buffers = new double[parameters.size()][];
        for (int p = 0; p < buffers.length; p++) {
            buffers[p] = new double[parameters.get(p).value().size()];
        }
        return buffers;
    }
}
