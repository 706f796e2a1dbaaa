package dev.synapse.core.io;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.io.RawModel.RawLayer;
import dev.synapse.core.io.RawModel.RawScaler;
import dev.synapse.core.io.RawModel.RawWeight;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a model file's JSON into a {@link RawModel}, streaming, so weights go straight into arrays. It checks only
 * what parsing needs: the JSON itself, the format name, the version, and the type of each value; whether the values
 * fit together is {@link RawModelCheck}'s job. A cut-off file is told from a damaged one by where the JSON broke.
 */
final class ModelParser {

    private static final Pattern LENIENCY_ADVICE =
            Pattern.compile("Use JsonReader\\.setStrictness\\(Strictness\\.LENIENT\\) to accept malformed JSON");

    private final String file;
    private final RawModel raw = new RawModel();
    private JsonFields fields;
    private JsonReader json;

    private ModelParser(String file) {
        this.file = file;
    }

    /** The file's content as it stands; throws on broken JSON, another format or version, or a mistyped value. */
    static RawModel parse(String file, EndAwareReader in) throws IOException {
        ModelParser parser = new ModelParser(file);
        parser.parseDocument(in);
        parser.raw.unknownFields.addAll(parser.fields.unknownFields());
        return parser.raw;
    }

    private void parseDocument(EndAwareReader in) throws IOException {
        json = new JsonReader(in);
        fields = new JsonFields(file, json);
        json.setStrictness(Strictness.STRICT);
        try {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw fields.fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: it does not hold a JSON object"
                        + " starting with {\"format\": \"synapse-model\", ...}; pass a file written by"
                        + " Sequential.save or ModelFile.save");
            }
            json.beginObject();
            Set<String> seen = new HashSet<>();
            while (json.hasNext()) {
                String field = json.nextName();
                fields.checkUnique(seen, field);
                switch (field) {
                    case "format" -> readFormat();
                    case "version" -> readVersion();
                    case "model" -> readModel();
                    case "inputScaler" -> raw.inputScaler = readScaler();
                    case "targetScaler" -> raw.targetScaler = readScaler();
                    case "weights" -> readWeights();
                    case "checksum" -> readChecksum();
                    default -> fields.unknown();
                }
            }
            json.endObject();
            if (json.peek() != JsonToken.END_DOCUMENT) {
                throw fields.fail(Reason.DAMAGED, "more follows the model's closing brace (" + fields.location()
                        + "); the file is damaged: restore it from a backup or save the model again");
            }
        } catch (EOFException e) {
            throw truncated(e);
        } catch (MalformedJsonException e) {
            if (in.reachedEnd() && onLastLine(e.getMessage(), in.lastLine())) {
                throw truncated(e);
            }
            if (raw.format == null) {
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
        Matcher m = JsonFields.locationPattern().matcher(message == null ? "" : message);
        return m.find() && Integer.parseInt(m.group(1)) >= lastLine;
    }

    private void readFormat() throws IOException {
        raw.format = json.peek() == JsonToken.STRING ? json.nextString() : fields.describeAndSkip();
        if (!ModelFormat.FORMAT.equals(raw.format)) {
            throw fields.fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: its \"format\" is "
                    + JsonFields.quoted(raw.format)
                    + ", expected \"" + ModelFormat.FORMAT + "\"; pass a file written by Sequential.save or"
                    + " ModelFile.save");
        }
    }

    private void readVersion() throws IOException {
        raw.version = json.peek() == JsonToken.NUMBER ? json.nextString() : fields.describeAndSkip();
        if (!ModelFormat.reads(raw.version)) {
            throw fields.fail(Reason.UNSUPPORTED_VERSION, "written in format version " + raw.version + ", but this"
                    + " Synapse reads " + ModelFormat.readableVersions() + " only; load it with the Synapse release"
                    + " that wrote it (or a newer one), or save the model again from there");
        }
    }

    private void readModel() throws IOException {
        raw.modelSeen = true;
        json.beginObject();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            fields.checkUnique(seen, field);
            switch (field) {
                case "inputSize" -> raw.inputSize = fields.integer("the input size");
                case "layers" -> {
                    raw.layers = new ArrayList<>();
                    fields.expect(JsonToken.BEGIN_ARRAY, "the list of layers");
                    json.beginArray();
                    while (json.hasNext()) {
                        raw.layers.add(readLayer());
                    }
                    json.endArray();
                }
                case "loss" -> raw.loss = fields.nullableString("the loss name");
                case "precision" -> raw.precision = fields.string("the precision");
                default -> fields.unknown();
            }
        }
        json.endObject();
    }

    private RawLayer readLayer() throws IOException {
        String path = json.getPath();
        fields.expect(JsonToken.BEGIN_OBJECT, "a layer");
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
            fields.checkUnique(seen, field);
            switch (field) {
                case "type" -> type = fields.string("the layer type");
                case "units" -> units = fields.integer("the number of units");
                case "activation" -> {
                    if (json.peek() == JsonToken.NULL) {
                        json.nextNull();
                        break;
                    }
                    fields.expect(JsonToken.BEGIN_OBJECT, "the activation");
                    json.beginObject();
                    Set<String> inner = new HashSet<>();
                    while (json.hasNext()) {
                        String name = json.nextName();
                        fields.checkUnique(inner, name);
                        switch (name) {
                            case "name" -> activation = fields.string("the activation name");
                            case "arguments" -> activationArguments = fields.arguments();
                            default -> fields.unknown();
                        }
                    }
                    json.endObject();
                }
                case "bias" -> {
                    fields.expect(JsonToken.BOOLEAN, "the bias flag (true or false)");
                    bias = json.nextBoolean();
                }
                case "arguments" -> arguments = fields.arguments();
                default -> fields.unknown();
            }
        }
        json.endObject();
        return new RawLayer(path, type, units, activation, activationArguments, bias, arguments);
    }

    private RawScaler readScaler() throws IOException {
        String path = json.getPath();
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        fields.expect(JsonToken.BEGIN_OBJECT, "a scaler");
        json.beginObject();
        String type = null;
        Map<String, Double> numbers = new TreeMap<>();
        Map<String, double[]> arrays = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            fields.checkUnique(seen, field);
            switch (field) {
                case "type" -> type = fields.string("the scaler type");
                case "low", "high" -> numbers.put(field, fields.number("the scaler's " + field));
                case "min", "max", "mean", "std" -> arrays.put(field, fields.numberArray("the scaler's " + field));
                default -> fields.unknown();
            }
        }
        json.endObject();
        return new RawScaler(path, type, numbers, arrays);
    }

    private void readWeights() throws IOException {
        raw.weights = new ArrayList<>();
        fields.expect(JsonToken.BEGIN_ARRAY, "the list of weights");
        json.beginArray();
        while (json.hasNext()) {
            String path = json.getPath();
            fields.expect(JsonToken.BEGIN_OBJECT, "a weight matrix");
            json.beginObject();
            Integer layer = null;
            String name = null;
            boolean constant = false;
            int[] shape = null;
            double[] values = new double[0];
            int count = 0;
            int rows = 0;
            int raggedRow = -1;
            int raggedLength = 0;
            Set<String> seen = new HashSet<>();
            while (json.hasNext()) {
                String field = json.nextName();
                fields.checkUnique(seen, field);
                switch (field) {
                    case "layer" -> layer = fields.integer("the layer index");
                    case "name" -> name = fields.string("the parameter name");
                    case "constant" -> {
                        fields.expect(JsonToken.BOOLEAN, "the constant flag (true or false)");
                        constant = json.nextBoolean();
                    }
                    case "shape" -> {
                        double[] s = fields.numberArray("the shape [rows, columns]");
                        shape = new int[s.length];
                        for (int i = 0; i < s.length; i++) {
                            if (s[i] != Math.rint(s[i]) || s[i] < 0 || s[i] > Integer.MAX_VALUE) {
                                throw fields.fail(Reason.INCONSISTENT, "expected a shape of whole numbers at "
                                        + json.getPath() + ", found " + Arrays.toString(s));
                            }
                            shape[i] = (int) s[i];
                        }
                    }
                    case "values" -> {
                        fields.expect(JsonToken.BEGIN_ARRAY, "the rows of values");
                        json.beginArray();
                        values = new double[256];
                        int firstLength = -1;
                        while (json.hasNext()) {
                            fields.expect(JsonToken.BEGIN_ARRAY, "a row of values");
                            json.beginArray();
                            int length = 0;
                            while (json.hasNext()) {
                                if (count == values.length) {
                                    values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * count));
                                }
                                values[count++] = fields.number("a weight");
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
                    default -> fields.unknown();
                }
            }
            json.endObject();
            raw.weights.add(new RawWeight(path, layer, name, constant, shape, values, count, rows, raggedRow,
                    raggedLength));
        }
        json.endArray();
    }

    private void readChecksum() throws IOException {
        raw.checksumSeen = true;
        fields.expect(JsonToken.BEGIN_OBJECT, "the checksum {\"algorithm\": ..., \"value\": ...}");
        json.beginObject();
        Set<String> seen = new HashSet<>();
        while (json.hasNext()) {
            String field = json.nextName();
            fields.checkUnique(seen, field);
            switch (field) {
                case "algorithm" -> raw.checksumAlgorithm = fields.string("the checksum algorithm");
                case "value" -> raw.checksumValue = fields.string("the checksum value");
                default -> fields.unknown();
            }
        }
        json.endObject();
    }
}
