package dev.synapse.core.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.synapse.core.Activation;
import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.model.Sequential;
import java.io.EOFException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads version 1 of the model format (docs/model-format.md) in three steps: parse the whole file into plain
 * values (streaming, so weights go straight into arrays), validate everything — format, version, checksum, shapes,
 * widths, names — and only then build the layers. A file that fails any check builds nothing.
 */
final class ModelReader {

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Pattern LENIENCY_ADVICE =
            Pattern.compile("Use JsonReader\\.setStrictness\\(Strictness\\.LENIENT\\) to accept malformed JSON");

    private final String file;
    private final Registry registry;
    private JsonReader json;

    // What the file says, before any validation.
    private String format;
    private Integer inputSize;
    private List<RawLayer> layers;
    private boolean modelSeen;
    private String loss;
    private RawScaler inputScaler;
    private RawScaler targetScaler;
    private List<RawWeight> weights;
    private String checksumAlgorithm;
    private String checksumValue;
    private boolean checksumSeen;
    private final List<String> unknownFields = new ArrayList<>();

    private record RawLayer(String path, String type, Integer units, String activation,
            Map<String, Double> activationArguments, Boolean bias, Map<String, Double> arguments) {}

    private record RawScaler(String path, String type, Map<String, Double> numbers, Map<String, double[]> arrays) {}

    private record RawWeight(String path, Integer layer, String name, int[] shape, double[] values, int count,
            int rows, int firstRaggedRow, int firstRaggedLength) {}

    private ModelReader(String file, Registry registry) {
        this.file = file;
        this.registry = registry;
    }

