package dev.synapse.optimizers;

import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * FANN's benchmark data sets as Debian's libfann-doc installs them, read with the library's {@link FannData}.
 * Reads {@code name} or, if absent, {@code name.gz}.
 */
final class FannDatasets {

    /** Where Debian's libfann-doc puts FANN's example data sets; the system property fann.datasets overrides it. */
    static final Path DATASETS = Path.of(System.getProperty("fann.datasets",
            "/usr/share/doc/libfann-dev/examples/datasets"));

    private FannDatasets() {}

    static boolean available(String name) {
        return Files.isReadable(DATASETS.resolve(name)) || Files.isReadable(DATASETS.resolve(name + ".gz"));
    }

    static Dataset read(String name) throws IOException {
        Path plain = DATASETS.resolve(name);
        if (Files.isReadable(plain)) {
            return FannData.read(plain);
        }
        Path zipped = DATASETS.resolve(name + ".gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(zipped));
                Reader reader = new InputStreamReader(in, StandardCharsets.US_ASCII)) {
            return FannData.read(reader, zipped.toString());
        }
    }
}
