package dev.synapse.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.testing.Fixtures.Linear;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving and loading with a minimal layer, so core tests its file handling without the layers module. */
class ModelFileTest {

    @TempDir
    Path dir;

    /** Knows {@code y = x·W}, the smallest layer with a parameter: core tests saving without the layers module. */
    private static final Registry REGISTRY = SaveLoop.REGISTRY;

    /** Passes {@code limit} bytes through, then fails as a full disk would. */
    private static final class FailingStream extends FilterOutputStream {
        private long left;

        FailingStream(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("No space left on device (simulated)");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    private static ModelFile model(double... weights) {
        return ModelFile.of(Sequential.of(List.of(new Linear(Matrix.wrap(weights.length, 1, weights.clone()))),
                null, null, 1));
    }

    @Test
    void aSaveThatFailsMidwayKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("model.json");
        model(1, 2, 3).save(file, REGISTRY);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ModelWriter.save(model(4, 5, 6).stored(), file, REGISTRY,
                out -> new FailingStream(out, 100)))
                .isInstanceOf(IOException.class)
                .hasMessage("No space left on device (simulated)");

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(ModelFile.load(file, REGISTRY).predict(1, 1, 1)).containsExactly(6);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aSaveThatCrashesWithAnUncheckedExceptionAlsoCleansUp() throws IOException {
        Path file = dir.resolve("model.json");
        model(1, 2).save(file, REGISTRY);
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> ModelWriter.save(model(3, 4).stored(), file, REGISTRY, out -> {
            throw new IllegalStateException("crash before the first byte");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFirstSaveThatFailsLeavesNothingBehind() {
        Path file = dir.resolve("new.json");

        assertThatThrownBy(() -> ModelWriter.save(model(1).stored(), file, REGISTRY,
                out -> new FailingStream(out, 10)))
                .isInstanceOf(IOException.class);

        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aLayerTypeWithoutAFactoryIsRefusedBeforeAnythingIsWritten() {
        Path file = dir.resolve("model.json");

        assertThatThrownBy(() -> model(1).save(file, new Registry()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot save layer 0: its type 'linear' is not registered, so the file could not be"
                        + " loaded back; register it first with Registry.global().registerLayer(\"linear\", factory)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDamagedByteInTheStructureIsReportedAsDamage() throws IOException {
        Path file = dir.resolve("model.json");
        model(1, 2).save(file, REGISTRY);
        Files.writeString(file, Files.readString(file).replaceFirst("\"layers\": \\[", "\"layers\": ]"));

        assertThatThrownBy(() -> ModelFile.load(file, REGISTRY))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: not valid JSON (")
                .hasMessageEndingWith("); the file is damaged: restore it from a backup or save the model again")
                .satisfies(e -> assertThat(((ModelFileException) e).reason())
                        .isEqualTo(ModelFileException.Reason.DAMAGED));
    }

    @Test
    void anUnknownLayerTypeSaysHowToRegisterIt() throws IOException {
        Path file = dir.resolve("model.json");
        model(1, 2).save(file, REGISTRY);

        assertThatThrownBy(() -> ModelFile.load(file, new Registry()))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: layer 0 has type 'linear', which is not registered (none is registered: is"
                        + " synapse-layers on the classpath?). Register it before loading with"
                        + " Registry.global().registerLayer(\"linear\", factory), or pass a Registry that knows it to"
                        + " Sequential.load(path, registry)");
    }

    @Test
    void anEmptyFileIsRefusedAsTruncated() throws IOException {
        Path file = Files.createFile(dir.resolve("model.json"));

        assertThatThrownBy(() -> ModelFile.load(file, REGISTRY))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: is empty (0 bytes): the save that wrote it was interrupted or the file was"
                        + " cleared; restore it from a backup or save the model again");
    }

    @Test
    void aWeightThatIsNotFiniteIsRefused() throws IOException {
        Path file = dir.resolve("model.json");
        model(1, 2).save(file, REGISTRY);
        Files.writeString(file, Files.readString(file).replaceFirst("\\[1\\.0\\]", "[1e999]"));

        assertThatThrownBy(() -> ModelFile.load(file, REGISTRY))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: not valid JSON (JSON forbids NaN and infinities");
    }

    @Test
    void registeringANameAgainReplacesItsFactory() {
        Registry registry = new Registry().registerLoss("l", () -> null);
        java.util.function.Supplier<dev.synapse.core.Loss> second = () -> null;

        registry.registerLoss("l", second);

        assertThat(registry.loss("l")).containsSame(second);
        assertThatThrownBy(() -> registry.registerActivation(" ", args -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the activation name must not be blank, got ' '");
    }

    @Test
    void unknownFieldsAreRefusedAfterTheVersionCheck() throws IOException {
        Path file = dir.resolve("model.json");
        model(1).save(file, REGISTRY);
        Files.writeString(file, Files.readString(file).replaceFirst("\"model\": \\{", "\"extra\": 1, \"model\": {"));

        assertThatThrownBy(() -> ModelFile.load(file, REGISTRY))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: fields that version 2 does not define: $.extra; remove them or save the model"
                        + " again (docs/model-format.md lists every field)");
    }
}
