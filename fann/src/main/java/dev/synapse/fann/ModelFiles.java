package dev.synapse.fann;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.model.ModelFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a model from either format a user may hold: a Synapse model file or a FANN network file, told apart by
 * their first bytes.
 *
 * <pre>{@code
 * ModelFile model = ModelFiles.load(Path.of(args[0]));   // model.json or xor_float.net
 * }</pre>
 */
public final class ModelFiles {

    private ModelFiles() {}

    /**
     * The model in {@code path}: a FANN network file when it starts with {@code FANN_}, else a Synapse model file.
     *
     * @param path a FANN {@code .net} file or a Synapse model file
     * @return the model with its scalers, whichever format the file was in
     * @throws ModelFileException if the file is neither (the message says which two formats were tried) or is a
     *                            damaged file of one of them
     * @throws IOException        if the file cannot be read
     */
    public static ModelFile load(Path path) throws IOException {
        checkNotNull(path, "path");
        if (FannNetFile.looksLikeFann(path)) {
            return FannNetFile.read(path);
        }
        try {
            return ModelFile.load(path);
        } catch (ModelFileException e) {
            if (e.reason() != Reason.NOT_A_MODEL_FILE) {
                throw e;
            }
            String name = FannNetFile.fileName(path);
            throw new ModelFileException(name, Reason.NOT_A_MODEL_FILE, "not a model file: tried a Synapse model"
                    + " file (" + jsonReason(name, e.getMessage()) + ") and a FANN network file (it does not start"
                    + " with FANN_FLO_2.1, FANN_FLO_2.0 or FANN_FIX_2.0); pass a file written by Sequential.save,"
                    + " ModelFile.save or FANN's fann_save", e);
        }
    }

    /** The JSON reader's reason alone: "it is not valid JSON (...)", without the file name and its advice. */
    private static String jsonReason(String name, String message) {
        String reason = message.startsWith(name + ": ") ? message.substring(name.length() + 2) : message;
        String prefix = "not a Synapse model file: ";
        if (reason.startsWith(prefix)) {
            reason = reason.substring(prefix.length());
        }
        int advice = reason.indexOf("; pass a file");
        return advice < 0 ? reason : reason.substring(0, advice);
    }
}
