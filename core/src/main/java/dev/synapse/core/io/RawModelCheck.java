package dev.synapse.core.io;

import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.io.RawModel.RawLayer;
import dev.synapse.core.io.RawModel.RawScaler;
import dev.synapse.core.io.RawModel.RawWeight;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Validates a parsed model file before anything is built, in the order docs/model-format.md gives: required fields,
 * checksum, structure (counts, shapes, widths), scalers. Component names are {@link ModelAssembler}'s to check, as
 * they depend on the registry.
 */
final class RawModelCheck {

    private final String name;
    private final RawModel file;
    private Scaler inputScaler;
    private Scaler targetScaler;

    private RawModelCheck(String name, RawModel file) {
        this.name = name;
        this.file = file;
    }

    /**
     * Checks {@code file} (named {@code name} in messages) and returns the check, which holds its validated scalers.
     *
     * @throws ModelFileException if any check fails
     */
    static RawModelCheck check(String name, RawModel file) throws ModelFileException {
        RawModelCheck check = new RawModelCheck(name, file);
        check.run();
        return check;
    }

    /** The validated input scaler, or null when the file has none. */
    Scaler inputScaler() {
        return inputScaler;
    }

    /** The validated target scaler, or null when the file has none. */
    Scaler targetScaler() {
        return targetScaler;
    }

    private void run() throws ModelFileException {
        if (file.format == null) {
            throw fail(Reason.NOT_A_MODEL_FILE, "not a Synapse model file: it has no \"format\" field (a model file"
                    + " starts with {\"format\": \"synapse-model\", \"version\": " + ModelFormat.VERSION
                    + ", ...}); pass a file written by"
                    + " Sequential.save or ModelFile.save");
        }
        if (!file.unknownFields.isEmpty()) {
            String version = file.version != null ? file.version : String.valueOf(ModelFormat.VERSION);
            throw fail(Reason.INCONSISTENT, "fields that version " + version + " does not define: "
                    + String.join(", ", file.unknownFields) + "; remove them or save the model again"
                    + " (docs/model-format.md lists every field)");
        }
        requireField(file.modelSeen, "model");
        requireField(file.inputSize != null, "model.inputSize");
        requireField(file.layers != null, "model.layers");
        requireField(file.weights != null, "weights");
        if (!file.checksumSeen || file.checksumAlgorithm == null || file.checksumValue == null) {
            throw fail(Reason.INCONSISTENT, "no complete \"checksum\" {\"algorithm\": \"sha-256\", \"value\": ...};"
                    + " every model file carries one: save the model again");
        }
        for (RawWeight w : file.weights) {
            if (w.layer() == null || w.name() == null || w.shape() == null) {
                throw inconsistent("the weight matrix at " + w.path() + " lacks its "
                        + (w.layer() == null ? "\"layer\"" : w.name() == null ? "\"name\"" : "\"shape\""));
            }
        }
        verifyChecksum();
        checkStructure();
        inputScaler = scaler(file.inputScaler, 'I', file.inputSize, "input size");
        targetScaler = scaler(file.targetScaler, 'T', file.layers.get(file.layers.size() - 1).units(),
                "number of outputs");
    }

    private void requireField(boolean present, String field) throws ModelFileException {
        if (!present) {
            throw fail(Reason.INCONSISTENT, "no \"" + field + "\"; the file is incomplete: save the model again");
        }
    }

    private void verifyChecksum() throws ModelFileException {
        if (!Checksum.ALGORITHM.equals(file.checksumAlgorithm)) {
            throw fail(Reason.INCONSISTENT, "checksum algorithm \"" + file.checksumAlgorithm + "\", but version "
                    + ModelFormat.VERSION + " files use \"" + Checksum.ALGORITHM + "\"; save the model again");
        }
        Checksum checksum = new Checksum();
        for (RawWeight w : file.weights) {
            int rows = w.shape() != null && w.shape().length == 2 ? w.shape()[0] : -1;
            int cols = w.shape() != null && w.shape().length == 2 ? w.shape()[1] : -1;
            checksum.addMatrix(w.layer() == null ? -1 : w.layer(), rows, cols, w.values(), w.count());
        }
        addScaler(checksum, 'I', file.inputScaler);
        addScaler(checksum, 'T', file.targetScaler);
        String computed = checksum.hex();
        if (!computed.equalsIgnoreCase(file.checksumValue)) {
            throw fail(Reason.CHECKSUM_MISMATCH, "the numbers do not match the file's checksum (recorded sha-256 "
                    + file.checksumValue + ", computed " + computed + "): the file was changed or damaged after it was"
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
        if (file.inputSize < 1) {
            throw inconsistent("the input size is " + file.inputSize + "; it must be at least 1");
        }
        if (file.layers.isEmpty()) {
            throw inconsistent("no layers; a model has at least one");
        }
        for (int l = 0; l < file.layers.size(); l++) {
            RawLayer layer = file.layers.get(l);
            if (layer.type() == null || layer.units() == null || layer.bias() == null) {
                throw inconsistent("layer " + l + " (" + layer.path() + ") lacks "
                        + (layer.type() == null ? "its \"type\"" : layer.units() == null ? "its \"units\"" : "its \"bias\" flag"));
            }
            if (layer.units() < 1) {
                throw inconsistent("layer " + l + " declares " + layer.units() + " units; it must be at least 1");
            }
        }
        Map<Integer, Set<String>> names = new TreeMap<>();
        for (RawWeight w : file.weights) {
            String what = "the " + w.name() + " of layer " + w.layer() + " (" + w.path() + ")";
            if (w.layer() < 0 || w.layer() >= file.layers.size()) {
                throw inconsistent(what + " belong to layer " + w.layer() + ", but the model has layers 0 to "
                        + (file.layers.size() - 1));
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
                throw inconsistent("the " + which + " has type " + JsonFields.quoted(raw.type())
                        + "; version " + ModelFormat.VERSION + " knows \"min-max\" and \"z-score\"");
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

    private ModelFileException inconsistent(String problem) {
        return ModelFileException.inconsistent(name, problem, null);
    }

    private ModelFileException fail(Reason reason, String message) {
        return new ModelFileException(name, reason, message);
    }
}
