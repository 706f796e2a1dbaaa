package dev.synapse.layers;

import static dev.synapse.activations.Activations.relu;
import static dev.synapse.activations.Activations.softmax;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.model.Sequential;
import dev.synapse.losses.Losses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files of version 2: softmax outputs, dropout layers and L2 penalties; and version 1 files still load. */
class ClassifierModelFileTest {

    @TempDir
    Path dir;

    private static final Matrix PROBES = Matrix.of(new double[] {0, 0, 0, 0}, new double[] {1, -2, 0.5, 3},
            new double[] {-0.25, 0.75, 2, -1});

    private static Sequential classifier() {
        return Sequential.builder().input(4)
                .add(Dense.units(6).activation(relu()).l2(1e-4))
                .add(Dropout.rate(0.2))
                .add(Dense.units(3).activation(softmax()))
                .loss(Losses.sparseCategoricalCrossEntropy()).seed(3).build();
    }

    private Path saved(Sequential model) throws IOException {
        Path file = dir.resolve("model.json");
        model.save(file);
        return file;
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from), to));
    }

    @Test
    void aSoftmaxClassifierWithDropoutAndL2SavesAndLoadsWithBitIdenticalPredictions() throws IOException {
        Sequential model = classifier();

        Sequential loaded = Sequential.load(saved(model));

        assertThat(loaded.predict(PROBES).data()).containsExactly(model.predict(PROBES).data());
        assertThat(loaded.layers()).extracting(l -> l.type()).containsExactly("dense", "dropout", "dense");
        assertThat(((Dense) loaded.layers().get(0)).l2()).isEqualTo(1e-4);
        assertThat(((Dropout) loaded.layers().get(1)).rate()).isEqualTo(0.2);
        assertThat(((Dense) loaded.layers().get(2)).rowActivation()).contains(softmax());
        assertThat(((Dense) loaded.layers().get(2)).l2()).isZero();
        assertThat(loaded.loss()).contains(Losses.sparseCategoricalCrossEntropy());
        assertThat(loaded.toString()).isEqualTo("Sequential[" + loaded.name() + ", input=4, Dense[4->6, relu, l2=1.0E-4], Dropout[6, rate=0.2],"
                + " Dense[6->3, softmax], loss=sparse-categorical-crossentropy, optimizer=none]");
    }

    @Test
    void writesVersionTwoWithSoftmaxAsAnActivationAndDropoutsRateAsAnArgument() throws IOException {
        String text = Files.readString(saved(classifier()));

        assertThat(text).startsWith("{\n  \"format\": \"synapse-model\",\n  \"version\": 2,\n");
        assertThat(text).contains("\"arguments\": {\n          \"l2\": 1.0E-4\n        }",
                "\"type\": \"dropout\",\n        \"units\": 6,\n        \"bias\": false,\n        \"arguments\": {\n"
                        + "          \"rate\": 0.2\n        }",
                "\"activation\": {\n          \"name\": \"softmax\"\n        }",
                "\"loss\": \"sparse-categorical-crossentropy\"");
    }

    @Test
    void aVersionOneFileSavedBeforeVersionTwoExistedStillLoads() throws IOException {
        Path file = dir.resolve("version-1.json");
        try (InputStream in = getClass().getResourceAsStream("/model-files/version-1.json")) {
            Files.copy(in, file);
        }

        Sequential loaded = Sequential.load(file);

        // Predictions of this file as the version-1 release computed them when it saved the file.
        assertThat(Files.readString(file)).contains("\"version\": 1,");
        assertThat(loaded.predict(0.5, -1)).containsExactly(0.17028769817255926);
        assertThat(loaded.predict(2, 3)).containsExactly(-0.9997885597993731);
        assertThat(loaded.toString()).isEqualTo("Sequential[" + loaded.name() + ", input=2, Dense[2->3, leaky-relu(slope=0.2)], Dense[3->1, tanh, no bias],"
                + " loss=mse, optimizer=none]");
    }

    @Test
    void refusesADropoutLayerWithAnArgumentItDoesNotTake() throws IOException {
        Path file = saved(classifier());
        rewrite(file, "\"rate\": 0.2", "\"rate\": 0.2,\n          \"seed\": 4");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: layer 1 (dropout): a dropout layer takes exactly the argument 'rate', but the"
                        + " file gives {rate=0.2, seed=4.0}; the file does not describe a consistent model: save the"
                        + " model again (docs/model-format.md describes every field)");
    }

    @Test
    void refusesAFileWhoseLossCannotFollowItsOutputActivation() throws IOException {
        Path file = saved(classifier());
        rewrite(file, "\"name\": \"softmax\"", "\"name\": \"relu\"");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: loss sparse-categorical-crossentropy cannot follow layer 2 (dense),"
                        + " whose activation is relu: it needs a probability per class")
                .satisfies(e -> assertThat(((ModelFileException) e).reason())
                        .isEqualTo(ModelFileException.Reason.INCONSISTENT));
    }

    @Test
    void refusesADropoutRateOutsideZeroToOne() throws IOException {
        Path file = saved(classifier());
        rewrite(file, "\"rate\": 0.2", "\"rate\": 1.5");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: layer 1 (dropout): a dropout rate is the fraction of values"
                        + " dropped and must be in [0, 1), got 1.5");
    }
}
