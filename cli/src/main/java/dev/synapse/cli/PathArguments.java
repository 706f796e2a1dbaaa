package dev.synapse.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of the paths a command is given, made before any work, with messages that name the path as the user
 * typed it: a folder where a file belongs, a file to write in a folder that does not exist or cannot be written.
 * A missing input file is left to the reader, whose "no such file" already names it.
 */
final class PathArguments {

    private PathArguments() {}

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