    static ModelFile read(Path path, Registry registry) throws IOException {
        Path name = path.getFileName();
        ModelReader reader = new ModelReader(name == null ? path.toString() : name.toString(), registry);
        if (Files.size(path) == 0) {
            throw reader.fail(Reason.TRUNCATED, "is empty (0 bytes): the save that wrote it was interrupted or the"
                    + " file was cleared; restore it from a backup or save the model again");
        }
        try (EndAwareReader in = new EndAwareReader(
                new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8))) {
            reader.parse(in);
        }
        return reader.build();
    }

    // ------------------------------------------------------------------------------------------------ parsing

    private void parse(EndAwareReader in) throws IOException {
        json = new JsonReader(in);
        json.setStrictness(Strictness.STRICT);
        try {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: it does not hold a JSON object"
                        + " starting with {\"format\": \"synapse-model\", ...}; pass a file written by"
                        + " Sequential.save or ModelFile.save");
            }
            json.beginObject();
            Set<String> seen = new HashSet<>();
            while (json.hasNext()) {
                String field = json.nextName();
                checkUnique(seen, field);
                switch (field) {
                    case "format" -> readFormat();
                    case "version" -> readVersion();
                    case "model" -> readModel();
                    case "inputScaler" -> inputScaler = readScaler();
                    case "targetScaler" -> targetScaler = readScaler();
                    case "weights" -> readWeights();
                    case "checksum" -> readChecksum();
                    default -> unknown();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw fail(Reason.DAMAGED, "more follows the model's closing brace (" + location()
                        + "); the file is damaged: restore it from a backup or save the model again");
            }
        } catch (EOFException e) {
            throw truncated(e);
        } catch (MalformedJsonException e) {
            if (in.reachedEnd() && onLastLine(e.getMessage(), in.lastLine())) {
                throw truncated(e);
            }
            if (format == null) {
                throw new ModelFileException(file, Reason.NOT_A_MODEL_FILE, "not a Synapse model file: it is not"
                        + " valid JSON (" + firstLine(e) + "); pass a file written by Sequential.save or"
                        + " ModelFile.save", e);
            }
            throw new ModelFileException(file, Reason.DAMAGED, "not valid JSON (" + firstLine(e) + "); the"
                    + " file is damaged: restore it from a backup or save the model again", e);
        } catch (IllegalStateException | NumberFormatException e) {
            throw new ModelFileException(file, Reason.INCONSISTENT, e.getMessage(), e);
        }
    }

    private ModelFileException truncated(IOException e) {
        return new ModelFileException(file, Reason.TRUNCATED, "ends early (" + firstLine(e) + "): the file is"
                + " truncated, as by an interrupted copy or a full disk; restore it from a backup or save the model"
                + " again", e);
    }

    /**
     * Gson's message without the troubleshooting link it appends on a second line, and without its advice to read
     * leniently ("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON at ..."), which is
     * meant for programmers calling Gson, not for someone holding a damaged file.
     */
    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return LENIENCY_ADVICE.matcher(first).replaceFirst("malformed JSON");
    }

    private static boolean onLastLine(String message, int lastLine) {
        Matcher m = LOCATION.matcher(message == null ? "" : message);
        return m.find() && Integer.parseInt(m.group(1)) >= lastLine;
    }

    private void readFormat() throws IOException {
        format = json.peek() == JsonToken.STRING ? json.nextString() : describeAndSkip();
        if (!ModelWriter.FORMAT.equals(format)) {
            throw fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: its \"format\" is " + quoted(format)
                    + ", expected \"" + ModelWriter.FORMAT + "\"; pass a file written by Sequential.save or"
                    + " ModelFile.save");
        }
    }

    private void readVersion() throws IOException {
        String version = json.peek() == JsonToken.NUMBER ? json.nextString() : describeAndSkip();
        if (!String.valueOf(ModelWriter.VERSION).equals(version)) {
            throw fail(Reason.UNSUPPORTED_VERSION, "written in format version " + version + ", but this"
                    + " Synapse reads version " + ModelWriter.VERSION + " only; load it with the Synapse release that"
                    + " wrote it (or a newer one), or save the model again from there");
        }
    }

    private void readModel() throws IOException {
        modelSeen = true;
        json.beginObject();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            checkUnique(seen, field);
            switch (field) {
                case "inputSize" -> inputSize = integer("the input size");
                case "layers" -> {
                    layers = new ArrayList<>();
                    expect(JsonToken.BEGIN_ARRAY, "the list of layers");
                    json.beginArray();
                    while (json.hasNext()) {
                        layers.add(readLayer());
                    }
                    json.endArray();
                }
                case "loss" -> loss = nullableString("the loss name");
                default -> unknown();
            }
        }
        json.endObject();
    }

    private RawLayer readLayer() throws IOException {
        String path = json.getPath();
        expect(JsonToken.BEGIN_OBJECT, "a layer");
        json.beginObject();
        String type = null;
        Integer units = null;
        String activation = null;
        Map<String, Double> activationArguments = Map.of();
        Boolean bias = null;
        Map<String, Double> arguments = Map.of();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            checkUnique(seen, field);
            switch (field) {
                case "type" -> type = string("the layer type");
                case "units" -> units = integer("the number of units");
                case "activation" -> {
                    if (json.peek() == JsonToken.NULL) {
                        json.nextNull();
                        break;
                    }
                    expect(JsonToken.BEGIN_OBJECT, "the activation");
                    json.beginObject();
                    Set<String> inner = new HashSet<>();
                    while (json.hasNext()) {
                        String name = json.nextName();
                        checkUnique(inner, name);
                        switch (name) {
                            case "name" -> activation = string("the activation name");
                            case "arguments" -> activationArguments = arguments();
                            default -> unknown();
                        }
                    }
                    json.endObject();
                }
                case "bias" -> {
                    expect(JsonToken.BOOLEAN, "the bias flag (true or false)");
                    bias = json.nextBoolean();
                }
                case "arguments" -> arguments = arguments();
                default -> unknown();
            }
        }
        json.endObject();
        return new RawLayer(path, type, units, activation, activationArguments, bias, arguments);
    }

    private Map<String, Double> arguments() throws IOException {
        expect(JsonToken.BEGIN_OBJECT, "an object of named numbers");
        Map<String, Double> arguments = new TreeMap<>();
        json.beginObject();
        while (json.hasNext()) {
            String name = json.nextName();
            if (arguments.containsKey(name)) {
                throw fail(Reason.INCONSISTENT, "argument '" + name + "' appears twice at " + json.getPath());
            }
            arguments.put(name, number("argument '" + name + "'"));
        }
        json.endObject();
        return arguments;
    }

    private RawScaler readScaler() throws IOException {
        String path = json.getPath();
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        expect(JsonToken.BEGIN_OBJECT, "a scaler");
        json.beginObject();
        String type = null;
        Map<String, Double> numbers = new TreeMap<>();
        Map<String, double[]> arrays = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            checkUnique(seen, field);
            switch (field) {
                case "type" -> type = string("the scaler type");
                case "low", "high" -> numbers.put(field, number("the scaler's " + field));
                case "min", "max", "mean", "std" -> arrays.put(field, numberArray("the scaler's " + field));
                default -> unknown();
            }
        }
        json.endObject();
        return new RawScaler(path, type, numbers, arrays);
    }

    private void readWeights() throws IOException {
        weights = new ArrayList<>();
        expect(JsonToken.BEGIN_ARRAY, "the list of weights");
        json.beginArray();
        while (json.hasNext()) {
            String path = json.getPath();
            expect(JsonToken.BEGIN_OBJECT, "a weight matrix");
            json.beginObject();
            Integer layer = null;
            String name = null;
            int[] shape = null;
            double[] values = new double[0];
            int count = 0;
            int rows = 0;
            int raggedRow = -1;
            int raggedLength = 0;
            Set<String> seen = new HashSet<>();
            while (json.hasNext()) {
                String field = json.nextName();
                checkUnique(seen, field);
                switch (field) {
                    case "layer" -> layer = integer("the layer index");
                    case "name" -> name = string("the parameter name");
                    case "shape" -> {
                        double[] s = numberArray("the shape [rows, columns]");
                        shape = new int[s.length];
                        for (int i = 0; i < s.length; i++) {
                            if (s[i] != Math.rint(s[i]) || s[i] < 0 || s[i] > Integer.MAX_VALUE) {
                                throw fail(Reason.INCONSISTENT, "expected a shape of whole numbers at "
                                        + json.getPath() + ", found " + Arrays.toString(s));
                            }
                            shape[i] = (int) s[i];
                        }
                    }
                    case "values" -> {
                        expect(JsonToken.BEGIN_ARRAY, "the rows of values");
                        json.beginArray();
                        values = new double[256];
                        int firstLength = -1;
                        while (json.hasNext()) {
                            expect(JsonToken.BEGIN_ARRAY, "a row of values");
                            json.beginArray();
                            int length = 0;
                            while (json.hasNext()) {
                                if (count == values.length) {
                                    values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * count));
                                }
                                values[count++] = number("a weight");
                                length++;
                            }
                            json.endArray();
                            if (firstLength < 0) {
                                firstLength = length;
                            } else if (length != firstLength && raggedRow < 0) {
                                raggedRow = rows;
                                raggedLength = length;
                            }
                            rows++;
                        }
                        json.endArray();
                    }
                    default -> unknown();
                }
            }
            json.endObject();
            weights.add(new RawWeight(path, layer, name, shape, values, count, rows, raggedRow, raggedLength));
        }
        json.endArray();
    }

    private void readChecksum() throws IOException {
        checksumSeen = true;
        expect(JsonToken.BEGIN_OBJECT, "the checksum {\"algorithm\": ..., \"value\": ...}");
        json.beginObject();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            checkUnique(seen, field);
            switch (field) {
                case "algorithm" -> checksumAlgorithm = string("the checksum algorithm");
                case "value" -> checksumValue = string("the checksum value");
                default -> unknown();
            }
        }
        json.endObject();
    }

    private void unknown() throws IOException {
        unknownFields.add(json.getPath());
        json.skipValue();
    }

    private void checkUnique(Set<String> seen, String field) throws ModelFileException {
        if (!seen.add(field)) {
            throw fail(Reason.INCONSISTENT, "field \"" + field + "\" appears twice at " + json.getPath()
                    + "; the file was edited by hand or damaged: save the model again");
        }
    }

    private void expect(JsonToken token, String what) throws IOException {
        JsonToken found = json.peek();
        if (found != token) {
            throw fail(Reason.INCONSISTENT, "expected " + what + " at " + json.getPath() + " (" + location()
                    + "), found " + describe(found));
        }
    }

    private String string(String what) throws IOException {
        expect(JsonToken.STRING, what + " (a string)");
        return json.nextString();
    }

    private String nullableString(String what) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        return string(what);
    }

    private double number(String what) throws IOException {
        expect(JsonToken.NUMBER, what + " (a number)");
        // A NUMBER token: nextDouble parses its text with Double.parseDouble, bit-exact for Double.toString output.
        return json.nextDouble();
    }

    private int integer(String what) throws IOException {
        expect(JsonToken.NUMBER, what + " (a whole number)");
        String path = json.getPath();
        String text = json.nextString();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw fail(Reason.INCONSISTENT, "expected " + what + " at " + path + " to be a whole number, found "
                    + text);
        }
    }

    private double[] numberArray(String what) throws IOException {
        expect(JsonToken.BEGIN_ARRAY, what + " (an array of numbers)");
        json.beginArray();
        double[] values = new double[8];
        int n = 0;
        while (json.hasNext()) {
            if (n == values.length) {
                values = Arrays.copyOf(values, 2 * n);
            }
            values[n++] = number("an element of " + what);
        }
        json.endArray();
        return Arrays.copyOf(values, n);
    }

    private String describeAndSkip() throws IOException {
        JsonToken token = json.peek();
        json.skipValue();
        return describe(token);
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case END_DOCUMENT -> "the end of the file";
            default -> token.toString();
        };
    }

    private static String quoted(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }

    private String location() {
        Matcher m = LOCATION.matcher(json.toString());
        return m.find() ? m.group() : "at its end";
    }

    // ------------------------------------------------------------------------------------------------ validation

    private ModelFile build() throws ModelFileException {
        if (format == null) {
            throw fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: it has no \"format\" field (a model file"
                    + " starts with {\"format\": \"synapse-model\", \"version\": 1, ...}); pass a file written by"
                    + " Sequential.save or ModelFile.save");
        }
        if (!unknownFields.isEmpty()) {
            throw fail(Reason.INCONSISTENT, "fields that version " + ModelWriter.VERSION + " does not define: "
                    + String.join(", ", unknownFields) + "; remove them or save the model again"
                    + " (docs/model-format.md lists every field)");
        }
        requireField(modelSeen, "model");
        requireField(inputSize != null, "model.inputSize");
        requireField(layers != null, "model.layers");
        requireField(weights != null, "weights");
        if (!checksumSeen || checksumAlgorithm == null || checksumValue == null) {
            throw fail(Reason.INCONSISTENT, "no complete \"checksum\" {\"algorithm\": \"sha-256\", \"value\": ...};"
                    + " every model file carries one: save the model again");
        }
        for (RawWeight w : weights) {
            if (w.layer() == null || w.name() == null || w.shape() == null) {
                throw inconsistent("the weight matrix at " + w.path() + " lacks its "
                        + (w.layer() == null ? "\"layer\"" : w.name() == null ? "\"name\"" : "\"shape\""));
            }
        }
        verifyChecksum();
        checkStructure();
        Scaler inputs = scaler(inputScaler, 'I', inputSize, "input size");
        Scaler targets = scaler(targetScaler, 'T', layers.get(layers.size() - 1).units(), "number of outputs");
        resolveNames();
        return ModelFile.of(buildModel(), inputs, targets);
    }

    private void requireField(boolean present, String field) throws ModelFileException {
        if (!present) {
            throw fail(Reason.INCONSISTENT, "no \"" + field + "\"; the file is incomplete: save the model again");
        }
    }

    private void verifyChecksum() throws ModelFileException {
        if (!Checksum.ALGORITHM.equals(checksumAlgorithm)) {
            throw fail(Reason.INCONSISTENT, "checksum algorithm \"" + checksumAlgorithm + "\", but version "
                    + ModelWriter.VERSION + " files use \"" + Checksum.ALGORITHM + "\"; save the model again");
        }
        Checksum checksum = new Checksum();
        for (RawWeight w : weights) {
            int rows = w.shape() != null && w.shape().length == 2 ? w.shape()[0] : -1;
            int cols = w.shape() != null && w.shape().length == 2 ? w.shape()[1] : -1;
            checksum.addMatrix(w.layer() == null ? -1 : w.layer(), rows, cols, w.values(), w.count());
        }
        addScaler(checksum, 'I', inputScaler);
        addScaler(checksum, 'T', targetScaler);
        String computed = checksum.hex();
        if (!computed.equalsIgnoreCase(checksumValue)) {
            throw fail(Reason.CHECKSUM_MISMATCH, "the numbers do not match the file's checksum (recorded sha-256 "
                    + checksumValue + ", computed " + computed + "): the file was changed or damaged after it was"
                    + " saved; restore it from a backup or save the model again");
        }
    }

    private static void addScaler(Checksum checksum, char tag, RawScaler s) {
        if (s == null) {
            return;
        }
        String type = s.type() == null ? "" : s.type();
        double[] numbers;
        if (type.equals(Scaler.Type.MIN_MAX.id())) {
            numbers = concat(new double[] {s.numbers().getOrDefault("low", Double.NaN),
                s.numbers().getOrDefault("high", Double.NaN)}, s.arrays().get("min"), s.arrays().get("max"));
        } else {
            numbers = concat(new double[0], s.arrays().get("mean"), s.arrays().get("std"));
        }
        checksum.addScaler(tag, type, numbers);
    }

    private static double[] concat(double[] head, double[] a, double[] b) {
        double[] x = a == null ? new double[0] : a;
        double[] y = b == null ? new double[0] : b;
        double[] all = Arrays.copyOf(head, head.length + x.length + y.length);
        System.arraycopy(x, 0, all, head.length, x.length);
        System.arraycopy(y, 0, all, head.length + x.length, y.length);
        return all;
    }

    /** Counts, shapes and names, before any component is looked up. */
    private void checkStructure() throws ModelFileException {
        if (inputSize < 1) {
            throw inconsistent("the input size is " + inputSize + "; it must be at least 1");
        }
        if (layers.isEmpty()) {
            throw inconsistent("no layers; a model has at least one");
        }
        for (int l = 0; l < layers.size(); l++) {
            RawLayer layer = layers.get(l);
            if (layer.type() == null || layer.units() == null || layer.bias() == null) {
                throw inconsistent("layer " + l + " (" + layer.path() + ") lacks "
                        + (layer.type() == null ? "its \"type\"" : layer.units() == null ? "its \"units\"" : "its \"bias\" flag"));
            }
            if (layer.units() < 1) {
                throw inconsistent("layer " + l + " declares " + layer.units() + " units; it must be at least 1");
            }
        }
        Map<Integer, Set<String>> names = new TreeMap<>();
        for (RawWeight w : weights) {
            String what = "the " + w.name() + " of layer " + w.layer() + " (" + w.path() + ")";
            if (w.layer() < 0 || w.layer() >= layers.size()) {
                throw inconsistent(what + " belong to layer " + w.layer() + ", but the model has layers 0 to "
                        + (layers.size() - 1));
            }
            if (!names.computeIfAbsent(w.layer(), k -> new HashSet<>()).add(w.name())) {
                throw inconsistent(what + " appear twice");
            }
            if (w.shape().length != 2 || w.shape()[0] < 1 || w.shape()[1] < 1) {
                throw inconsistent(what + " have shape " + Arrays.toString(w.shape())
                        + "; a shape is [rows, columns], both at least 1");
            }
            int rows = w.shape()[0];
            int cols = w.shape()[1];
            if (w.rows() != rows) {
                throw inconsistent(what + " are declared " + rows + "x" + cols + " but hold " + w.rows() + " rows");
            }
            if (w.firstRaggedRow() >= 0 || (long) rows * cols != w.count()) {
                int row = Math.max(w.firstRaggedRow(), 0);
                int length = w.firstRaggedRow() >= 0 ? w.firstRaggedLength() : w.count() / Math.max(rows, 1);
                throw inconsistent(what + " are declared " + rows + "x" + cols + " but row " + row + " holds "
                        + length + " values");
            }
        }
    }

    private Scaler scaler(RawScaler raw, char tag, int width, String widthName) throws ModelFileException {
        if (raw == null) {
            return null;
        }
        String which = tag == 'I' ? "input scaler" : "target scaler";
        Scaler scaler;
        try {
            if (Scaler.Type.MIN_MAX.id().equals(raw.type())) {
                requireScalerFields(raw, which, "low", "high", "min", "max");
                scaler = Scaler.minMax(raw.arrays().get("min"), raw.arrays().get("max"), raw.numbers().get("low"),
                        raw.numbers().get("high"));
            } else if (Scaler.Type.Z_SCORE.id().equals(raw.type())) {
                requireScalerFields(raw, which, "mean", "std");
                scaler = Scaler.zScore(raw.arrays().get("mean"), raw.arrays().get("std"));
            } else {
                throw inconsistent("the " + which + " has type " + quoted(raw.type())
                        + "; version 1 knows \"min-max\" and \"z-score\"");
            }
        } catch (IllegalArgumentException e) {
            throw inconsistent("the " + which + " is invalid: " + e.getMessage());
        }
        if (scaler.width() != width) {
            throw inconsistent("the " + which + " has " + scaler.width() + " columns but the model's " + widthName
                    + " is " + width);
        }
        return scaler;
    }

    private void requireScalerFields(RawScaler raw, String which, String... fields) throws ModelFileException {
        Set<String> present = new HashSet<>(raw.numbers().keySet());
        present.addAll(raw.arrays().keySet());
        for (String f : fields) {
            if (!present.remove(f)) {
                throw inconsistent("the " + which + " (" + raw.type() + ") lacks \"" + f + "\"");
            }
        }
        if (!present.isEmpty()) {
            throw inconsistent("the " + which + " (" + raw.type() + ") has fields it does not use: " + present);
        }
    }

    /** Every name the file uses must be registered; checked before anything is built. */
    private void resolveNames() throws ModelFileException {
        for (int l = 0; l < layers.size(); l++) {
            RawLayer layer = layers.get(l);
            if (registry.layer(layer.type()).isEmpty()) {
                throw unknown("layer " + l + " has type '" + layer.type() + "', which is not registered",
                        registry.layerTypes(), "synapse-layers",
                        "Registry.global().registerLayer(\"" + layer.type() + "\", factory)");
            }
            if (layer.activation() != null && registry.activation(layer.activation()).isEmpty()) {
                throw unknown("layer " + l + " (" + layer.type() + ") uses activation '" + layer.activation()
                        + "', which is not registered", registry.activationNames(), "synapse-activations",
                        "Registry.global().registerActivation(\"" + layer.activation() + "\", args -> ...)");
            }
        }
        if (loss != null && registry.loss(loss).isEmpty()) {
            throw unknown("the model's loss '" + loss + "' is not registered", registry.lossNames(), "synapse-losses",
                    "Registry.global().registerLoss(\"" + loss + "\", () -> ...)");
        }
    }

    private ModelFileException unknown(String problem, Set<String> known, String module, String registration) {
        String knownText = known.isEmpty()
                ? "none is registered: is " + module + " on the classpath?"
                : "known: " + String.join(", ", known);
        return new ModelFileException(file, Reason.UNKNOWN_COMPONENT, problem + " (" + knownText + "). Register it"
                + " before loading with " + registration + ", or pass a Registry that knows it to"
                + " Sequential.load(path, registry)");
    }

    private Sequential buildModel() throws ModelFileException {
        List<Layer> built = new ArrayList<>();
        int width = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            RawLayer raw = layers.get(l);
            String what = "layer " + l + " (" + raw.type() + ")";
            Activation activation = raw.activation() == null ? null : activation(raw, what);
            Map<String, Matrix> parameters = new LinkedHashMap<>();
            for (RawWeight w : weights) {
                if (w.layer() == l) {
                    parameters.put(w.name(), Matrix.wrap(w.shape()[0], w.shape()[1],
                            Arrays.copyOf(w.values(), w.count())));
                }
            }
            Layer layer;
            try {
                LayerConfig config = new LayerConfig(raw.type(), width, raw.units(), activation, raw.bias(),
                        raw.arguments());
                layer = registry.layer(raw.type()).orElseThrow().create(config, parameters);
            } catch (RuntimeException e) {
                // A registered factory refused the settings; whatever it threw, the file does not fit it.
                throw inconsistent(what + ": " + e.getMessage(), e);
            }
            if (layer == null || layer.inputSize() != width || layer.outputSize() != raw.units()) {
                throw inconsistent(what + " was rebuilt " + (layer == null ? "as null" : "with " + layer.inputSize()
                        + " inputs and " + layer.outputSize() + " outputs") + ", but the file declares " + width
                        + " inputs (from " + (l == 0 ? "the input size" : "layer " + (l - 1)) + ") and "
                        + raw.units() + " units");
            }
            List<String> declared = new ArrayList<>();
            parameters.forEach((name, m) -> declared.add(name + " " + m.shape()));
            List<String> actual = new ArrayList<>();
            for (Parameter p : layer.parameters()) {
                actual.add(p.name() + " " + p.value().shape());
            }
            if (!declared.equals(actual)) {
                throw inconsistent(what + " has parameters " + actual + " but the file gives " + declared);
            }
            built.add(layer);
            width = raw.units();
        }
        Loss lossFunction = null;
        if (loss != null) {
            Supplier<? extends Loss> factory = registry.loss(loss).orElseThrow();
            lossFunction = factory.get();
            if (lossFunction == null) {
                throw inconsistent("the factory registered for loss '" + loss + "' returned null");
            }
        }
        try {
            return Sequential.of(built, lossFunction, null, 0);
        } catch (IllegalArgumentException e) {
            throw inconsistent(e.getMessage());
        }
    }

    private Activation activation(RawLayer raw, String what) throws ModelFileException {
        Activation activation;
        try {
            activation = registry.activation(raw.activation()).orElseThrow().create(raw.activationArguments());
        } catch (RuntimeException e) {
            throw inconsistent("the activation '" + raw.activation() + "' of " + what + " refuses the arguments "
                    + raw.activationArguments() + ": " + e.getMessage(), e);
        }
        if (activation == null) {
            throw inconsistent("the factory registered for activation '" + raw.activation() + "' returned null");
        }
        Map<String, Double> taken = activation.arguments();
        for (Map.Entry<String, Double> a : raw.activationArguments().entrySet()) {
            if (!a.getValue().equals(taken.get(a.getKey()))) {
                throw inconsistent("the activation '" + raw.activation() + "' of " + what + " was rebuilt with"
                        + " arguments " + new TreeMap<>(taken) + ", but the file gives " + raw.activationArguments()
                        + "; the factory registered for it ignores or changes '" + a.getKey() + "'");
            }
        }
        return activation;
    }

    private ModelFileException inconsistent(String problem) {
        return inconsistent(problem, null);
    }

    private ModelFileException inconsistent(String problem, Throwable cause) {
        return new ModelFileException(file, Reason.INCONSISTENT, problem + "; the file does not describe a"
                + " consistent model: save the model again (docs/model-format.md describes every field)", cause);
    }

    private ModelFileException fail(Reason reason, String message) {
        return new ModelFileException(file, reason, message);
    }

    /** Remembers whether the input ended, and on which line, to tell a cut-off file from a damaged one. */
    private static final class EndAwareReader extends FilterReader {
        private boolean reachedEnd;
        private int lines = 1;

        EndAwareReader(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                reachedEnd = true;
            }
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c < 0) {
                reachedEnd = true;
            } else if (c == '\n') {
                lines++;
            }
            return c;
        }

        boolean reachedEnd() {
            return reachedEnd;
        }

        int lastLine() {
            return lines;
        }
    }
}
