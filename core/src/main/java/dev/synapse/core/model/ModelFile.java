package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.Registry;
import dev.synapse.core.io.StoredModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model as a file holds it: the network plus the scalers its inputs and targets went through in training, so
 * the numbers that turn raw data into what the network saw travel with it.
 *
 * <pre>{@code
 * Scaler inputs = Scaler.fitZScore(train.inputs());
 * model.fit(train.scaleInputs(inputs).inputs(), train.targets(), 1000);
 * ModelFile.of(model).withInputScaler(inputs).save(Path.of("model.json"));
 *
 * ModelFile loaded = ModelFile.load(Path.of("model.json"));
 * double[] y = loaded.predict(5.1, 3.5, 1.4, 0.2);      // raw inputs: scaled, run, targets scaled back
 * }</pre>
 *
 * <p>The format is one JSON file, versioned and documented in {@code docs/model-format.md}. Saving is atomic: the
 * file is written beside the target under a temporary name, flushed to disk, then moved over the target, so a crash
 * leaves the previous file whole; the next save to the same path removes the temporary file a killed save left.
 * Loading validates everything before building anything, and refuses a damaged,
 * truncated, changed or inconsistent file with a {@link ModelFileException} that says what to do. Components are
 * stored by name and rebuilt through a {@link Registry}; loading never runs code the file names.
 *
 * <p>It lives beside {@link Sequential} because it is where a model and the format's plain {@link StoredModel} turn
 * into each other ({@link #stored()}, {@link #of(StoredModel)}): {@code core.io} reads and writes files and knows
 * nothing of {@code core.model}.
 */
public final class ModelFile {

    private final Sequential model;
    private final Scaler inputScaler;
    private final Scaler targetScaler;

    private ModelFile(Sequential model, Scaler inputScaler, Scaler targetScaler) {
        this.model = model;
        this.inputScaler = inputScaler;
        this.targetScaler = targetScaler;
    }

    /**
     * A model without scalers.
     *
     * @param model the network
     * @return the model file content, without scalers
     */
    public static ModelFile of(Sequential model) {
        return new ModelFile(checkNotNull(model, "model"), null, null);
    }

    /**
     * A copy whose inputs go through {@code scaler} before the network.
     *
     * @param scaler a scaler fitted on the training inputs, as wide as the model's input
     * @return a new model file; this one is unchanged
     * @throws IllegalArgumentException if the scaler's width is not the model's input size
     */
    public ModelFile withInputScaler(Scaler scaler) {
        checkNotNull(scaler, "scaler");
        checkArgument(scaler.width() == model.inputSize(),
                "the input scaler has %s columns but the model takes %s inputs", scaler.width(), model.inputSize());
        return new ModelFile(model, scaler, targetScaler);
    }

    /**
     * A copy whose network outputs go through the inverse of {@code scaler}: the network was trained on targets
     * scaled by it.
     *
     * @param scaler the scaler the training targets went through, as wide as the model's output
     * @return a new model file; this one is unchanged
     * @throws IllegalArgumentException if the scaler's width is not the model's output size
     */
    public ModelFile withTargetScaler(Scaler scaler) {
        checkNotNull(scaler, "scaler");
        checkArgument(scaler.width() == model.outputSize(),
                "the target scaler has %s columns but the model has %s outputs", scaler.width(), model.outputSize());
        return new ModelFile(model, inputScaler, scaler);
    }

    /**
     * The network, which works on scaled values when the file has scalers.
     *
     * @return the network, never null
     */
    public Sequential model() {
        return model;
    }

    /**
     * The scaler raw inputs go through before the network.
     *
     * @return the input scaler, or empty when inputs are used as given
     */
    public Optional<Scaler> inputScaler() {
        return Optional.ofNullable(inputScaler);
    }

    /**
     * The scaler whose inverse maps the network's outputs back to the targets' units.
     *
     * @return the target scaler, or empty when outputs are used as given
     */
    public Optional<Scaler> targetScaler() {
        return Optional.ofNullable(targetScaler);
    }

    /**
     * The outputs for raw inputs: scaled as in training, run through the network, targets scaled back.
     *
     * @param inputs raw inputs, samples × the model's input size
     * @return the outputs in the targets' units, samples × the model's output size
     */
    public Matrix predict(Matrix inputs) {
        Matrix x = inputScaler == null ? inputs : inputScaler.transform(inputs);
        Matrix y = model.predict(x);
        return targetScaler == null ? y : targetScaler.inverse(y);
    }

    /**
     * The output for one raw sample.
     *
     * @param sample one raw input sample
     * @return its outputs, in the targets' units
     */
    public double[] predict(double... sample) {
        return predict(Matrix.rowVector(sample)).data();
    }

    /**
     * Saves atomically to {@code path}, naming components through {@link Registry#global()}. During the model's
     * {@code fit} it saves the weights of the last completed step, as {@link Sequential#save(Path)} does.
     *
     * @param path the file to write, replaced if it exists
     * @throws IllegalArgumentException if a layer, activation or loss is not registered (the file could not be
     *                                  loaded back) or a parameter is not finite; nothing is written then
     * @throws java.nio.file.NoSuchFileException if the folder of {@code path} does not exist, naming {@code path}
     * @throws IOException              if writing fails, or {@code path} is a folder; an existing file at {@code path}
     *                                  is then unchanged
     */
    public void save(Path path) throws IOException {
        save(path, Registry.global());
    }

    /**
     * Saves atomically to {@code path}, naming components through {@code registry}; otherwise as {@link #save(Path)}.
     *
     * @param path the file to write, replaced if it exists
     * @param registry the names components are saved under
     * @throws IllegalArgumentException if a component is not in {@code registry} or a parameter is not finite
     * @throws IOException              if writing fails; an existing file at {@code path} is then unchanged
     */
    public void save(Path path, Registry registry) throws IOException {
        model.write(stored(), path, registry);
    }

    /**
     * The model and scalers as the file formats take them.
     *
     * @return the layers, loss and scalers
     */
    public StoredModel stored() {
        return new StoredModel(model.inputSize(), model.layers(), model.loss().orElse(null), inputScaler,
                targetScaler);
    }

    /**
     * A model file's content as a model: the layers and loss become a {@link Sequential} without optimizer, the
     * scalers stay beside it.
     *
     * @param stored the parts read from a file
     * @return the model and its scalers
     */
    public static ModelFile of(StoredModel stored) {
        checkNotNull(stored, "stored model");
        return new ModelFile(Sequential.of(stored.layers(), stored.loss(), null, 0), stored.inputScaler(),
                stored.targetScaler());
    }

    /**
     * Loads a model file, rebuilding components through {@link Registry#global()}.
     *
     * @param path a Synapse model file
     * @return the model and its scalers
     * @throws ModelFileException if the file is not a valid model file; nothing is built then
     * @throws IOException if the file cannot be read
     */
    public static ModelFile load(Path path) throws IOException {
        return load(path, Registry.global());
    }

    /**
     * Loads a model file, rebuilding components through {@code registry}.
     *
     * @param path a Synapse model file
     * @param registry the names the file's components are looked up by
     * @return the model and its scalers
     * @throws ModelFileException if the file is not a valid model file; nothing is built then
     * @throws IOException        if the file cannot be read
     */
    public static ModelFile load(Path path, Registry registry) throws IOException {
        return of(StoredModel.read(path, registry));
    }

    @Override
    public String toString() {
        return "ModelFile[" + model + (inputScaler == null ? "" : ", input " + inputScaler)
                + (targetScaler == null ? "" : ", target " + targetScaler) + "]";
    }
}
