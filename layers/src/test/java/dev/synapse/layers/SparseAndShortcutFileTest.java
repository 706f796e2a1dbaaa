package dev.synapse.layers;

import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layer kinds of model format version 2 in files, and version 1 files still loading. */
class SparseAndShortcutFileTest {

    @TempDir
    Path dir;

    private static Sequential model() {
        return Sequential.builder().input(4)
                .add(Sparse.units(3).activation(tanh()).connectionRate(0.5))
                .add(Shortcut.units(2).activation(tanh()))
                .add(Dense.units(1).activation(sigmoid()))
                .seed(3).build();
    }

    private static final Matrix PROBES = Matrix.of(new double[][] {{0.1, -0.7, 2, 0}, {1, 1, -1, 0.5}});

    @Test
    void sparseAndShortcutLayersRoundTripBitForBitWithTheirMask() throws IOException {
        Sequential model = model();
        Path file = dir.resolve("model.json");

        model.save(file);
        Sequential loaded = Sequential.load(file);

        assertThat(loaded.predict(PROBES)).isEqualTo(model.predict(PROBES));
        assertThat(((Sparse) loaded.layers().get(0)).mask()).isEqualTo(((Sparse) model.layers().get(0)).mask());
        assertThat(loaded.layers()).extracting(l -> l.type()).containsExactly("sparse", "shortcut", "dense");
        String text = Files.readString(file);
        assertThat(text).contains("\"version\": 2", "\"type\": \"sparse\"", "\"type\": \"shortcut\"",
                "\"name\": \"mask\",\n      \"constant\": true");
    }

    @Test
    void aChangedMaskIsCaughtByTheChecksum() throws IOException {
        Path file = dir.resolve("model.json");
        model().save(file);
        String text = Files.readString(file);
        int mask = text.indexOf("\"name\": \"mask\"");
        int one = text.indexOf("1.0", mask);
        Files.writeString(file, text.substring(0, one) + "0.0" + text.substring(one + 3));

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .satisfies(e -> assertThat(((ModelFileException) e).reason())
                        .isEqualTo(ModelFileException.Reason.CHECKSUM_MISMATCH));
    }

    @Test
    void aVersionOneFileStillLoads() throws IOException {
        Sequential model = Sequential.builder().input(2).add(Dense.units(1).activation(tanh())).seed(1).build();
        Path file = dir.resolve("old.json");
        model.save(file);
        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst(Pattern.quote("\"version\": 2"), "\"version\": 1"));

        assertThat(Sequential.load(file).predict(0.5, 0.25)).isEqualTo(model.predict(0.5, 0.25));
    }
}
