package dev.synapse.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.model.ModelFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What saving and loading say about paths and files, and which temporary files a save removes. */
class SaveMessagesTest {

    @TempDir
    Path dir;

    @Test
    void aSaveIntoAMissingFolderNamesThePathGivenNotATemporaryFile() {
        Path path = dir.resolve("models/xor.model");

        assertThatThrownBy(() -> SaveLoop.version(1).save(path, SaveLoop.REGISTRY))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(path + ": cannot save there: the folder " + path.getParent() + " does not exist; create"
                        + " it first (Files.createDirectories) or save elsewhere")
                .hasMessageNotContaining(".tmp");
    }

    @Test
    void aSaveOntoAFolderSaysSo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("xor.model"));

        assertThatThrownBy(() -> SaveLoop.version(1).save(folder, SaveLoop.REGISTRY))
                .isInstanceOf(FileSystemException.class)
                .hasMessage(folder + ": cannot save there: it is a folder; save to a file inside it");
    }

    @Test
    void aFileThatIsNotJsonIsRefusedWithoutGsonsAdviceToReadLeniently() throws IOException {
        Path path = Files.writeString(dir.resolve("notes.model"), "hello world\n");

        assertThatThrownBy(() -> ModelFile.load(path, SaveLoop.REGISTRY))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("notes.model: not a Synapse model file: it is not valid JSON (malformed JSON at line 1"
                        + " column 1 path $); pass a file written by Sequential.save or ModelFile.save")
                .hasMessageNotContaining("setStrictness").hasMessageNotContaining("LENIENT");
    }

    @Test
    void aSaveRemovesTheTemporaryFilesOfKilledSavesToTheSamePathOnly() throws IOException {
        Path path = dir.resolve("xor.model");
        Path abandoned = Files.writeString(dir.resolve(".xor.model.3kq0v9x1.tmp"), "{\"format\": \"synap");
        Path otherTarget = Files.writeString(dir.resolve(".and.model.3kq0v9x1.tmp"), "{");
        Path notOurs = Files.writeString(dir.resolve(".xor.model.backup.tmp.old"), "{");

        SaveLoop.version(1).save(path, SaveLoop.REGISTRY);

        assertThat(abandoned).doesNotExist();
        assertThat(otherTarget).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aTemporaryFileThatALiveSaveHoldsLockedStays() throws IOException {
        Path path = dir.resolve("xor.model");
        Path live = Files.writeString(dir.resolve(".xor.model.5abc.tmp"), "{\"format\": \"synap");

        try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE)) {
            channel.lock();     // as a save in progress holds its temporary file

            SaveLoop.version(1).save(path, SaveLoop.REGISTRY);

            assertThat(live).exists();
        }
        SaveLoop.version(2).save(path, SaveLoop.REGISTRY);
        assertThat(live).doesNotExist();
    }

    @Test
    void concurrentSavesToOnePathAllSucceedAndLeaveOneWholeFile() throws Exception {
        Path path = dir.resolve("xor.model");
        Thread[] savers = new Thread[4];
        IOException[] failures = new IOException[savers.length];
        for (int t = 0; t < savers.length; t++) {
            int version = t + 1;
            savers[t] = new Thread(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        SaveLoop.version(version).save(path, SaveLoop.REGISTRY);
                    }
                } catch (IOException e) {
                    failures[version - 1] = e;
                }
            });
            savers[t].start();
        }
        for (Thread saver : savers) {
            saver.join();
        }

        assertThat(failures).containsOnlyNulls();
        double first = ModelFile.load(path, SaveLoop.REGISTRY).model().parameters().get(0).value().data()[0];
        assertThat(first).isBetween(1.0, 4.0);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("xor.model");
        }
    }
}
