package dev.synapse.core.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Scaler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a model file holds, as plain parts: the built layers, the loss and the scalers. The file formats read and
 * write this; {@code ModelFile} and {@code Sequential} (in {@code core.model}) turn it into a model, so the formats
 * need not know the model classes and the dependencies point one way ({@code core.model} uses {@code core.io}'s
 * formats, never back).
 *
 * <pre>{@code
 * StoredModel stored = StoredModel.read(Path.of("model.json"), Registry.global());
 * Sequential model = Sequential.of(stored.layers(), stored.loss(), null, 0);
 * }</pre>
 *
 * @param inputSize    values per input sample
 * @param layers       the layers in order, each taking the previous one's outputs
 * @param loss         the loss the model was trained with, or null
 * @param inputScaler  what raw inputs go through before the network, or null
 * @param targetScaler what the network's targets went through in training (outputs go through its inverse), or null
 */
public record StoredModel(int inputSize, List<Layer> layers, Loss loss, Scaler inputScaler, Scaler targetScaler) {

    /**
     * Checks that the parts fit together.
     *
     * @param inputSize values per input sample
     * @param layers the layers in order
     * @param loss the loss, or null
     * @param inputScaler the input scaler, or null
     * @param targetScaler the target scaler, or null
     * @throws IllegalArgumentException if there is no layer, a layer's input width is not what the one before it
     *                                  (or the input size) gives, or a scaler's width is not the input or output size
     */
    public StoredModel {
        checkNotNull(layers, "layers");
        checkArgument(!layers.isEmpty(), "a model needs at least one layer");
        layers = ImmutableList.copyOf(layers);
        int width = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            checkArgument(layer.inputSize() == width,
                    "layer %s (%s) expects %s inputs per sample but %s gives %s", l, layer.type(),
                    layer.inputSize(), l == 0 ? "the input size" : "the layer before it", width);
            width = layer.outputSize();
        }
        checkArgument(inputScaler == null || inputScaler.width() == inputSize,
                "the input scaler has %s columns but the model takes %s inputs",
                inputScaler == null ? 0 : inputScaler.width(), inputSize);
        checkArgument(targetScaler == null || targetScaler.width() == width,
                "the target scaler has %s columns but the model has %s outputs",
                targetScaler == null ? 0 : targetScaler.width(), width);
    }

    /**
     * The precision the layers compute in: their first parameter's, float64 for layers without parameters.
     *
     * @return the precision model files record ({@code model.precision}, format version 3)
     */
    public Precision precision() {
        for (Layer layer : layers) {
            if (!layer.parameters().isEmpty()) {
                return layer.parameters().get(0).value().precision();
            }
        }
        return Precision.FLOAT64;
    }

    /**
     * Layers and loss without scalers.
     *
     * @param layers the layers in order, at least one; the input size is the first one's
     * @param loss the loss the model was trained with, or null
     * @return the parts, without scalers
     */
    public static StoredModel of(List<Layer> layers, Loss loss) {
        checkNotNull(layers, "layers");
        checkArgument(!layers.isEmpty(), "a model needs at least one layer");
        return new StoredModel(layers.get(0).inputSize(), layers, loss, null, null);
    }

    /**
     * Values per output sample.
     *
     * @return the last layer's output width
     */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /**
     * Reads a Synapse model file (docs/model-format.md), rebuilding components through {@code registry}.
     *
     * @param path the model file
     * @param registry the names the file's components are looked up by, usually {@link Registry#global()}
     * @return the file's layers, loss and scalers
     * @throws ModelFileException if the file is not a valid model file; nothing is built then
     * @throws IOException        if the file cannot be read
     */
    public static StoredModel read(Path path, Registry registry) throws IOException {
        checkNotNull(path, "path");
        checkNotNull(registry, "registry");
        return ModelReader.read(path, registry);
    }

    /**
     * Writes this model to {@code path} as a Synapse model file, atomically, naming components through
     * {@code registry}.
     *
     * @param path the file to write, replaced if it exists
     * @param registry the names components are saved under, usually {@link Registry#global()}
     * @throws IllegalArgumentException if a layer, activation or loss is not registered (the file could not be
     *                                  loaded back) or a parameter is not finite; nothing is written then
     * @throws IOException              if writing fails; an existing file at {@code path} is then unchanged
     */
    public void write(Path path, Registry registry) throws IOException {
        checkNotNull(path, "path");
        checkNotNull(registry, "registry");
        ModelWriter.save(this, path, registry, out -> out);
    }
}
