package dev.synapse.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * Writes a text file atomically: into a locked temporary file beside the target ({@link SaveTemporary}), forced to
 * disk, then renamed over the target, so a crash or a full disk leaves the previous file whole; a later save to the
 * same target removes the temporary files that killed saves left behind (those no live save holds).
 *
 * <pre>{@code
 * AtomicFile.write(path, out -> out, writer -> writer.write("hello\n"));
 * }</pre>
 */
public final class AtomicFile {

    /** Writes the content of a file to a {@link Writer}; the writer is flushed and closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole content to {@code out}.
         *
         * @param out the temporary file's writer; not to be closed
         * @throws IOException if writing fails; the target file is then left as it was
         */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code content} to {@code path} in UTF-8, atomically.
     *
     * @param path the file to replace or create
     * @param content writes the whole new content
     * @param hook wraps the file's stream, so tests can fail a write midway; {@code out -> out} otherwise
     * @throws IOException if writing fails; an existing file at {@code path} is then unchanged
     */
    public static void write(Path path, UnaryOperator<OutputStream> hook, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        checkTarget(path, target, folder);
        Path temporary = null;
        try (SaveTemporary temp = SaveTemporary.create(target)) {
            temporary = temp.path();
            OutputStream stream = hook.apply(Channels.newOutputStream(temp.channel()));
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(out);
            out.flush();
            temp.channel().force(true);
            temp.moveTo(target);
        } catch (FileSystemException e) {
            throw aboutTarget(e, path, temporary);
        }
        syncFolder(folder);
        SaveTemporary.removeAbandoned(target);
    }

    /** Refuses, naming the path the caller gave, a target in a missing folder or one that is a folder. */
    private static void checkTarget(Path path, Path target, Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(path.toString(), null, "cannot save there: the folder " + folder
                    + " does not exist; create it first (Files.createDirectories) or save elsewhere");
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(path.toString(), null, "cannot save there: it is a folder; save to a"
                    + " file inside it");
        }
    }

    /**
     * The same failure, naming the path the caller gave rather than the temporary file (a name they never chose
     * and that is gone by the time they read the message).
     */
    private static FileSystemException aboutTarget(FileSystemException e, Path path, Path temporary) {
        if (temporary == null || !temporary.toString().equals(e.getFile())) {
            return e;
        }
        String reason = "cannot save there: " + (e.getReason() != null ? e.getReason() : e.getClass().getSimpleName());
        FileSystemException named;
        if (e instanceof NoSuchFileException) {
            named = new NoSuchFileException(path.toString(), null, reason);
        } else if (e instanceof AccessDeniedException) {
            named = new AccessDeniedException(path.toString(), null, reason);
        } else {
            named = new FileSystemException(path.toString(), null, reason);
        }
        named.initCause(e);
        return named;
    }

    /** Makes the rename itself durable; not every platform can open a folder, and the file is complete anyway. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the data is already on disk under its final name or the old file is intact.
        }
    }
}
