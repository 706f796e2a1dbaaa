package dev.synapse.cli;

import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.data.MalformedDataException;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.ModelFile;
import dev.synapse.fann.ModelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a command is given, read and checked with messages that name the path as the user typed it: a folder
 * where a file belongs, a file to write in a folder that does not exist or cannot be written, and the readers'
 * own messages, which name only the file ({@code and.data line 3: ...}), shown with the whole path.
 */
final class PathArguments {

    private PathArguments() {}

    /** A reader of one kind of file, as the library offers them ({@code ModelFile::load}). */
    @FunctionalInterface
    interface Reader<T> {
        T read(Path path) throws IOException;
    }

    /**
     * Loads the model file at {@code path}: a Synapse model file or a FANN {@code .net} file.
     *
     * @throws Synapse.FailedException if it is a folder or not a valid model file, naming {@code path}
     * @throws IOException             if it cannot be read (the JDK's exception names {@code path})
     */
    static ModelFile loadModel(Path path) throws IOException {
        return read(path, "a model file", ModelFiles::load);
    }

    /**
     * Reads the FANN data file at {@code path}.
     *
     * @throws Synapse.FailedException if it is a folder or malformed, naming {@code path} (and the line)
     * @throws IOException             if it cannot be read (the JDK's exception names {@code path})
     */
    static Dataset readFannData(Path path) throws IOException {
        return read(path, "a FANN data file", FannData::read);
    }

    /** Reads {@code path}, which should be {@code what}, with {@code reader}; failures name the path given. */
    static <T> T read(Path path, String what, Reader<T> reader) throws IOException {
        checkNotAFolder(path, what);
        try {
            return reader.read(path);
        } catch (ModelFileException | MalformedDataException e) {
            throw withPath(e, path);
        }
    }

    /** The reader's message, which starts with the file's name, starting with the path given instead. */
    private static Synapse.FailedException withPath(IOException e, Path path) {
        Path name = path.getFileName();
        String message = String.valueOf(e.getMessage());
        String shown = name != null && message.startsWith(name.toString())
                ? path + message.substring(name.toString().length()) : message;
        Synapse.FailedException failed = new Synapse.FailedException(shown);
        failed.initCause(e);
        return failed;
    }

    /**
     * Fails if {@code path}, which should be {@code what} (e.g. "a model file"), is a folder.
     *
     * @throws Synapse.FailedException naming the path and what to pass instead
     */
    static void checkNotAFolder(Path path, String what) {
        if (Files.isDirectory(path)) {
            throw new Synapse.FailedException(path + ": is a folder, not " + what + "; pass the file itself");
        }
    }

    /**
     * Fails unless a file can be written at {@code path}, the value of {@code option}: checked before training, so
     * a run of hours does not end in a path that cannot take its result.
     *
     * @throws Synapse.FailedException naming the option, the path and how to fix it
     */
    static void checkWritable(String option, Path path) {
        if (Files.isDirectory(path)) {
            throw new Synapse.FailedException(option + " " + path + ": is a folder; give a file name inside it, e.g. "
                    + option + " " + path.resolve("and.model"));
        }
        Path folder = path.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new Synapse.FailedException(option + " " + path + ": the folder " + (folder == null ? path : folder)
                    + " does not exist; create it first (mkdir -p " + folder + ") or write elsewhere");
        }
        if (!Files.isWritable(folder) || Files.exists(path) && !Files.isWritable(path)) {
            throw new Synapse.FailedException(option + " " + path + ": permission denied; write somewhere you may"
                    + " write, or change the permissions of " + (Files.exists(path) ? path : folder));
        }
    }
}
