package dev.synapse.core.io;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.synapse.core.io.ModelFileException.Reason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model file's JSON as typed values: each read says what it expects, so a wrong token becomes an error naming the
 * JSON path, the line and column, what was expected and what was found. Unknown fields are skipped and remembered,
 * to be refused only after the version check (a newer file should say "newer version", not "unknown field").
 */
final class JsonFields {

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private final String file;
    private final JsonReader json;
    private final List<String> unknownFields = new ArrayList<>();

    JsonFields(String file, JsonReader json) {
        this.file = file;
        this.json = json;
    }

    JsonReader json() {
        return json;
    }

    /** The JSON paths of the fields that were skipped as unknown, in file order. */
    List<String> unknownFields() {
        return unknownFields;
    }

    static Pattern locationPattern() {
        return LOCATION;
    }

    void unknown() throws IOException {
        unknownFields.add(json.getPath());
        json.skipValue();
    }

    void checkUnique(Set<String> seen, String field) throws ModelFileException {
        if (!seen.add(field)) {
            throw fail(Reason.INCONSISTENT, "field \"" + field + "\" appears twice at " + json.getPath()
                    + "; the file was edited by hand or damaged: save the model again");
        }
    }

    void expect(JsonToken token, String what) throws IOException {
        JsonToken found = json.peek();
        if (found != token) {
            throw fail(Reason.INCONSISTENT, "expected " + what + " at " + json.getPath() + " (" + location()
                    + "), found " + describe(found));
        }
    }

    /** An object of named numbers, such as an activation's or a layer's arguments. */
    Map<String, Double> arguments() throws IOException {
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

    String string(String what) throws IOException {
        expect(JsonToken.STRING, what + " (a string)");
        return json.nextString();
    }

    String nullableString(String what) throws IOException {
        if (json.peek() == JsonToken.NULL) {
            json.nextNull();
            return null;
        }
        return string(what);
    }

    double number(String what) throws IOException {
        expect(JsonToken.NUMBER, what + " (a number)");
        // A NUMBER token: nextDouble parses its text with Double.parseDouble, bit-exact for Double.toString output.
        return json.nextDouble();
    }

    int integer(String what) throws IOException {
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

    double[] numberArray(String what) throws IOException {
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

    String describeAndSkip() throws IOException {
        JsonToken token = json.peek();
        json.skipValue();
        return describe(token);
    }

    static String describe(JsonToken token) {
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

    static String quoted(String s) {
        return s == null ? "missing" : "\"" + s + "\"";
    }

    String location() {
        Matcher m = LOCATION.matcher(json.toString());
        return m.find() ? m.group() : "at its end";
    }

    ModelFileException fail(Reason reason, String message) {
        return new ModelFileException(file, reason, message);
    }
}
