package dev.synapse.examples;

import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.IdxData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Fashion-MNIST as the gallery reads it: the four IDX files of Debian's dataset-fashion-mnist (or a folder holding
 * them), pixels scaled to [0, 1], labels as class indices 0 to 9.
 *
 * @param train the 60000 training images (fewer when limited)
 * @param test  the 10000 test images (fewer when limited)
 */
record FashionMnistData(Dataset train, Dataset test) {

    /** Where Debian's dataset-fashion-mnist installs the files. */
    static final Path DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    /** The four files, as Zalando publishes them. */
    static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** The ten classes, in label order, as the data set's README names them. */
    static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The one line that says how to get the data when a file is missing from {@code dir}; empty when all are there. */
    static Optional<String> missing(Path dir) {
        for (String file : FILES) {
            if (!Files.isReadable(dir.resolve(file))) {
                return Optional.of("Fashion-MNIST is not in " + dir + " (no " + file + "): install it with"
                        + " 'apt-get install dataset-fashion-mnist', or pass --data DIR with the four .gz files ("
                        + String.join(", ", FILES) + ").");
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the four files of {@code dir}, keeping the first {@code limit} images of each set (all when
     * {@code limit} is at least their size).
     *
     * @throws IOException if a file cannot be read or is malformed (the message names it)
     */
    static FashionMnistData read(Path dir, int limit) throws IOException {
        Dataset train = IdxData.read(dir.resolve(FILES.get(0)), dir.resolve(FILES.get(1)),
                IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);
        Dataset test = IdxData.read(dir.resolve(FILES.get(2)), dir.resolve(FILES.get(3)),
                IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);
        return new FashionMnistData(first(train, limit), first(test, limit));
    }

    private static Dataset first(Dataset data, int limit) {
        return limit < data.size() ? data.slice(0, limit) : data;
    }
}
