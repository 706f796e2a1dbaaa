package dev.synapse.fann;

import dev.synapse.core.io.ModelFileException;
import dev.synapse.core.io.ModelFileException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a FANN 2.x {@code .net} file into a {@link FannNetwork}, as FANN 2.2's {@code fann_create_from_fd} reads
 * it: a version line ({@code FANN_FLO_2.1}, {@code FANN_FLO_2.0}, {@code FANN_FIX_2.0}), then {@code key=value}
 * lines. Only the keys that shape the network are read — decimal point, layers, connection rate, network type,
 * layer sizes, scaling, neurons and connections; the training settings FANN stores beside them (learning rate,
 * RPROP and cascade parameters) are not part of a Synapse model and are skipped. Every error names the file and
 * the line.
 */
final class FannNetReader {

    private static final List<String> FLOAT_VERSIONS = List.of("FANN_FLO_2.1", "FANN_FLO_2.0");
    private static final List<String> FIXED_VERSIONS = List.of("FANN_FIX_2.0", "FANN_FIX_2.1");
    static final String NEURONS = "neurons (num_inputs, activation_function, activation_steepness)";
    static final String CONNECTIONS = "connections (connected_to_neuron, weight)";

    private final String file;
    private final List<String> lines;
    private final Map<String, Integer> lineOf = new HashMap<>();

    private FannNetReader(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Whether {@code path} starts as a FANN network file does: with {@code FANN_}. */
    static boolean looksLikeFann(Path path) throws IOException {
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(head, 0, 5) == 5 && new String(head, StandardCharsets.US_ASCII).equals("FANN_");
        }
    }

    /** Whether {@code path}'s first line is one of the fixed-point versions. */
    static boolean isFixedPoint(Path path) throws IOException {
        byte[] head = new byte[64];
        int read;
        try (var in = Files.newInputStream(path)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String first = new String(head, 0, read, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        return FIXED_VERSIONS.contains(first.strip());
    }

    static FannNetwork read(Path path, String file) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.ISO_8859_1);
        return new FannNetReader(file, lines).parse();
    }

    private FannNetwork parse() throws ModelFileException {
        String version = lines.isEmpty() ? "" : lines.get(0).strip();
        boolean fixed = FIXED_VERSIONS.contains(version);
        if (!fixed && !FLOAT_VERSIONS.contains(version)) {
            if (version.startsWith("FANN_")) {
                throw new ModelFileException(file, Reason.UNSUPPORTED_VERSION, "a FANN network file of version "
                        + version + "; Synapse reads FANN_FLO_2.1, FANN_FLO_2.0 and FANN_FIX_2.0 (FANN 2.x's"
                        + " fann_save and fann_save_to_fixed): load it in FANN 2.2 and save it again");
            }
            throw new ModelFileException(file, Reason.NOT_A_MODEL_FILE, "not a FANN network file: its first line"
                    + " is not FANN_FLO_2.1, FANN_FLO_2.0 or FANN_FIX_2.0");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int eq = line.indexOf('=');
            if (eq > 0) {
                lineOf.putIfAbsent(line.substring(0, eq), i);
            }
        }
        int decimalPoint = fixed ? integer("decimal_point", 0, 30) : -1;
        int numLayers = integer("num_layers", 2, 100_000);
        double connectionRate = number(value("connection_rate"), "connection_rate", line("connection_rate"));
        int networkType = integer("network_type", 0, 1);
        int[] sizes = integers("layer_sizes", numLayers);
        long total = 0;
        for (int l = 0; l < sizes.length; l++) {
            if (sizes[l] < 1) {
                throw inconsistent(line("layer_sizes"), "layer " + l + " has " + sizes[l] + " neurons");
            }
            total += sizes[l];
        }
        // Each neuron takes at least "(0, 0, 0) " on the neurons line: a count beyond that is a damaged file, and
        // refusing it here keeps a damaged number from allocating gigabytes.
        if (total > value(NEURONS).length() / 9 + 1) {
            throw new ModelFileException(file + " line " + (line(NEURONS) + 1), Reason.TRUNCATED, "holds fewer"
                    + " neurons than the " + total + " the layer sizes add up to: the file is cut short or damaged;"
                    + " save the network again from FANN");
        }
        int neurons = (int) total;
        int inputs = sizes[0] - 1;
        int outputs = networkType == 0 ? sizes[numLayers - 1] - 1 : sizes[numLayers - 1];
        if (inputs < 1 || outputs < 1) {
            throw inconsistent(line("layer_sizes"), "layer_sizes gives " + inputs + " inputs and " + outputs
                    + " outputs; a network has at least one of each (layer sizes count the bias neuron)");
        }
        FannNetwork.Scaling scaling = fixed ? null : scaling(inputs, outputs);
        int neuronsLine = line(NEURONS);
        int[] neuronInputs = new int[neurons];
        int[] functions = new int[neurons];
        double[] steepness = new double[neurons];
        Groups groups = new Groups(value(NEURONS), neuronsLine, 3);
        long connections = 0;
        for (int n = 0; n < neurons; n++) {
            neuronInputs[n] = groups.integer(n, "neuron", 0);
            functions[n] = groups.integer(n, "neuron", 1);
            steepness[n] = fixed ? groups.whole(n, "neuron", 2) : groups.number(n, "neuron", 2);
            connections += neuronInputs[n];
        }
        groups.requireEnd(neurons, "neurons", "the layer sizes add up to " + neurons);
        int connectionsLine = line(CONNECTIONS);
        // Each connection takes at least "(0, 0) " on its line; see the neurons above.
        if (connections > value(CONNECTIONS).length() / 6 + 1) {
            throw new ModelFileException(file + " line " + (connectionsLine + 1), Reason.TRUNCATED, "holds fewer"
                    + " connections than the " + connections + " the neurons declare: the file is cut short or"
                    + " damaged; save the network again from FANN");
        }
        int[] sources = new int[(int) connections];
        double[] weights = new double[(int) connections];
        Groups links = new Groups(value(CONNECTIONS), connectionsLine, 2);
        for (int c = 0; c < connections; c++) {
            sources[c] = links.integer(c, "connection", 0);
            weights[c] = fixed ? links.whole(c, "connection", 1) : links.number(c, "connection", 1);
            if (sources[c] >= neurons) {
                throw inconsistent(connectionsLine, "connection " + c + " comes from neuron " + sources[c]
                        + ", but the network has neurons 0 to " + (neurons - 1));
            }
        }
        links.requireEnd((int) connections, "connections", "the neurons declare " + connections);
        return new FannNetwork(version, decimalPoint, connectionRate, networkType == 1, sizes, neuronInputs,
                functions, steepness, sources, weights, scaling, neuronsLine);
    }

