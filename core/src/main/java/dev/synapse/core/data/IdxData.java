package dev.synapse.core.data;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.Matrix;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the IDX format of MNIST and Fashion-MNIST, raw or gzip-compressed: an images file and its labels file
 * become a {@link Dataset} with one row of pixels per image and the labels as class indices or one-hot rows.
 *
 * <pre>{@code
 * Path dir = Path.of("/usr/share/datasets/fashion-mnist");
 * Dataset train = IdxData.read(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"),
 *         IdxData.Labels.classIndex(), IdxData.Pixels.UNIT_INTERVAL);   // 60000 × 784 in [0, 1], 60000 × 1
 * }</pre>
 *
 * <p>An image of r×c pixels becomes r·c inputs, row by row. Files are recognized as gzip by their first bytes,
 * whatever their names. Each header is checked before anything is allocated — against the file's length for a raw
 * file, against 1032 × the compressed size (deflate's largest expansion) for a gzip file — so a header claiming
 * 2·10⁹ images in a 1 KB file is refused at once; what a gzip header announces is then checked against the bytes
 * actually inflated. A bad magic number, a type other than unsigned bytes, a truncated file, trailing data, or
 * label and image counts that differ fail with a one-line {@link MalformedDataException} naming the file and what
 * is wrong. The files stream through a 64 KB buffer into the data set's arrays: no object per pixel.
 */
public final class IdxData {

    private static final int CHUNK = 1 << 16;

    /** How pixel bytes become inputs. */
    public enum Pixels {
        /** The bytes as stored, 0 to 255. */
        RAW,
        /** Each byte divided by 255.0, into [0, 1], as TensorFlow's and Keras' tutorials scale MNIST. */
        UNIT_INTERVAL
    }

    private IdxData() {}

    /**
     * Reads an images file and its labels file into a data set: inputs of {@code count × pixels per image},
     * targets as {@code labels} encodes them.
     *
     * @param images an IDX file of unsigned-byte images, e.g. MNIST's {@code train-images-idx3-ubyte}
     * @param labels the IDX file of their labels, one byte per image
     * @param encoding how a label becomes targets: {@link Labels#classIndex()} or {@link Labels#oneHot(int)}
     * @param pixels how a pixel byte becomes an input value
     * @return one sample per image, in file order
     * @throws MalformedDataException if either file is not an unsigned-byte IDX file of the kind its role needs,
     *                                is truncated or holds more than its header announces, the counts differ, or
     *                                a label is outside the classes of a one-hot encoding
     * @throws IOException            if a file cannot be read
     */
    public static Dataset read(Path images, Path labels, Labels encoding, Pixels pixels) throws IOException {
        checkNotNull(images, "images");
        checkNotNull(labels, "labels");
        checkNotNull(encoding, "label encoding");
        checkNotNull(pixels, "pixels");
        try (IdxFile imageFile = IdxFile.openImages(images); IdxFile labelFile = IdxFile.openLabels(labels)) {
            if (labelFile.count() != imageFile.count()) {
                throw new MalformedDataException(labelFile.name(), "holds " + labelFile.count() + " "
                        + IdxFile.plural(labelFile.count(), "labels") + " but " + imageFile.name() + " holds "
                        + imageFile.count() + " " + IdxFile.plural(imageFile.count(), "images")
                        + "; each image needs one label,"
                        + " so pass the labels file that belongs to these images");
            }
            Matrix inputs = readPixels(imageFile, pixels);
            byte[] classes = new byte[labelFile.count()];
            labelFile.readFully(classes, classes.length);
            labelFile.checkEnd();
            return Dataset.wrap(inputs, encoding.encode(classes, labelFile.name()));
        }
    }

    /**
     * Reads an images file alone into a data set without targets (no target columns).
     *
     * @param images an IDX file of unsigned-byte images
     * @param pixels how a pixel byte becomes an input value
     * @return one sample per image, in file order, with no target columns
     * @throws MalformedDataException if the file is not an unsigned-byte IDX images file, is truncated or holds
     *                                more than its header announces
     * @throws IOException            if the file cannot be read
     */
    public static Dataset readImages(Path images, Pixels pixels) throws IOException {
        checkNotNull(images, "images");
        checkNotNull(pixels, "pixels");
        try (IdxFile imageFile = IdxFile.openImages(images)) {
            Matrix inputs = readPixels(imageFile, pixels);
            return Dataset.wrap(inputs, new Matrix(inputs.rows(), 0));
        }
    }

    private static Matrix readPixels(IdxFile file, Pixels pixels) throws IOException {
        int count = file.count();
        long perImage = file.itemBytes();
        if (count * perImage > Integer.MAX_VALUE - 8) {
            throw new MalformedDataException(file.name(), "holds " + count + " " + IdxFile.plural(count, "images") + " of " + file.itemShape() + ", "
                    + count * perImage + " pixels, more than one matrix can hold (2^31 - 9 values); read a subset");
        }
        double[] table = new double[256];
        for (int b = 0; b < table.length; b++) {
            table[b] = pixels == Pixels.RAW ? b : b / 255.0;
        }
        double[] data = new double[(int) (count * perImage)];
        byte[] chunk = new byte[(int) Math.min(CHUNK, data.length)];
        for (int offset = 0; offset < data.length; ) {
            int n = Math.min(chunk.length, data.length - offset);
            file.readFully(chunk, n);
            for (int i = 0; i < n; i++) {
                data[offset + i] = table[chunk[i] & 0xFF];
            }
            offset += n;
        }
        file.checkEnd();
        return Matrix.wrap(count, (int) perImage, data);
    }

    /** How labels become targets: one column holding the class index, or one-hot rows. Immutable. */
    public static final class Labels {

        private final int classes;

        private Labels(int classes) {
            this.classes = classes;
        }

        /**
         * One target column holding each label as a number, 0.0 to 255.0 (sparse categorical targets).
         *
         * @return the class-index encoding, one target column
         */
        public static Labels classIndex() {
            return new Labels(0);
        }

        /**
         * {@code classes} target columns, 1.0 in the label's column and 0.0 elsewhere.
         *
         * @param classes the number of classes, from 2 to 256
         * @return the one-hot encoding, {@code classes} target columns
         * @throws IllegalArgumentException unless {@code classes} is in [2, 256] (a label is one byte)
         */
        public static Labels oneHot(int classes) {
            checkArgument(classes >= 2 && classes <= 256,
                    "one-hot labels need 2 to 256 classes (an IDX label is one byte), got %s", classes);
            return new Labels(classes);
        }

        /**
         * The number of target columns: 1 for class indices, the number of classes for one-hot.
         *
         * @return the target columns per sample, at least 1
         */
        public int width() {
            return classes == 0 ? 1 : classes;
        }

        private Matrix encode(byte[] labels, String fileName) throws MalformedDataException {
            int width = width();
            double[] targets = new double[labels.length * width];
            for (int s = 0; s < labels.length; s++) {
                int label = labels[s] & 0xFF;
                if (classes == 0) {
                    targets[s] = label;
                } else if (label < classes) {
                    targets[s * width + label] = 1.0;
                } else {
                    throw new MalformedDataException(fileName, "label " + label + " of sample " + s + " is not one"
                            + " of the " + classes + " classes (0 to " + (classes - 1) + ") of " + this
                            + "; pass the number of classes the data has");
                }
            }
            return Matrix.wrap(labels.length, width, targets);
        }

        @Override
        public String toString() {
            return classes == 0 ? "classIndex()" : "oneHot(" + classes + ")";
        }
    }
}
