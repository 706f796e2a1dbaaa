package dev.synapse.fann;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.io.AtomicFile;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.StoredModel;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import java.io.IOException;
import java.nio.file.Path;

/**
 * FANN 2.x network files ({@code .net}, as {@code fann_save} and {@code fann_save_to_fixed} write them) read into
 * Synapse models and written from them.
 *
 * <pre>{@code
 * ModelFile imported = FannNetFile.read(Path.of("xor_float.net"));
 * double[] y = imported.model().predict(1, -1);       // what fann_run gives
 * double[] raw = imported.predict(0.3, 7.5);          // fann_scale_input, fann_run, fann_descale_output
 * FannNetFile.write(imported, Path.of("again.net"));  // fann_create_from_file loads it
 * FixedPointNetwork fixed = FannNetFile.readFixedPoint(Path.of("xor_fixed.net"));   // libfixedfann's integers
 * }</pre>
 *
 * <p>Reading keeps what computes the outputs: the layers (each FANN layer one Synapse layer: {@code Dense},
 * {@code Sparse} when connections are missing, {@code Shortcut} in shortcut networks), every neuron's activation and
 * steepness (one per layer: a file whose neurons of one layer differ is refused, naming the layer) and the scaling,
 * as z-score scalers. The training settings FANN stores (learning rate, RPROP, cascade parameters) are not read.
 * A fixed-point file ({@code fann_save_to_fixed}) reads into a double-precision model, for training on, whose
 * predictions follow libfixedfann's {@code fann_run} (its sigmoids stepwise, its linear functions without
 * steepness) but not its integer rounding; {@link #readFixedPoint(Path)} reads it into a
 * {@link FixedPointNetwork} that computes {@code fann_run}'s integers exactly.
 *
 * <p>Writing refuses, naming the layer, what FANN cannot hold: a layer other than dense, sparse or shortcut, an
 * activation other than FANN's own ({@code FannActivations}) and sigmoid, tanh and identity. FANN keeps scaling
 * numbers with six decimals, so an exported scaler is rounded to them.
 */
public final class FannNetFile {

    private FannNetFile() {}

    /**
     * Reads a FANN network file.
     *
     * @param path the {@code .net} file, as FANN's {@code fann_save} writes it
     * @return the network as a Synapse model, with the input and output scalers the file holds (if any)
     * @throws ModelFileException if the file is not a FANN 2.x network file, is cut short, or describes a network
     *                            Synapse cannot compute as FANN does (the message names the line or the layer)
     * @throws IOException        if the file cannot be read
     */
    public static ModelFile read(Path path) throws IOException {
        checkNotNull(path, "path");
        String name = fileName(path);
        return ModelFile.of(FannImport.toModel(name, FannNetReader.read(path, name)));
    }

    /**
     * Reads a FANN fixed-point network file into a network that computes exactly what libfixedfann's
     * {@code fann_run} computes, in FANN's integers.
     *
     * @param path the {@code .net} file, as FANN's {@code fann_save_to_fixed} writes it ({@code FANN_FIX_2.0})
     * @return the network, predicting only
     * @throws ModelFileException if the file is not a FANN fixed-point network file (a floating-point one is
     *                            refused, pointing to {@link #read(Path)}), is cut short, or describes a network
     *                            {@code fann_run} cannot compute from its inputs alone (the message names the neuron)
     * @throws IOException        if the file cannot be read
     */
    public static FixedPointNetwork readFixedPoint(Path path) throws IOException {
        checkNotNull(path, "path");
        String name = fileName(path);
        return FixedPointImport.toNetwork(name, FannNetReader.read(path, name));
    }

    /**
     * Whether {@code path} is a FANN fixed-point network file: its first line is {@code FANN_FIX_2.0} (or
     * {@code FANN_FIX_2.1}, which libfixedfann reads too).
     *
     * @param path the file to look at; only its first bytes are read
     * @return true for a fixed-point FANN file, false for any other file
     * @throws IOException if the file cannot be read
     */
    public static boolean isFixedPoint(Path path) throws IOException {
        return FannNetReader.isFixedPoint(checkNotNull(path, "path"));
    }

    /**
     * Whether {@code path} starts as a FANN network file does, with {@code FANN_}.
     *
     * @param path the file to look at; only its first bytes are read
     * @return true if the file's first bytes are {@code FANN_}; false for a shorter or other file
     * @throws IOException if the file cannot be read
     */
    public static boolean looksLikeFann(Path path) throws IOException {
        return FannNetReader.looksLikeFann(checkNotNull(path, "path"));
    }

    /**
     * Writes {@code model} with its scalers as a FANN 2.2 network file ({@code FANN_FLO_2.1}), atomically.
     *
     * @param model the model and its scalers; its layers must be ones FANN can hold
     * @param path the {@code .net} file to write, replaced if it exists
     * @throws IllegalArgumentException naming the layer, if FANN cannot hold the model; nothing is written then
     * @throws IOException              if writing fails; an existing file at {@code path} is then unchanged
     */
    public static void write(ModelFile model, Path path) throws IOException {
        checkNotNull(model, "model");
        checkNotNull(path, "path");
        FannNetwork net = FannExport.toNetwork(model.stored());
        AtomicFile.write(path, out -> out, out -> FannNetWriter.write(net, out));
    }

    /**
     * {@link #write(ModelFile, Path)} for a model without scalers.
     *
     * @param model the trained model; its layers must be ones FANN can hold
     * @param path the {@code .net} file to write, replaced if it exists
     * @throws IllegalArgumentException naming the layer, if FANN cannot hold the model; nothing is written then
     * @throws IOException if writing fails; an existing file at {@code path} is then unchanged
     */
    public static void write(Sequential model, Path path) throws IOException {
        write(ModelFile.of(checkNotNull(model, "model")), path);
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    /** The layers and scalers of a file, for tests. */
    static StoredModel stored(Path path) throws IOException {
        return read(path).stored();
    }
}
