package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.synapse.core.data.IdxData.Labels;
import dev.synapse.core.data.IdxData.Pixels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged IDX files, made from a valid pair by seeded random byte changes, cuts and additions: each is either read
 * or refused with a one-line {@link MalformedDataException} naming the file — never another exception, a huge
 * allocation or a hang. (A deterministic stand-in for a fuzzer, which the build does not have.)
 */
class IdxMutationTest {

    private static final int[] PIXELS = new int[5 * 3 * 4];
    private static final int[] LABELS = {1, 0, 4, 2, 3};

    static {
        for (int i = 0; i < PIXELS.length; i++) {
            PIXELS[i] = i * 37 % 256;
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyDamagedFileIsReadOrRefusedWithAMessageNamingIt() throws IOException {
        byte[] images = IdxDataTest.idx(0x08, new int[] {5, 3, 4}, PIXELS);
        byte[] labels = IdxDataTest.idx(0x08, new int[] {5}, LABELS);
        Random random = new Random(12);
        int read = 0;
        int refused = 0;

        for (int trial = 0; trial < 600; trial++) {
            boolean gzip = trial % 2 == 0;
            boolean damageImages = trial % 3 != 0;
            byte[] damaged = damage(gzip ? IdxDataTest.gzip(damageImages ? images : labels)
                    : damageImages ? images : labels, random);
            Path imageFile = Files.write(dir.resolve("images"), damageImages ? damaged : images);
            Path labelFile = Files.write(dir.resolve("labels"), damageImages ? labels : damaged);
            try {
                Dataset data = IdxData.read(imageFile, labelFile, Labels.oneHot(5), Pixels.RAW);
                assertThat(data.size()).isPositive();
                read++;
            } catch (MalformedDataException e) {
                // A count that changed with the sizes can leave a valid file whose count no longer matches the
                // other's: that message is on the labels file and names both.
                assertThat(e.getMessage()).matches("(images|labels): .*").contains(damageImages ? "images" : "labels")
                        .doesNotContain("\n");
                refused++;
            } catch (RuntimeException | IOException | OutOfMemoryError e) {
                fail("trial " + trial + ": " + e + " for bytes " + Arrays.toString(damaged), e);
            }
        }

        assertThat(refused).isGreaterThan(400);
        assertThat(read).isPositive();   // a changed pixel is still a valid file
    }

    private static byte[] damage(byte[] valid, Random random) {
        byte[] bytes = valid.clone();
        switch (random.nextInt(3)) {
            case 0 -> {
                for (int changes = 1 + random.nextInt(3); changes > 0; changes--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            default -> {
                bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(20));
                for (int i = valid.length; i < bytes.length; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }
}
