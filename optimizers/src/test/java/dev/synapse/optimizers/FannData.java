package dev.synapse.optimizers;

import dev.synapse.core.Matrix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StreamTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A minimal reader of FANN's training-data files for these tests (the library's own reader lives in core.data):
 * a header {@code samples inputs outputs}, then each sample's inputs and outputs as whitespace-separated numbers.
 * Reads {@code name} or, if absent, {@code name.gz}.
 */
record FannData(Matrix inputs, Matrix outputs) {

    /** Where Debian's libfann-doc puts FANN's example data sets; the system property fann.datasets overrides it. */
    static final Path DATASETS = Path.of(System.getProperty("fann.datasets",
            "/usr/share/doc/libfann-dev/examples/datasets"));

    static boolean available(String name) {
        return Files.isReadable(DATASETS.resolve(name)) || Files.isReadable(DATASETS.resolve(name + ".gz"));
    }

    static FannData read(String name) throws IOException {
        Path plain = DATASETS.resolve(name);
        Path file = Files.isReadable(plain) ? plain : DATASETS.resolve(name + ".gz");
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)), file.toString());
        }
    }

    static FannData parse(BufferedReader reader, String where) throws IOException {
        StreamTokenizer tokens = new StreamTokenizer(reader);
        tokens.resetSyntax();
        tokens.wordChars('!', '~');
        tokens.whitespaceChars(0, ' ');
        int samples = (int) next(tokens, where);
        int inputs = (int) next(tokens, where);
        int outputs = (int) next(tokens, where);
        Matrix x = new Matrix(samples, inputs);
        Matrix y = new Matrix(samples, outputs);
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < inputs; i++) {
                x.set(s, i, next(tokens, where));
            }
            for (int o = 0; o < outputs; o++) {
                y.set(s, o, next(tokens, where));
            }
        }
        return new FannData(x, y);
    }

    private static double next(StreamTokenizer tokens, String where) throws IOException {
        if (tokens.nextToken() != StreamTokenizer.TT_WORD) {
            throw new IOException(where + " line " + tokens.lineno() + ": expected a number, found the end of the file");
        }
        return Double.parseDouble(tokens.sval);
    }
}
