package dev.synapse.core.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 of a model's numbers in a canonical byte form (docs/model-format.md): per weight matrix its layer
 * index, rows and columns as big-endian int32 and its values row by row as big-endian IEEE-754 float64; then per
 * scaler a tag byte ({@code 'I'} input, {@code 'T'} target), its type name as an int32 length and UTF-8 bytes,
 * and its numbers. The writer and the reader feed it the same sequence, so any changed digit shows.
 */
final class Checksum {

    static final String ALGORITHM = "sha-256";

    private final MessageDigest digest;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);

    Checksum() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    void addMatrix(int layer, int rows, int cols, double[] values, int count) {
        putInt(layer);
        putInt(rows);
        putInt(cols);
        for (int i = 0; i < count; i++) {
            putDouble(values[i]);
        }
    }

    void addScaler(char tag, String type, double... numbers) {
        room(1);
        buffer.put((byte) tag);
        byte[] name = type.getBytes(StandardCharsets.UTF_8);
        putInt(name.length);
        for (byte b : name) {
            room(1);
            buffer.put(b);
        }
        for (double v : numbers) {
            putDouble(v);
        }
    }

    private void putInt(int v) {
        room(4);
        buffer.putInt(v);
    }

    private void putDouble(double v) {
        room(8);
        buffer.putLong(Double.doubleToLongBits(v));
    }

    private void room(int bytes) {
        if (buffer.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }

    /** The digest as lower-case hex; the checksum cannot be fed after this. */
    String hex() {
        flush();
        StringBuilder s = new StringBuilder(64);
        for (byte b : digest.digest()) {
            s.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return s.toString();
    }
}
