package dev.synapse.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;

/**
 * Writes a text file atomically: beside the target under a fresh temporary name, flushed to disk, then moved over
 * the target, so a crash or a full disk leaves the previous file whole and no temporary file behind.
 *
 * <pre>{@code
 * AtomicFile.write(path, out -> out, writer -> writer.write("hello\n"));
 * }</pre>
 */
public final class AtomicFile {

    /** Writes the content of a file to a {@link Writer}; the writer is flushed and closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(Writer out) throws IOException;
    }

    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    private AtomicFile() {}

    /**
     * Writes {@code content} to {@code path} in UTF-8, atomically.
     *
     * @param hook wraps the file's stream, so tests can fail a write midway; {@code out -> out} otherwise
     * @throws IOException if writing fails; an existing file at {@code path} is then unchanged
     */
    public static void write(Path path, UnaryOperator<OutputStream> hook, Content content) throws IOException {
        Path target = path.toAbsolutePath();
        Path folder = target.getParent();
        Path temp = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36)
                + ".tmp");
        try {
            // CREATE_NEW: the name is fresh and nobody else's; the file gets the folder's usual permissions.
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                Writer out = new BufferedWriter(
                        new OutputStreamWriter(hook.apply(Channels.newOutputStream(channel)), StandardCharsets.UTF_8),
                        1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncFolder(folder);
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
