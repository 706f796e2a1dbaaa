package dev.synapse.core.io;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.testing.Fixtures.Linear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The JVM {@link KilledSaveTest} kills: saves models of {@value #ROWS}x{@value #COLS} weights to one path, over and
 * over, until killed. Save {@code v} holds weights that are all {@code v}, so a loaded file tells which save made it
 * and that it is whole. Writes one byte to standard output once the first save has started writing.
 */
final class SaveLoop {

    static final int ROWS = 400;
    static final int COLS = 500;

    /** Knows the linear test layer, the only component the saved models have. */
    static final Registry REGISTRY = new Registry().registerLayer("linear", new LayerFactory() {
        @Override
        public LayerConfig describe(Layer layer) {
            return LayerConfig.of("linear", layer.inputSize(), layer.outputSize(), null, false);
        }

        @Override
        public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
            return new Linear(parameters.get("weights"));
        }
    });

    private SaveLoop() {}

    /** A model whose weights are all {@code version}. */
    static ModelFile version(int version) {
        double[] weights = new double[ROWS * COLS];
        Arrays.fill(weights, version);
        return ModelFile.of(Sequential.of(List.of(new Linear(Matrix.wrap(ROWS, COLS, weights))), null, null, 1));
    }

    /** Arguments: the path to save to and the first version to write. */
    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        boolean[] announced = {false};
        for (int v = first; ; v++) {
            ModelWriter.save(version(v).stored(), path, REGISTRY, out -> {
                if (!announced[0]) {
                    announced[0] = true;
                    System.out.write("s".getBytes(StandardCharsets.US_ASCII), 0, 1);
                    System.out.flush();
                }
                return out;
            });
        }
    }
}
