package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import dev.synapse.core.data.IdxData.Labels;
import dev.synapse.core.data.IdxData.Pixels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader on small files written here, raw and gzip; IdxRealDataTest reads Fashion-MNIST itself. */
class IdxDataTest {

    /** Three 2×2 images, row by row, and their labels. */
    private static final int[] PIXELS = {0, 255, 51, 102, 1, 2, 3, 4, 128, 64, 32, 16};
    private static final int[] LABELS = {0, 9, 3};

    @TempDir
    Path dir;

    /** An IDX file: two zero bytes, the type code, the number of dimensions, the sizes, then the data bytes. */
    static byte[] idx(int type, int[] sizes, int... data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * sizes.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) sizes.length);
        for (int size : sizes) {
            b.putInt(size);   // big-endian, as IDX wants
        }
        for (int d : data) {
            b.put((byte) d);
        }
        return b.array();
    }

    static byte[] images(int... pixels) {
        return idx(0x08, new int[] {pixels.length / 4, 2, 2}, pixels);
    }

    static byte[] labels(int... labels) {
        return idx(0x08, new int[] {labels.length}, labels);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Dataset read(byte[] images, byte[] labels) throws IOException {
        return IdxData.read(file("images.idx", images), file("labels.idx", labels), Labels.classIndex(), Pixels.RAW);
    }

    private void assertRejected(byte[] images, byte[] labels, String message) {
        assertThatThrownBy(() -> read(images, labels)).isInstanceOf(MalformedDataException.class).hasMessage(message);
    }

    @Test
    void readsRawImagesAsRowsOfPixelsWithClassIndexLabels() throws IOException {
        Dataset data = read(images(PIXELS), labels(LABELS));

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.inputs()).isEqualTo(Matrix.of(
                new double[] {0, 255, 51, 102}, new double[] {1, 2, 3, 4}, new double[] {128, 64, 32, 16}));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(0, 9, 3));
    }

    @Test
    void readsGzipScaledToTheUnitIntervalWithOneHotLabels() throws IOException {
        Path images = file("train-images-idx3-ubyte.gz", gzip(images(PIXELS)));
        Path labels = file("train-labels-idx1-ubyte.gz", gzip(labels(LABELS)));

        Dataset data = IdxData.read(images, labels, Labels.oneHot(10), Pixels.UNIT_INTERVAL);

        assertThat(data.input(0)).containsExactly(0.0, 1.0, 0.2, 0.4);
        assertThat(data.input(2)).containsExactly(128 / 255.0, 64 / 255.0, 32 / 255.0, 16 / 255.0);
        assertThat(data.target(0)).containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        assertThat(data.target(1)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(data.target(2)).containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void recognizesGzipByItsBytesNotItsName() throws IOException {
        Path gzipped = file("images.idx", gzip(images(PIXELS)));
        Path raw = file("labels.gz", labels(LABELS));

        Dataset data = IdxData.read(gzipped, raw, Labels.classIndex(), Pixels.RAW);

        assertThat(data.input(1)).containsExactly(1, 2, 3, 4);
        assertThat(data.target(1)).containsExactly(9);
    }

    @Test
    void readsImagesWithoutLabels() throws IOException {
        Dataset data = IdxData.readImages(file("images.idx", images(PIXELS)), Pixels.RAW);

        assertThat(data.size()).isEqualTo(3);
        assertThat(data.inputWidth()).isEqualTo(4);
        assertThat(data.targetWidth()).isZero();
    }

    @Test
    void imagesOfAnyRankBecomeOneRowEach() throws IOException {
        byte[] volumes = idx(0x08, new int[] {2, 2, 1, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        Dataset data = read(volumes, labels(4, 5));

        assertThat(data.input(1)).containsExactly(7, 8, 9, 10, 11, 12);
    }

    @Test
    void refusesAHeaderClaimingTwoBillionImagesInASmallRawFileAtOnce() {
        byte[] huge = idx(0x08, new int[] {2_000_000_000, 28, 28}, new int[1000]);

        assertRejected(huge, labels(LABELS), "images.idx: truncated: the header announces 2000000000 images of 28x28"
                + " (1568000000000 bytes) but only 1000 bytes follow it");
    }

    @Test
    void refusesTwoBillionLabelsInASmallRawFileBeforeAllocatingThem() {
        // 2·10⁹ one-byte labels would fit in one array: without the size check this would try to allocate 2 GB.
        assertRejected(images(PIXELS), idx(0x08, new int[] {2_000_000_000}, 1, 2, 3),
                "labels.idx: truncated: the header announces 2000000000 labels (2000000000 bytes) but only 3 bytes"
                        + " follow it");
    }

    @Test
    void refusesAGzipHeaderAnnouncingMoreThanDeflateCanInflateToAtOnce() {
        byte[] compressed = gzip(idx(0x08, new int[] {2_000_000_000, 28, 28}, new int[1000]));
        long most = compressed.length * 1032L;

        assertRejected(compressed, labels(LABELS), "images.idx: the header announces 2000000000 images of 28x28"
                + " (1568000000000 bytes), more than 1032 times the " + compressed.length + " bytes of this gzip file"
                + " (" + most + " bytes, deflate's largest expansion) can hold; the file is corrupt or truncated");
    }

    @Test
    void checksAGzipHeaderAgainstTheBytesActuallyInflated() {
        byte[] shortOfData = gzip(idx(0x08, new int[] {5, 2, 2}, PIXELS));   // announces 5 images, holds 3

        assertRejected(shortOfData, labels(1, 2, 3, 4, 5), "images.idx: truncated: the header announces 5 images of"
                + " 2x2 (20 bytes) but the data ends after 12 bytes");
    }

    @Test
    void refusesAGzipFileCutShort() {
        byte[] whole = gzip(images(PIXELS));
        byte[] noTrailer = Arrays.copyOf(whole, whole.length - 4);     // the data is all there, its length is not
        byte[] cutInData = Arrays.copyOf(whole, whole.length - 14);    // the last pixels are gone too

        assertRejected(noTrailer, labels(LABELS), "images.idx: truncated: the gzip stream ends without its trailer,"
                + " after the 3 images of 2x2 (12 bytes) its header announces");
        assertThatThrownBy(() -> read(cutInData, labels(LABELS))).isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("images.idx: truncated: the header announces 3 images of 2x2 (12 bytes) but"
                        + " the data ends after ")
                .hasMessageEndingWith(" bytes (the gzip stream is cut off)");
    }

    @Test
    void refusesDataAfterWhatTheHeaderAnnounces() {
        byte[] raw = Arrays.copyOf(labels(LABELS), labels(LABELS).length + 2);

        assertRejected(images(PIXELS), raw, "labels.idx: 2 bytes follow the 3 labels (3 bytes) its header announces;"
                + " the file is not one IDX file");
        assertRejected(gzip(images(Arrays.copyOf(PIXELS, 13))), labels(LABELS), "images.idx: more data follows the"
                + " 3 images of 2x2 (12 bytes) its header announces; the file is not one IDX file");
    }

    @Test
    void refusesABadMagicNumber() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0};

        assertRejected(zip, labels(LABELS), "images.idx: not an IDX file: it starts with 0x50 0x4B, where an IDX file"
                + " starts with two zero bytes (its magic number is 0x00000803 for images, 0x00000801 for labels)");
    }

    @Test
    void refusesATypeOtherThanUnsignedBytes() {
        assertRejected(idx(0x0D, new int[] {1, 1, 1}, 0, 0, 0, 0), labels(1), "images.idx: its data type is 0x0D"
                + " (32-bit floats); Synapse reads IDX files of unsigned bytes (type 0x08), as MNIST and Fashion-MNIST"
                + " ship them");
    }

    @Test
    void refusesFilesSwappedBetweenTheirRoles() {
        assertRejected(labels(LABELS), labels(LABELS), "images.idx: its header declares 1 dimension, but an images"
                + " file has at least 2 (the count, then each image's size, as in train-images-idx3-ubyte); is it a"
                + " labels file?");
        assertRejected(images(PIXELS), images(PIXELS), "labels.idx: its header declares 3 dimensions, but a labels"
                + " file has exactly 1 (the count, as in train-labels-idx1-ubyte); is it an images file?");
    }

    @Test
    void refusesAFileThatEndsInsideItsHeader() {
        byte[] header = Arrays.copyOf(images(PIXELS), 10);

        assertRejected(header, labels(LABELS), "images.idx: truncated: it ends inside its header, after 10 of its 16"
                + " bytes");
        assertRejected(new byte[0], labels(LABELS), "images.idx: truncated: it ends after 0 bytes, inside the 4-byte"
                + " magic number");
    }

    @Test
    void refusesASizeThatIsNotPositive() {
        assertRejected(idx(0x08, new int[] {0, 2, 2}), labels(), "images.idx: its header gives 0 as size 1 (the number"
                + " of images); every size must be positive");
        assertRejected(idx(0x08, new int[] {1, -2, 2}), labels(1), "images.idx: its header gives -2 as size 2; every"
                + " size must be positive");
    }

    @Test
    void refusesLabelAndImageCountsThatDiffer() {
        assertRejected(images(PIXELS), labels(1, 2), "labels.idx: holds 2 labels but images.idx holds 3 images; each"
                + " image needs one label, so pass the labels file that belongs to these images");
    }

    @Test
    void refusesALabelOutsideTheOneHotClasses() throws IOException {
        Path images = file("images.idx", images(PIXELS));
        Path labels = file("labels.idx", labels(LABELS));

        assertThatThrownBy(() -> IdxData.read(images, labels, Labels.oneHot(5), Pixels.RAW))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage("labels.idx: label 9 of sample 1 is not one of the 5 classes (0 to 4) of oneHot(5); pass"
                        + " the number of classes the data has");
    }

    @Test
    void refusesCorruptGzipData() {
        byte[] badBlock = gzip(images(PIXELS));
        badBlock[10] = (byte) 0xFF;   // the first deflate block header: block type 3, which does not exist
        byte[] badChecksum = gzip(images(PIXELS));
        badChecksum[badChecksum.length - 6] ^= 1;   // a bit of the trailer's CRC-32

        assertRejected(badBlock, labels(LABELS), "images.idx: not valid gzip data (invalid block type), in the header");
        assertRejected(badChecksum, labels(LABELS), "images.idx: not valid gzip data (Corrupt GZIP trailer) at its end");
    }

    @Test
    void rejectsAOneHotEncodingALabelByteCannotFill() {
        assertThatThrownBy(() -> Labels.oneHot(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one-hot labels need 2 to 256 classes (an IDX label is one byte), got 1");
        assertThat(Labels.oneHot(10).width()).isEqualTo(10);
        assertThat(Labels.classIndex().width()).isEqualTo(1);
    }
}
