package dev.synapse.layers;

import static dev.synapse.activations.Activations.leakyRelu;
import static dev.synapse.activations.Activations.sigmoid;
import static dev.synapse.activations.Activations.tanh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.Registry;
import dev.synapse.core.model.ModelFile;
import dev.synapse.core.model.Sequential;
import dev.synapse.losses.Losses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static final Activation SOFTSIGN = Activation.of("softsign", x -> x / (1 + Math.abs(x)),
            (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));

    /** Three layers covering an activation with arguments, a layer without bias and Gaussian weights. */
    private static Sequential model() {
        return Sequential.builder().input(3)
                .add(Dense.units(5).activation(sigmoid()).weights(Initializers.randn()).bias(Initializers.randn()))
                .add(Dense.units(4).activation(leakyRelu(0.2)).withoutBias())
                .add(Dense.units(2).activation(tanh()))
                .loss(Losses.sumSquaredError())
                .seed(7)
                .build();
    }

    /** A batch of inputs with awkward values: tiny, huge, negative zero, thirds. */
    private static Matrix probes() {
        return Matrix.of(new double[] {0, 0, 0}, new double[] {1.0 / 3, -2.0 / 7, 1e-300},
                new double[] {-0.0, 12345.678, -3.5}, new double[] {Math.PI, Math.E, -1e-8});
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

    private static ModelFileException.Reason reasonOf(Throwable e) {
        return ((ModelFileException) e).reason();
    }

    @Test
    void saveThenLoadGivesBitIdenticalPredictions() throws IOException {
        Sequential model = model();

        Sequential loaded = Sequential.load(saved(model));

        assertThat(loaded.predict(probes())).isEqualTo(model.predict(probes()));
        for (int p = 0; p < model.parameters().size(); p++) {
            assertThat(loaded.parameters().get(p).value()).isEqualTo(model.parameters().get(p).value());
        }
        assertThat(loaded.loss().orElseThrow().name()).isEqualTo("sse");
        assertThat(loaded.layers()).extracting(Object::toString)
                .containsExactlyElementsOf(model.layers().stream().map(Object::toString).toList());
    }

    @Test
    void keepsEveryDoubleBitForBit() throws IOException {
        double[] awkward = {-0.0, Double.MIN_VALUE, 1e-300, 0.1, 1.0 / 3, -Double.MAX_VALUE, 123456.789e10, Math.PI};
        Dense layer = new Dense(tanh(), Matrix.wrap(8, 1, awkward.clone()), Matrix.rowVector(-0.0));
        Sequential model = Sequential.of(List.of(layer), null, null, 1);

        Sequential loaded = Sequential.load(saved(model));

        double[] back = ((Dense) loaded.layers().get(0)).weights().value().data();
        for (int i = 0; i < awkward.length; i++) {
            assertThat(Double.doubleToRawLongBits(back[i])).isEqualTo(Double.doubleToRawLongBits(awkward[i]));
        }
        assertThat(Double.doubleToRawLongBits(((Dense) loaded.layers().get(0)).bias().orElseThrow().value().get(0, 0)))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(loaded.loss()).isEmpty();
    }

    @Test
    void writesAVersionedJsonFileAPersonCanRead() throws IOException {
        String text = Files.readString(saved(model()));

        assertThat(text).startsWith("{\n  \"format\": \"synapse-model\",\n  \"version\": 2,\n  \"model\": {\n"
                + "    \"inputSize\": 3,\n");
        assertThat(text).contains("\"name\": \"leaky-relu\"", "\"slope\": 0.2", "\"bias\": false",
                "\"loss\": \"sse\"", "\"shape\": [3, 5]", "\"algorithm\": \"sha-256\"");
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = saved(model());
        Sequential other = Sequential.builder().input(3).add(Dense.units(1).activation(sigmoid())).seed(1).build();

        other.save(file);

        assertThat(Sequential.load(file).predict(probes())).isEqualTo(other.predict(probes()));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        Path file = saved(model());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: ends early (")
                .hasMessageEndingWith("): the file is truncated, as by an interrupted copy or a full disk; restore it"
                        + " from a backup or save the model again")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.TRUNCATED));
    }

    @Test
    void refusesAFileWithOneWeightDigitChanged() throws IOException {
        Path file = saved(model());
        String text = Files.readString(file);
        int digit = text.indexOf('.', text.indexOf("\"values\"")) + 3;
        char flipped = (char) ('0' + (text.charAt(digit) - '0' + 1) % 10);
        Files.writeString(file, text.substring(0, digit) + flipped + text.substring(digit + 1));

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: the numbers do not match the file's checksum (recorded sha-256 ")
                .hasMessageEndingWith("): the file was changed or damaged after it was saved; restore it from a backup"
                        + " or save the model again")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.CHECKSUM_MISMATCH));
    }

    @Test
    void refusesAnotherFormatVersion() throws IOException {
        Path file = saved(model());
        rewrite(file, "\"version\": 2", "\"version\": 4");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: written in format version 4, but this Synapse reads versions 1 to 3 only;"
                        + " load it with the Synapse release that wrote it (or a newer one), or save the model again"
                        + " from there")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.UNSUPPORTED_VERSION));
    }

    @Test
    void refusesAnUnknownActivationNamingItAndHowToRegisterIt() throws IOException {
        Registry mine = Registry.withBuiltIns().registerActivation("softsign", args -> SOFTSIGN);
        Sequential model = Sequential.builder().input(2).add(Dense.units(1).activation(SOFTSIGN)).seed(1).build();
        Path file = dir.resolve("model.json");
        model.save(file, mine);

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith("model.json: layer 0 (dense) uses activation 'softsign', which is not"
                        + " registered (known: ")
                .hasMessageContaining("sigmoid")
                .hasMessageEndingWith("). Register it before loading with Registry.global().registerActivation("
                        + "\"softsign\", args -> ...), or pass a Registry that knows it to"
                        + " Sequential.load(path, registry)")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.UNKNOWN_COMPONENT));
        assertThat(Sequential.load(file, mine).predict(0.5, -2)).isEqualTo(model.predict(0.5, -2));
    }

    @Test
    void refusesAnArchitectureThatContradictsTheWeights() throws IOException {
        Path file = saved(model());
        rewrite(file, "\"units\": 5", "\"units\": 6");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("model.json: layer 0 (dense): its weights are 3x5 but must be 3x6 (3 inputs from the layer"
                        + " before, 6 units); the file does not describe a consistent model: save the model again"
                        + " (docs/model-format.md describes every field)")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.INCONSISTENT));
    }

    @Test
    void refusesAFileThatIsNotAModel() throws IOException {
        Path file = Files.writeString(dir.resolve("xor.data"), "4 2 1\n-1 -1\n-1\n");

        assertThatThrownBy(() -> Sequential.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessage("xor.data: not a Synapse model file: it does not hold a JSON object starting with"
                        + " {\"format\": \"synapse-model\", ...}; pass a file written by Sequential.save or"
                        + " ModelFile.save")
                .satisfies(e -> assertThat(reasonOf(e)).isEqualTo(ModelFileException.Reason.NOT_A_MODEL_FILE));
    }

    @Test
    void refusesToSaveAnActivationItCouldNotLoadBackAndKeepsTheOldFile() throws IOException {
        Path file = saved(model());
        byte[] before = Files.readAllBytes(file);
        Sequential unregistered = Sequential.builder().input(2).add(Dense.units(1).activation(SOFTSIGN)).build();

        assertThatThrownBy(() -> unregistered.save(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot save layer 0 (dense): its activation 'softsign' is not registered, so the file"
                        + " could not be loaded back; register it first, e.g."
                        + " Registry.global().registerActivation(\"softsign\", args -> new MyActivation())");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void carriesScalersAndPredictsInRawUnits() throws IOException {
        Sequential model = model();
        Matrix raw = probes();
        Scaler inputs = Scaler.fitZScore(raw);
        Scaler targets = Scaler.fitMinMax(Matrix.of(new double[] {10, -5}, new double[] {20, 5}), -1, 1);
        ModelFile file = ModelFile.of(model).withInputScaler(inputs).withTargetScaler(targets);
        Path path = dir.resolve("scaled.json");

        file.save(path);
        ModelFile loaded = ModelFile.load(path);

        assertThat(loaded.inputScaler()).contains(inputs);
        assertThat(loaded.targetScaler()).contains(targets);
        assertThat(loaded.predict(raw)).isEqualTo(file.predict(raw));
        assertThat(file.predict(raw)).isEqualTo(targets.inverse(model.predict(inputs.transform(raw))));
    }

    @Test
    void refusesToLoadAScaledModelAsABareNetwork() throws IOException {
        Sequential model = model();
        Path path = dir.resolve("scaled.json");
        ModelFile.of(model).withInputScaler(Scaler.fitMinMax(probes())).save(path);

        assertThatThrownBy(() -> Sequential.load(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scaled.json carries an input scaler that its predictions need; load it with"
                        + " ModelFile.load(path) and predict through it, so data is scaled as in training");
    }

    @Test
    void findsTheBuiltInsThroughServiceLoader() {
        Registry registry = Registry.global();

        assertThat(registry.layerTypes()).contains("dense");
        assertThat(registry.activationNames()).contains("identity", "sigmoid", "tanh", "relu", "leaky-relu",
                "softplus");
        assertThat(registry.lossNames()).contains("sse", "half-sse", "mse");
    }

    @Test
    void rebuildsAnActivationFromItsArguments() throws IOException {
        Sequential model = Sequential.builder().input(1).add(Dense.units(1).activation(leakyRelu(0.3))).seed(1)
                .build();

        Sequential loaded = Sequential.load(saved(model));

        Activation activation = ((Dense) loaded.layers().get(0)).activation();
        assertThat(activation.name()).isEqualTo("leaky-relu");
        assertThat(activation.arguments()).isEqualTo(Map.of("slope", 0.3));
        assertThat(List.of(loaded.predict(-1.0)[0])).isEqualTo(List.of(model.predict(-1.0)[0]));
    }

    @Test
    void rebuildsFannActivationsWithTheirSteepnessAndFannLosses() throws IOException {
        Sequential model = Sequential.builder().input(2)
                .add(Dense.units(4).activation(FannActivations.sigmoidStepwise()).weights(Initializers.uniform(-1, 1)))
                .add(Dense.units(1).activation(FannActivations.sigmoidSymmetricStepwise(0.7)))
                .loss(Losses.fannMse(true)).seed(3).build();

        Sequential loaded = Sequential.load(saved(model));

        Activation output = ((Dense) loaded.layers().get(1)).activation();
        assertThat(output.name()).isEqualTo("sigmoid-symmetric-stepwise");
        assertThat(output.arguments()).isEqualTo(Map.of("steepness", 0.7));
        assertThat(loaded.loss()).map(l -> l.name()).contains("fann-mse-symmetric");
        Matrix andInputs = Matrix.of(new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1}, new double[] {1, 1});
        assertThat(loaded.predict(andInputs)).isEqualTo(model.predict(andInputs));
    }
}
