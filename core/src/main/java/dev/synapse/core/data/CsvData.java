package dev.synapse.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads comma-separated data with a header row, choosing the target columns by name; every other column is an
 * input, in header order.
 *
 * <pre>{@code
 * // sepal_length,sepal_width,petal_length,petal_width,setosa,versicolor,virginica
 * Dataset iris = CsvData.read(Path.of("iris.csv"), "setosa", "versicolor", "virginica");
 * }</pre>
 *
 * <p>Fields may be quoted ({@code "petal length"}, with {@code ""} for a quote inside); blank lines are skipped;
 * every field after the header must be a finite number. The file streams line by line. A malformed file fails
 * with a {@link MalformedDataException} naming the file, the line and what was expected there.
 */
public final class CsvData {

    private CsvData() {}

    /**
     * Reads a CSV file whose columns named {@code targetColumns} are the targets, in the order given.
     *
     * @param path a CSV file with a header row of column names
     * @param targetColumns the names of the target columns; every other column is an input
     * @return the samples in file order, inputs and targets in the header's column order
     * @throws MalformedDataException if the file is empty, a target column is missing, or a row is malformed
     * @throws IOException            if the file cannot be read
     */
    public static Dataset read(Path path, String... targetColumns) throws IOException {
        checkNotNull(path, "path");
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader, FannData.fileName(path), targetColumns);
        }
    }

    /**
     * Reads CSV from {@code reader}, naming it {@code fileName} in messages. Does not close the reader.
     *
     * @param reader the CSV text, header row first
     * @param fileName the name messages give the data, e.g. {@code "iris.csv"}
     * @param targetColumns the names of the target columns; every other column is an input
     * @return the samples in order, inputs and targets in the header's column order
     * @throws MalformedDataException if the data is empty, a target column is missing, or a row is malformed
     * @throws IOException if reading fails
     */
    public static Dataset read(Reader reader, String fileName, String... targetColumns) throws IOException {
        checkNotNull(reader, "reader");
        checkNotNull(fileName, "fileName");
        checkNotNull(targetColumns, "targetColumns");
        checkArgument(Arrays.stream(targetColumns).distinct().count() == targetColumns.length,
                "target columns must be distinct, got %s", Arrays.toString(targetColumns));
        BufferedReader lines = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        int lineNumber = 0;
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
        } while (line != null && line.isBlank());
        if (line == null) {
            throw new MalformedDataException(fileName, Math.max(1, lineNumber - 1),
                    "expected a header row naming the columns, found an empty file");
        }
        int headerLine = lineNumber;
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1); // the byte-order mark spreadsheet programs put before UTF-8 text
        }
        List<String> header = split(line, fileName, lineNumber);
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            Integer before = columns.put(name, c);
            if (before != null) {
                throw new MalformedDataException(fileName, lineNumber, "expected unique column names in the header,"
                        + " found '" + name + "' twice (columns " + (before + 1) + " and " + (c + 1) + ")");
            }
        }
        int[] targetIndex = new int[targetColumns.length];
        boolean[] isTarget = new boolean[header.size()];
        for (int t = 0; t < targetColumns.length; t++) {
            Integer c = columns.get(targetColumns[t]);
            if (c == null) {
                throw new MalformedDataException(fileName, lineNumber, "expected a column named '" + targetColumns[t]
                        + "' (a target), found only " + String.join(", ", header.stream().map(String::strip).toList())
                        + "; check the spelling of the target column");
            }
            targetIndex[t] = c;
            isTarget[c] = true;
        }
        int[] inputIndex = new int[header.size() - targetColumns.length];
        if (inputIndex.length == 0) {
            throw new MalformedDataException(fileName, lineNumber,
                    "expected at least one input column besides the targets, found only targets");
        }
        for (int c = 0, i = 0; c < header.size(); c++) {
            if (!isTarget[c]) {
                inputIndex[i++] = c;
            }
        }
        double[] inputs = new double[64 * inputIndex.length];
        double[] targets = new double[64 * targetIndex.length];
        int rows = 0;
        double[] row = new double[header.size()];
        while ((line = lines.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = split(line, fileName, lineNumber);
            if (fields.size() != header.size()) {
                throw new MalformedDataException(fileName, lineNumber, "expected " + header.size()
                        + " fields as the header (line " + headerLine + ") has, found " + fields.size());
            }
            for (int c = 0; c < row.length; c++) {
                String field = fields.get(c).strip();
                row[c] = Tokenizer.parseNumber(field);
                if (Double.isNaN(row[c])) {
                    throw new MalformedDataException(fileName, lineNumber, "expected a finite number in column '"
                            + header.get(c).strip() + "' (column " + (c + 1) + "), found "
                            + (field.isEmpty() ? "an empty field" : "'" + field + "'"));
                }
            }
            if ((rows + 1L) * Math.max(inputIndex.length, targetIndex.length) > Integer.MAX_VALUE) {
                throw new MalformedDataException(fileName, lineNumber,
                        "expected at most 2^31-1 values per matrix; split the file");
            }
            if ((rows + 1) * inputIndex.length > inputs.length) {
                inputs = Arrays.copyOf(inputs, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * inputs.length));
                targets = Arrays.copyOf(targets, (int) Math.min(Integer.MAX_VALUE - 8L, 2L * targets.length));
            }
            for (int i = 0; i < inputIndex.length; i++) {
                inputs[rows * inputIndex.length + i] = row[inputIndex[i]];
            }
            for (int t = 0; t < targetIndex.length; t++) {
                targets[rows * targetIndex.length + t] = row[targetIndex[t]];
            }
            rows++;
        }
        if (rows == 0) {
            throw new MalformedDataException(fileName, lineNumber,
                    "expected at least one row of numbers after the header, found the end of the file");
        }
        return Dataset.wrap(
                Matrix.wrap(rows, inputIndex.length, Arrays.copyOf(inputs, rows * inputIndex.length)),
                Matrix.wrap(rows, targetIndex.length, Arrays.copyOf(targets, rows * targetIndex.length)));
    }

    /** The fields of one line, unquoting {@code "..."} fields ({@code ""} inside is one quote). */
    private static List<String> split(String line, String fileName, int lineNumber) throws MalformedDataException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new MalformedDataException(fileName, lineNumber, "expected a closing quote in field "
                                + (fields.size() + 1) + ", found the end of the line");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < line.length() && line.charAt(i) != ',') {
                    if (line.charAt(i++) != ' ') {
                        throw new MalformedDataException(fileName, lineNumber, "expected a comma after the quoted"
                                + " field " + (fields.size() + 1) + ", found '" + line.charAt(i - 1) + "'");
                    }
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }
}
