package dev.synapse.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The temporary file a save writes before moving it over its target ({@code .model.json.<random>.tmp} beside
 * {@code model.json}), locked from creation until the save ends.
 *
 * <p>The lock is what tells a live save's file from one a killed save left behind: the operating system releases
 * a dead process's locks, so a later save to the same target deletes exactly the temporary files it can lock
 * ({@link #removeAbandoned}). Saves in this JVM are also kept in {@link #LIVE}, because a JVM cannot lock a file
 * twice (it throws {@link OverlappingFileLockException} instead of answering "held").
 */
final class SaveTemporary implements AutoCloseable {

    private static final SecureRandom NAMES = new SecureRandom();
    /** The random part of a name: {@link Long#toUnsignedString(long, int)} in base 36. */
    private static final Pattern RANDOM_PART = Pattern.compile("[0-9a-z]{1,13}");
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private boolean moved;

    private SaveTemporary(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /**
     * Creates and locks a fresh temporary file beside {@code target} (an absolute path).
     *
     * @throws IOException if the folder does not take a new file
     */
    static SaveTemporary create(Path target) throws IOException {
        while (true) {
            Path path = target.resolveSibling(prefix(target) + Long.toUnsignedString(NAMES.nextLong(), 36) + ".tmp");
            LIVE.add(path);
            FileChannel channel = null;
            try {
                // CREATE_NEW: the name is fresh and nobody else's; the file gets the folder's usual permissions.
                channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                lock(channel);
                // Another process's cleanup may have locked and deleted the file in the instant before our lock;
                // then it is gone and a fresh name is needed.
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                    return new SaveTemporary(path, channel);
                }
                channel.close();
                LIVE.remove(path);
            } catch (IOException | RuntimeException | Error e) {
                LIVE.remove(path);
                if (channel != null) {
                    try {
                        channel.close();
                        Files.deleteIfExists(path);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }
    }

    private static void lock(FileChannel channel) {
        try {
            channel.lock();
        } catch (IOException e) {
            // A file system without locks (some network mounts): save unlocked. Cleanup cannot lock files there
            // either, so it deletes none, a live save's included.
        }
    }

    Path path() {
        return path;
    }

    FileChannel channel() {
        return channel;
    }

    /** Moves the finished file over {@code target}, atomically; {@link #close} then only releases the lock. */
    void moveTo(Path target) throws IOException {
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        moved = true;
    }

    /** Deletes the file unless it was moved (while still holding its lock), then releases the lock. */
    @Override
    public void close() throws IOException {
        try {
            if (!moved) {
                Files.deleteIfExists(path);
            }
        } finally {
            try {
                channel.close();
            } finally {
                LIVE.remove(path);
            }
        }
    }

    /**
     * Deletes the temporary files of earlier saves to {@code target} that no live save holds: those left by a
     * process that was killed while saving. Best effort: a file that cannot be opened, locked or deleted stays.
     */
    static void removeAbandoned(Path target) {
        String prefix = prefix(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
                p -> isTemporaryName(p.getFileName().toString(), prefix))) {
            for (Path file : files) {
                if (!LIVE.contains(file)) {
                    removeIfUnlocked(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // The save itself succeeded; leftovers wait for the next one.
        }
    }

    private static void removeIfUnlocked(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                Files.deleteIfExists(file);     // the lock goes with the channel, after the name is gone
            }
        } catch (IOException | OverlappingFileLockException e) {
            // Gone already, or held by a save in this JVM: not ours to delete.
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }

    private static boolean isTemporaryName(String name, String prefix) {
        return name.startsWith(prefix) && name.endsWith(".tmp")
                && RANDOM_PART.matcher(name.substring(prefix.length(), name.length() - 4)).matches();
    }
}
