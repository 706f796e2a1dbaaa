package dev.synapse.core.data;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads and writes FANN's training-data format: a header {@code samples inputs outputs}, then each sample's inputs
 * and outputs, as FANN's {@code fann_read_train_from_file} reads and {@code fann_save_train} writes them.
 *
 * <pre>{@code
 * 4 2 1        <- samples, inputs per sample, outputs per sample
 * -1 -1        <- inputs of sample 1
 * -1           <- outputs of sample 1
 * -1 1
 * 1
 * ...
 * }</pre>
 *
 * <pre>{@code
 * Dataset xor = FannData.read(Path.of("xor.data"));
 * FannData.write(xor, Path.of("copy.data"));
 * }</pre>
 *
 * <p>As with FANN's {@code fscanf}, any whitespace separates numbers, so a sample may span lines or share one. The
 * file streams through a small buffer: only the numbers are kept. A malformed file fails with a
 * {@link MalformedDataException} naming the file, the line and what was expected there. When the counts do not add
 * up, the message points at the first line whose count broke the layout of the samples before it (the layout the
 * first two samples share, else FANN's own: inputs on one line, outputs on the next), which is where a miscount
 * usually is: {@code xor.data line 4: expected 2 inputs for sample 2, found 3 numbers; ...}.
 */
public final class FannData {

    private FannData() {}

    /**
     * Reads a FANN data file.
     *
     * @param path a FANN data file: a header {@code samples inputs outputs}, then the samples
     * @return the samples in file order
     * @throws MalformedDataException if the file does not hold what its header announces
     * @throws IOException            if the file cannot be read
     */
    public static Dataset read(Path path) throws IOException {
        checkNotNull(path, "path");
        // ISO-8859-1 maps every byte to a character, so a stray byte becomes a bad token with a line, not a
        // decoding error without one.
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.ISO_8859_1)) {
            return read(reader, fileName(path));
        }
    }

    /**
     * Reads FANN data from {@code reader}, naming it {@code fileName} in error messages. Does not close the reader.
     *
     * @param reader the FANN data text, header first
     * @param fileName the name messages give the data, e.g. {@code "xor.data"}
     * @return the samples in order
     * @throws MalformedDataException if the data does not hold what its header announces
     */
    public static Dataset read(Reader reader, String fileName) throws IOException {
        checkNotNull(reader, "reader");
        checkNotNull(fileName, "fileName");
        return new Parser(new Tokenizer(reader), fileName).parse();
    }

    /**
     * Writes {@code data} to a FANN data file, replacing it if it exists.
     *
     * @param data the samples to write; its targets become FANN's outputs
     * @param path the file to write
     * @throws IOException if the file cannot be written
     */
    public static void write(Dataset data, Path path) throws IOException {
        checkNotNull(data, "data");
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII)) {
            write(data, writer);
        }
    }

    /**
     * Writes {@code data} in FANN's layout: the header line, then per sample a line of inputs and a line of outputs.
     * Whole numbers are written without a fraction ({@code -1}), others as Java's shortest round-tripping decimal,
     * so reading the file back gives bit-identical values. Does not close the writer.
     *
     * @param data the samples to write; its targets become FANN's outputs
     * @param writer where the text goes; not closed
     * @throws IOException if writing fails
     */
    public static void write(Dataset data, Writer writer) throws IOException {
        checkNotNull(data, "data");
        checkNotNull(writer, "writer");
        Matrix inputs = data.inputs();
        Matrix targets = data.targets();
        writer.write(data.size() + " " + data.inputWidth() + " " + data.targetWidth() + "\n");
        StringBuilder line = new StringBuilder();
        for (int s = 0; s < data.size(); s++) {
            appendRow(line, inputs, s);
            appendRow(line, targets, s);
            writer.append(line);
            line.setLength(0);
        }
        writer.flush();
    }

    private static void appendRow(StringBuilder line, Matrix m, int row) {
        double[] d = m.data();
        int cols = m.cols();
        for (int c = 0; c < cols; c++) {
            if (c > 0) {
                line.append(' ');
            }
            line.append(format(d[row * cols + c]));
        }
        line.append('\n');
    }

    static String format(double v) {
        boolean negativeZero = v == 0 && Double.doubleToRawLongBits(v) != 0;
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !negativeZero) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One read of one file; holds the numbers and the line layout of the samples seen so far. */
    private static final class Parser {

        /** Numbers per matrix allocated before any is read; the arrays double from there as numbers arrive. */
        private static final int INITIAL_VALUES = 1 << 14;

        private static final String[] HEADER_FIELDS = {
            "the number of samples", "the number of inputs per sample", "the number of outputs per sample"
        };

        private final Tokenizer tokens;
        private final String file;
        private int headerLine;
        private int samples;
        private int inputs;
        private int outputs;
        private double[] in;
        private double[] out;

        /** Per line of the current sample: how many of its numbers are there, and which line it is. */
        private Layout current;
        private Layout first;
        private Layout second;
        /** The layout every sample should have, once two samples are read; null before. */
        private int[] reference;
        /** The first line that broke the reference layout, and what it should have held; null if none. */
        private Deviation deviation;

        Parser(Tokenizer tokens, String file) {
            this.tokens = tokens;
            this.file = file;
        }

        Dataset parse() throws IOException {
            readHeader();
            int width = inputs + outputs;
            // The arrays grow with the numbers actually read, never to what the header claims: a 14-byte file
            // announcing 2^31-1 inputs must be refused for what it lacks, not crash the JVM for memory.
            in = new double[(int) Math.min((long) samples * inputs, INITIAL_VALUES)];
            out = new double[(int) Math.min((long) samples * outputs, INITIAL_VALUES)];
            current = new Layout(width);
            for (int s = 0; s < samples; s++) {
                current.clear();
                for (int j = 0; j < width; j++) {
                    String token = tokens.next();
                    if (token == null) {
                        throw endOfFile(s, j);
                    }
                    double value = Tokenizer.parseNumber(token);
                    if (Double.isNaN(value)) {
                        throw error(tokens.tokenLine(), "expected " + one(j) + " of sample " + (s + 1)
                                + ", a finite number, found '" + token + "'");
                    }
                    if (j < inputs) {
                        in = room(in, s * inputs + j, (long) samples * inputs);
                        in[s * inputs + j] = value;
                    } else {
                        out = room(out, s * outputs + j - inputs, (long) samples * outputs);
                        out[s * outputs + j - inputs] = value;
                    }
                    current.add(tokens.tokenLine());
                }
                sampleRead(s);
            }
            String extra = tokens.next();
            if (extra != null) {
                throw trailing(extra);
            }
            return Dataset.wrap(Matrix.wrap(samples, inputs, in), Matrix.wrap(samples, outputs, out));
        }

        /** {@code values}, or a copy at least twice as long (at most {@code limit}) when it has no {@code index}. */
        private static double[] room(double[] values, int index, long limit) {
            if (index < values.length) {
                return values;
            }
            return Arrays.copyOf(values, (int) Math.min(limit, Math.max(index + 1L, 2L * values.length)));
        }

        private void readHeader() throws IOException {
            int[] values = new int[3];
            for (int i = 0; i < 3; i++) {
                String token = tokens.next();
                if (token == null) {
                    throw i == 0
                            ? error(1, "expected the header 'samples inputs outputs' (e.g. '4 2 1'), found an empty file")
                            : error(tokens.tokenLine(), "expected " + HEADER_FIELDS[i]
                                    + " in the header 'samples inputs outputs', found the end of the file");
                }
                if (i == 0) {
                    headerLine = tokens.tokenLine();
                }
                values[i] = wholeNumber(token);
                if (values[i] < 0) {
                    throw error(tokens.tokenLine(), "expected " + HEADER_FIELDS[i]
                            + " in the header 'samples inputs outputs', a whole number, found '" + token + "'");
                }
                if (values[i] == 0) {
                    throw error(tokens.tokenLine(), "expected at least 1 for " + HEADER_FIELDS[i]
                            + " in the header, found 0");
                }
            }
            samples = values[0];
            inputs = values[1];
            outputs = values[2];
            if ((long) inputs + outputs > Integer.MAX_VALUE) {
                throw error(headerLine, "expected at most 2^31-1 numbers per sample, but the header announces "
                        + plural(inputs, "input") + " and " + plural(outputs, "output") + " per sample");
            }
            if ((long) samples * Math.max(inputs, outputs) > Integer.MAX_VALUE) {
                throw error(headerLine, "expected at most 2^31-1 values per matrix, but the header announces "
                        + plural(samples, "sample") + " of " + plural(inputs, "input") + " and "
                        + plural(outputs, "output") + "; split the file");
            }
        }

        /** The token as a non-negative int, or -1. */
        private static int wholeNumber(String token) {
            String digits = token.startsWith("+") ? token.substring(1) : token;
            if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            long value = Long.parseLong(digits);
            return value > Integer.MAX_VALUE ? -1 : (int) value;
        }

        /** Compares a finished sample's line layout with the reference, fixed once two samples agree or not. */
        private void sampleRead(int s) {
            if (s == 0) {
                first = current.copy();
            } else if (s == 1) {
                second = current.copy();
                reference = Arrays.equals(first.counts(), second.counts())
                        ? first.counts() : new int[] {inputs, outputs};
                check(0, first);
                check(1, second);
            } else {
                check(s, current);
            }
        }

        private void check(int s, Layout layout) {
            if (deviation != null) {
                return;
            }
            int start = 0;
            for (int j = 0; j < Math.min(layout.size(), reference.length); j++) {
                if (layout.count(j) != reference[j]) {
                    deviation = new Deviation(layout.line(j), "expected " + range(start, reference[j])
                            + " for sample " + (s + 1));
                    return;
                }
                start += reference[j];
            }
        }

        private MalformedDataException endOfFile(int s, int j) throws IOException {
            int width = inputs + outputs;
            long missing = (long) (samples - s) * width - j;
            if (deviation != null) {
                return deviationError("the file ends " + plural(missing, "number") + " short of " + announced());
            }
            int line = Math.max(tokens.tokenLine(), headerLine);
            if (j == 0) {
                return error(line, "expected sample " + (s + 1) + " of the " + samples + " the header (line "
                        + headerLine + ") announces, found the end of the file after " + plural(s, "sample")
                        + "; correct the sample count in the header or add the missing samples");
            }
            return error(line, "expected " + range(j, width - j) + " for sample " + (s + 1)
                    + ", found the end of the file; the last sample is cut short");
        }

        private MalformedDataException trailing(String extra) throws IOException {
            int line = tokens.tokenLine();
            long count = 1;
            while (tokens.next() != null) {
                count++;
            }
            if (deviation != null) {
                return deviationError("the file holds " + plural(count, "number") + " more than " + announced()
                        + " (from line " + line + ")");
            }
            return error(line, "expected the end of the file after the " + plural(samples, "sample")
                    + " the header (line " + headerLine + ") announces, found another number '" + extra
                    + "'" + (count > 1 ? " and " + (count - 1) + " more" : "")
                    + "; correct the sample count in the header or remove the extra numbers");
        }

        private String announced() {
            return "the header's " + plural(samples, "sample") + " of " + plural(inputs, "input") + " and "
                    + plural(outputs, "output");
        }

        private MalformedDataException deviationError(String consequence) {
            int found = tokens.tokensOn(deviation.line());
            return error(deviation.line(), deviation.expected() + ", found " + plural(found, "number")
                    + "; from there on the numbers no longer line up, and " + consequence);
        }

        /** "input 2" or "output 1": number j (0-based) of a sample. */
        private String one(int j) {
            return j < inputs ? "input " + (j + 1) : "output " + (j - inputs + 1);
        }

        /** The numbers start..start+count-1 of a sample, e.g. "2 inputs", "input 2 and 1 output", "outputs 2 to 3". */
        private String range(int start, int count) {
            String ins = part(start, Math.min(start + count, inputs), inputs, "input");
            String outs = part(Math.max(start, inputs) - inputs, start + count - inputs, outputs, "output");
            return ins.isEmpty() ? outs : outs.isEmpty() ? ins : ins + " and " + outs;
        }

        private static String part(int from, int to, int all, String noun) {
            if (to <= from) {
                return "";
            }
            if (from == 0 && to == all) {
                return plural(all, noun);
            }
            return to - from == 1 ? noun + " " + to : noun + "s " + (from + 1) + " to " + to;
        }

        private MalformedDataException error(int line, String problem) {
            return new MalformedDataException(file, line, problem);
        }
    }

    private record Deviation(int line, String expected) {}

    /** How one sample's numbers fall on lines: a count and a line number per line it touches. */
    private static final class Layout {
        private int[] counts;
        private int[] lines;
        private int size;

        Layout(int capacity) {
            counts = new int[Math.max(1, Math.min(capacity, 16))];
            lines = new int[counts.length];
        }

        private Layout(int[] counts, int[] lines, int size) {
            this.counts = counts;
            this.lines = lines;
            this.size = size;
        }

        void clear() {
            size = 0;
        }

        void add(int line) {
            if (size > 0 && lines[size - 1] == line) {
                counts[size - 1]++;
                return;
            }
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
                lines = Arrays.copyOf(lines, size * 2);
            }
            lines[size] = line;
            counts[size++] = 1;
        }

        int[] counts() {
            return Arrays.copyOf(counts, size);
        }

        int size() {
            return size;
        }

        int count(int segment) {
            return counts[segment];
        }

        int line(int segment) {
            return lines[segment];
        }

        Layout copy() {
            return new Layout(counts.clone(), lines.clone(), size);
        }
    }
}
