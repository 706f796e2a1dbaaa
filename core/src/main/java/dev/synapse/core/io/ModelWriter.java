package dev.synapse.core.io;

import com.google.gson.stream.JsonWriter;
import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Scaler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes the Synapse model format (docs/model-format.md): checks every component can be loaded back before the disk
 * is touched, then writes the JSON through {@link AtomicFile}.
 */
final class ModelWriter {

    private ModelWriter() {}

    /** A layer ready to write: its settings and parameters, checked before the disk is touched. */
    private record Entry(LayerConfig config, List<Parameter> parameters) {}

    static void save(StoredModel model, Path path, Registry registry, UnaryOperator<OutputStream> hook)
            throws IOException {
        List<Entry> entries = describe(model, registry);
        AtomicFile.write(path, hook, out -> write(model, entries, out));
    }

    /** Every layer's settings, with each component checked to be loadable again; throws before any write. */
    private static List<Entry> describe(StoredModel model, Registry registry) {
        List<Entry> entries = new ArrayList<>();
        List<Layer> layers = model.layers();
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            LayerFactory factory = registry.layer(layer.type()).orElseThrow(() -> new IllegalArgumentException(
                    "cannot save layer " + entries.size() + ": its type '" + layer.type() + "' is not registered, so"
                            + " the file could not be loaded back; register it first with"
                            + " Registry.global().registerLayer(\"" + layer.type() + "\", factory)"));
            LayerConfig config = factory.describe(layer);
            if (!config.type().equals(layer.type()) || config.inputSize() != layer.inputSize()
                    || config.units() != layer.outputSize()) {
                throw new IllegalArgumentException("cannot save layer " + l + ": its factory describes it as a '"
                        + config.type() + "' layer of " + config.inputSize() + " inputs and " + config.units()
                        + " units, but it is a '" + layer.type() + "' layer of " + layer.inputSize() + " inputs and "
                        + layer.outputSize() + " outputs; fix the factory's describe method");
            }
            String activation = config.activationName();
            boolean rowWise = config.rowActivation() != null;
            if (activation != null && (rowWise ? registry.rowActivation(activation) : registry.activation(activation))
                    .isEmpty()) {
                throw new IllegalArgumentException("cannot save layer " + l + " (" + layer.type() + "): its"
                        + " activation '" + activation + "' is not registered, so the file could not be"
                        + " loaded back; register it first, e.g. Registry.global().register"
                        + (rowWise ? "RowActivation" : "Activation") + "(\"" + activation + "\", args -> new My"
                        + (rowWise ? "RowActivation" : "Activation") + "())");
            }
            for (Map.Entry<String, Double> a : config.activationArguments().entrySet()) {
                if (a.getValue() == null || !Double.isFinite(a.getValue())) {
                    throw new IllegalArgumentException("cannot save layer " + l + ": argument '" + a.getKey()
                            + "' of activation '" + activation + "' is " + a.getValue() + "; it must be finite");
                }
            }
            Set<String> names = new HashSet<>();
            for (Parameter p : layer.parameters()) {
                if (!names.add(p.name())) {
                    throw new IllegalArgumentException("cannot save layer " + l + ": two parameters are named '"
                            + p.name() + "'");
                }
                Matrix value = p.value();
                for (int i = 0; i < value.size(); i++) {
                    if (!Double.isFinite(value.element(i))) {
                        throw new IllegalArgumentException("cannot save layer " + l + ": its " + p.name() + " hold "
                                + value.element(i) + " at row " + i / value.cols() + ", column " + i % value.cols()
                                + "; a model with non-finite parameters cannot be saved (did training diverge?)");
                    }
                }
            }
            entries.add(new Entry(config, layer.parameters()));
        }
        Optional.ofNullable(model.loss()).map(Loss::name).ifPresent(name -> {
            if (registry.loss(name).isEmpty()) {
                throw new IllegalArgumentException("cannot save the model: its loss '" + name + "' is not registered,"
                        + " so the file could not be loaded back; register it first with"
                        + " Registry.global().registerLoss(\"" + name + "\", () -> new MyLoss())");
            }
        });
        return entries;
    }

    private static void write(StoredModel model, List<Entry> entries, Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("format").value(ModelFormat.FORMAT);
        boolean single = model.precision() == Precision.FLOAT32;
        json.name("version").value(single ? ModelFormat.VERSION : ModelFormat.FLOAT64_VERSION);
        json.name("model").beginObject();
        if (single) {
            json.name("precision").value(Precision.FLOAT32.label());
        }
        json.name("inputSize").value(model.inputSize());
        json.name("layers").beginArray();
        for (Entry entry : entries) {
            LayerConfig config = entry.config();
            json.beginObject();
            json.name("type").value(config.type());
            json.name("units").value(config.units());
            if (config.activationName() != null) {
                json.name("activation").beginObject();
                json.name("name").value(config.activationName());
                writeArguments(json, config.activationArguments());
                json.endObject();
            }
            json.name("bias").value(config.bias());
            writeArguments(json, config.arguments());
            json.endObject();
        }
        json.endArray();
        json.name("loss");
        if (model.loss() != null) {
            json.value(model.loss().name());
        } else {
            json.nullValue();
        }
        json.endObject();
        if (model.inputScaler() != null) {
            json.name("inputScaler");
            writeScaler(json, model.inputScaler());
        }
        if (model.targetScaler() != null) {
            json.name("targetScaler");
            writeScaler(json, model.targetScaler());
        }
        json.name("weights").beginArray();
        Checksum weights = new Checksum();
        for (int l = 0; l < entries.size(); l++) {
            for (Parameter p : entries.get(l).parameters()) {
                writeMatrix(json, weights, l, p.name(), p.value(), false);
            }
            for (Map.Entry<String, Matrix> c : entries.get(l).config().constants().entrySet()) {
                writeMatrix(json, weights, l, c.getKey(), c.getValue(), true);
            }
        }
        json.endArray();
        if (model.inputScaler() != null) {
            addScaler(weights, 'I', model.inputScaler());
        }
        if (model.targetScaler() != null) {
            addScaler(weights, 'T', model.targetScaler());
        }
        json.name("checksum").beginObject();
        json.name("algorithm").value(Checksum.ALGORITHM);
        json.name("value").value(weights.hex());
        json.endObject();
        json.endObject();
        json.flush();
        out.write('\n');
    }

    /** One entry of the weights list; constants (version 2) are marked so the reader keeps them apart. */
    private static void writeMatrix(JsonWriter json, Checksum checksum, int layer, String name, Matrix matrix,
            boolean constant) throws IOException {
        // A float32 matrix is written as the doubles its floats widen to: each reads back as that double, which
        // rounds back to the same float.
        Matrix m = matrix.toPrecision(Precision.FLOAT64);
        json.beginObject();
        json.name("layer").value(layer);
        json.name("name").value(name);
        if (constant) {
            json.name("constant").value(true);
        }
        json.name("shape").jsonValue("[" + m.rows() + ", " + m.cols() + "]");
        json.name("values").beginArray();
        for (int r = 0; r < m.rows(); r++) {
            json.jsonValue(row(m.data(), r * m.cols(), m.cols()));
        }
        json.endArray();
        json.endObject();
        checksum.addMatrix(layer, m.rows(), m.cols(), m.data(), m.size());
    }

    /** One matrix row as a JSON array on one line: Double.toString gives the shortest decimal that reads back exactly. */
    private static String row(double[] data, int from, int count) {
        StringBuilder s = new StringBuilder(count * 22 + 2).append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(Double.toString(data[from + i]));
        }
        return s.append(']').toString();
    }

    private static void writeArguments(JsonWriter json, Map<String, Double> arguments) throws IOException {
        if (arguments.isEmpty()) {
            return;
        }
        json.name("arguments").beginObject();
        for (Map.Entry<String, Double> a : new TreeMap<>(arguments).entrySet()) {
            json.name(a.getKey()).value(a.getValue().doubleValue());
        }
        json.endObject();
    }

    private static void writeScaler(JsonWriter json, Scaler scaler) throws IOException {
        json.beginObject();
        json.name("type").value(scaler.type().id());
        if (scaler.type() == Scaler.Type.MIN_MAX) {
            json.name("low").value(scaler.low());
            json.name("high").value(scaler.high());
            json.name("min").jsonValue(row(scaler.minimums(), 0, scaler.width()));
            json.name("max").jsonValue(row(scaler.maximums(), 0, scaler.width()));
        } else {
            json.name("mean").jsonValue(row(scaler.means(), 0, scaler.width()));
            json.name("std").jsonValue(row(scaler.standardDeviations(), 0, scaler.width()));
        }
        json.endObject();
    }

    /** The scaler's numbers in the checksum's canonical order (docs/model-format.md). */
    static void addScaler(Checksum checksum, char tag, Scaler scaler) {
        checksum.addScaler(tag, scaler.type().id(), scalerNumbers(scaler));
    }

    static double[] scalerNumbers(Scaler scaler) {
        int w = scaler.width();
        double[] numbers;
        if (scaler.type() == Scaler.Type.MIN_MAX) {
            numbers = new double[2 + 2 * w];
            numbers[0] = scaler.low();
            numbers[1] = scaler.high();
            System.arraycopy(scaler.minimums(), 0, numbers, 2, w);
            System.arraycopy(scaler.maximums(), 0, numbers, 2 + w, w);
        } else {
            numbers = new double[2 * w];
            System.arraycopy(scaler.means(), 0, numbers, 0, w);
            System.arraycopy(scaler.standardDeviations(), 0, numbers, w, w);
        }
        return numbers;
    }
}