    /** The eight scaling lines of a FANN_FLO_2.1 file with {@code scale_included=1}, else null. */
    private FannNetwork.Scaling scaling(int inputs, int outputs) throws ModelFileException {
        if (!lineOf.containsKey("scale_included") || integer("scale_included", 0, 1) == 0) {
            return null;
        }
        return new FannNetwork.Scaling(floats("scale_mean_in", inputs), floats("scale_deviation_in", inputs),
                floats("scale_new_min_in", inputs), floats("scale_factor_in", inputs),
                floats("scale_mean_out", outputs), floats("scale_deviation_out", outputs),
                floats("scale_new_min_out", outputs), floats("scale_factor_out", outputs));
    }

    private int line(String key) throws ModelFileException {
        Integer line = lineOf.get(key);
        if (line == null) {
            throw new ModelFileException(file, Reason.TRUNCATED, "has no '" + key + "=' line: the file is cut"
                    + " short or was not written by fann_save; save the network again from FANN");
        }
        return line;
    }

    private String value(String key) throws ModelFileException {
        String text = lines.get(line(key));
        return text.substring(text.indexOf('=') + 1).strip();
    }

    private int integer(String key, int min, int max) throws ModelFileException {
        String text = value(key);
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw inconsistent(line(key), key + " is '" + text + "', expected a whole number from " + min + " to " + max);
    }

    private int[] integers(String key, int count) throws ModelFileException {
        String[] parts = split(key, count);
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            try {
                values[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw inconsistent(line(key), key + " holds '" + parts[i] + "', expected a whole number");
            }
        }
        return values;
    }

    private float[] floats(String key, int count) throws ModelFileException {
        String[] parts = split(key, count);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            // FANN reads these with %f into floats.
            values[i] = (float) number(parts[i], key, line(key));
        }
        return values;
    }

    private String[] split(String key, int count) throws ModelFileException {
        String text = value(key);
        String[] parts = text.isEmpty() ? new String[0] : text.split("\\s+");
        if (parts.length != count) {
            throw inconsistent(line(key), key + " holds " + parts.length + " numbers, expected " + count);
        }
        return parts;
    }

    private double number(String text, String what, int line) throws ModelFileException {
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the line
        }
        throw inconsistent(line, what + " holds '" + text + "', expected a finite number");
    }

    private ModelFileException inconsistent(int line, String problem) {
        return new ModelFileException(file + " line " + (line + 1), Reason.INCONSISTENT, problem
                + "; the file does not describe a FANN network: save it again from FANN");
    }

    /** The groups of a neurons or connections line, "(a, b, c) (a, b, c) ...", read in order. */
    private final class Groups {
        private final String text;
        private final int line;
        private final int size;
        private int at;
        private int group = -1;
        private String[] fields;

        Groups(String text, int line, int size) {
            this.text = text;
            this.line = line;
            this.size = size;
        }

        private String field(int index, String what, int field) throws ModelFileException {
            while (group < index) {
                int open = text.indexOf('(', at);
                int close = open < 0 ? -1 : text.indexOf(')', open);
                if (close < 0) {
                    throw new ModelFileException(file + " line " + (line + 1), Reason.TRUNCATED, "ends after "
                            + (group + 1) + " " + what + "s, but the file declares more: it is cut short; save the"
                            + " network again from FANN");
                }
                fields = text.substring(open + 1, close).split(",\\s*");
                at = close + 1;
                group++;
                if (fields.length != size) {
                    throw inconsistent(line, what + " " + group + " is '(" + text.substring(open + 1, close)
                            + ")', expected " + size + " numbers");
                }
            }
            return fields[field].strip();
        }

        int integer(int index, String what, int field) throws ModelFileException {
            String s = field(index, what, field);
            try {
                int v = Integer.parseInt(s);
                if (v >= 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below, with the line
            }
            throw inconsistent(line, what + " " + index + " holds '" + s + "', expected a whole number from 0");
        }

        double number(int index, String what, int field) throws ModelFileException {
            return FannNetReader.this.number(field(index, what, field), what + " " + index, line);
        }

        /** A fixed-point file's steepness or weight: libfixedfann reads them with %d, as ints. */
        int whole(int index, String what, int field) throws ModelFileException {
            String s = field(index, what, field);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw inconsistent(line, what + " " + index + " holds '" + s + "', but a fixed-point file holds whole"
                        + " numbers that fit an int (libfixedfann reads them with %d)");
            }
        }

        void requireEnd(int count, String what, String why) throws ModelFileException {
            if (text.indexOf('(', at) >= 0) {
                throw inconsistent(line, "holds more than " + count + " " + what + ", but " + why);
            }
        }
    }
}
