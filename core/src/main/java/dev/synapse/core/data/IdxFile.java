package dev.synapse.core.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One IDX file opened for reading, raw or gzip-compressed: its header read and checked against what the file can
 * hold before anything is allocated, its data next in the stream.
 *
 * <p>The format (LeCun's, as MNIST ships it): two zero bytes, a type code (0x08 for unsigned bytes), the number of
 * dimensions n, then n big-endian 32-bit sizes, the first being the number of items; then the items' bytes. A raw
 * file's data must be exactly as long as the header says. A gzip file cannot be measured without inflating it,
 * but deflate expands at most 1032-fold, so a header announcing more than 1032 × the compressed size is refused at
 * once; what the header announces is then checked against the bytes actually inflated.
 */
final class IdxFile implements Closeable {

    /** Deflate's largest expansion: a compressed file of n bytes inflates to at most 1032·n. */
    static final long DEFLATE_MAX_RATIO = 1032;

    private static final int UNSIGNED_BYTE = 0x08;
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final String noun;
    private final int[] dims;
    private final long dataBytes;
    private final InputStream in;
    private long dataRead;

    private IdxFile(String name, String noun, int[] dims, long dataBytes, InputStream in) {
        this.name = name;
        this.noun = noun;
        this.dims = dims;
        this.dataBytes = dataBytes;
        this.in = in;
    }

    /** Opens an images file (at least 2 dimensions: the count, then each image's size) and checks its header. */
    static IdxFile openImages(Path path) throws IOException {
        return open(path, "images", 2, 255, "an images file has at least 2 (the count, then each image's size, as"
                + " in train-images-idx3-ubyte); is it a labels file?");
    }

    /** Opens a labels file (exactly 1 dimension: the count) and checks its header. */
    static IdxFile openLabels(Path path) throws IOException {
        return open(path, "labels", 1, 1, "a labels file has exactly 1 (the count, as in train-labels-idx1-ubyte);"
                + " is it an images file?");
    }

    private static IdxFile open(Path path, String noun, int minDims, int maxDims, String expected)
            throws IOException {
        String name = FannData.fileName(path);
        long fileSize = Files.size(path);
        InputStream file = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            file.mark(2);
            boolean gzip = file.read() == 0x1f && file.read() == 0x8b;
            file.reset();
            InputStream in = gzip ? gunzip(file, name) : file;
            int[] dims = readHeader(in, name, noun, minDims, maxDims, expected);
            long headerBytes = 4 + 4L * dims.length;
            long dataBytes = dataBytes(dims, name, noun);
            String announced = describe(dims, noun, dataBytes);
            if (gzip) {
                long most = fileSize * DEFLATE_MAX_RATIO;
                if (headerBytes + dataBytes > most) {
                    throw new MalformedDataException(name, "the header announces " + announced + ", more than "
                            + DEFLATE_MAX_RATIO + " times the " + fileSize + " bytes of this gzip file (" + most
                            + " bytes, deflate's largest expansion) can hold; the file is corrupt or truncated");
                }
            } else if (fileSize - headerBytes < dataBytes) {
                throw new MalformedDataException(name, "truncated: the header announces " + announced
                        + " but only " + (fileSize - headerBytes) + " bytes follow it");
            } else if (fileSize - headerBytes > dataBytes) {
                throw new MalformedDataException(name, (fileSize - headerBytes - dataBytes) + " bytes follow the "
                        + announced + " its header announces; the file is not one IDX file");
            }
            return new IdxFile(name, noun, dims, dataBytes, in);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    private static InputStream gunzip(InputStream file, String name) throws IOException {
        try {
            return new GZIPInputStream(file, BUFFER);
        } catch (ZipException | EOFException e) {
            throw new MalformedDataException(name, "not valid gzip data (" + e.getMessage() + ")");
        }
    }

    private static int[] readHeader(InputStream in, String name, String noun, int minDims, int maxDims,
            String expected) throws IOException {
        byte[] magic = new byte[4];
        int got = readHeaderBytes(in, magic, name);
        if (got > 0 && (magic[0] != 0 || (got > 1 && magic[1] != 0))) {
            throw new MalformedDataException(name, String.format("not an IDX file: it starts with 0x%02X 0x%02X,"
                    + " where an IDX file starts with two zero bytes (its magic number is 0x00000803 for images,"
                    + " 0x00000801 for labels)", magic[0], got > 1 ? magic[1] : 0));
        }
        if (got < 4) {
            throw new MalformedDataException(name, "truncated: it ends after " + got
                    + " bytes, inside the 4-byte magic number");
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new MalformedDataException(name, String.format("its data type is 0x%02X (%s); Synapse reads IDX"
                    + " files of unsigned bytes (type 0x08), as MNIST and Fashion-MNIST ship them",
                    magic[2], typeName(magic[2])));
        }
        int n = magic[3] & 0xFF;
        if (n < minDims || n > maxDims) {
            throw new MalformedDataException(name, "its header declares " + n + " dimension" + (n == 1 ? "" : "s")
                    + ", but " + expected);
        }
        byte[] sizes = new byte[4 * n];
        int read = readHeaderBytes(in, sizes, name);
        if (read < sizes.length) {
            throw new MalformedDataException(name, "truncated: it ends inside its header, after " + (4 + read)
                    + " of its " + (4 + sizes.length) + " bytes");
        }
        int[] dims = new int[n];
        for (int d = 0; d < n; d++) {
            dims[d] = (sizes[4 * d] & 0xFF) << 24 | (sizes[4 * d + 1] & 0xFF) << 16 | (sizes[4 * d + 2] & 0xFF) << 8
                    | sizes[4 * d + 3] & 0xFF;
            if (dims[d] <= 0) {
                throw new MalformedDataException(name, "its header gives " + dims[d] + " as size " + (d + 1)
                        + (d == 0 ? " (the number of " + noun + ")" : "") + "; every size must be positive");
            }
        }
        return dims;
    }

    private static int readHeaderBytes(InputStream in, byte[] into, String name) throws IOException {
        try {
            return in.readNBytes(into, 0, into.length);
        } catch (ZipException | EOFException e) {
            throw new MalformedDataException(name, "not valid gzip data (" + e.getMessage() + "), in the header");
        }
    }

    private static long dataBytes(int[] dims, String name, String noun) throws MalformedDataException {
        long bytes = 1;
        try {
            for (int d : dims) {
                bytes = Math.multiplyExact(bytes, d);
            }
        } catch (ArithmeticException e) {
            throw new MalformedDataException(name, "the header announces " + describe(dims, noun, -1)
                    + ", more than 2^63 bytes: it is corrupt");
        }
        return bytes;
    }

    private static String describe(int[] dims, String noun, long bytes) {
        StringBuilder s = new StringBuilder().append(dims[0]).append(' ').append(plural(dims[0], noun));
        for (int d = 1; d < dims.length; d++) {
            s.append(d == 1 ? " of " : "x").append(dims[d]);
        }
        return bytes < 0 ? s.toString() : s.append(" (").append(bytes).append(" bytes)").toString();
    }

    /** {@code "images"} for any count but 1, {@code "image"} for 1. */
    static String plural(long count, String pluralNoun) {
        return count == 1 ? pluralNoun.substring(0, pluralNoun.length() - 1) : pluralNoun;
    }

    private static String typeName(int code) {
        return switch (code) {
            case 0x09 -> "signed bytes";
            case 0x0B -> "16-bit integers";
            case 0x0C -> "32-bit integers";
            case 0x0D -> "32-bit floats";
            case 0x0E -> "64-bit floats";
            default -> "no IDX type";
        };
    }

    String name() {
        return name;
    }

    /** The number of items, the first size of the header. */
    int count() {
        return dims[0];
    }

    /** The bytes of one item: the product of the sizes after the first. */
    long itemBytes() {
        return dataBytes / dims[0];
    }

    /** The header's sizes after the first, e.g. "28x28". */
    String itemShape() {
        StringBuilder s = new StringBuilder();
        for (int d = 1; d < dims.length; d++) {
            s.append(d == 1 ? "" : "x").append(dims[d]);
        }
        return s.toString();
    }

    /** Reads the next {@code length} bytes of data into {@code buffer}, failing if the file ends first. */
    void readFully(byte[] buffer, int length) throws IOException {
        int off = 0;
        try {
            while (off < length) {
                int n = in.read(buffer, off, length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (EOFException e) {
            dataRead += off;
            throw truncated(" (the gzip stream is cut off)");
        } catch (ZipException e) {
            throw new MalformedDataException(name, "not valid gzip data (" + e.getMessage() + ") after "
                    + (dataRead + off) + " bytes of " + noun);
        }
        dataRead += off;
        if (off < length) {
            throw truncated("");
        }
    }

    private MalformedDataException truncated(String how) {
        return new MalformedDataException(name, "truncated: the header announces " + describe(dims, noun, dataBytes)
                + " but the data ends after " + dataRead + " bytes" + how);
    }

    /**
     * Checks that the data ended where the header said it would; for gzip, this is also where the stream's
     * trailer (length and checksum) is read and checked.
     */
    void checkEnd() throws IOException {
        int next;
        try {
            next = in.read();
        } catch (EOFException e) {
            throw new MalformedDataException(name, "truncated: the gzip stream ends without its trailer, after"
                    + " the " + describe(dims, noun, dataBytes) + " its header announces");
        } catch (ZipException e) {
            throw new MalformedDataException(name, "not valid gzip data (" + e.getMessage() + ") at its end");
        }
        if (next != -1) {
            throw new MalformedDataException(name, "more data follows the " + describe(dims, noun, dataBytes)
                    + " its header announces; the file is not one IDX file");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
