package dev.synapse.core.io;

import dev.synapse.core.io.ModelFileException.Reason;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the Synapse model format (docs/model-format.md) in three steps, each in its own class: {@link ModelParser}
 * parses the whole file into plain values, {@link RawModelCheck} validates them — format, version, checksum, shapes,
 * widths — and {@link ModelAssembler} resolves the names and builds the layers. A file that fails any check builds
 * nothing.
 */
final class ModelReader {

    private ModelReader() {}

    static StoredModel read(Path path, Registry registry) throws IOException {
        String name = fileName(path);
        if (Files.size(path) == 0) {
            throw new ModelFileException(name, Reason.TRUNCATED, "is empty (0 bytes): the save that wrote it was"
                    + " interrupted or the file was cleared; restore it from a backup or save the model again");
        }
        RawModel raw;
        try (EndAwareReader in = new EndAwareReader(
                new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
            raw = ModelParser.parse(name, in);
        }
        RawModelCheck checked = RawModelCheck.check(name, raw);
        return ModelAssembler.assemble(name, raw, checked, registry);
    }

    /** The name messages give the file: without its folder. */
    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
