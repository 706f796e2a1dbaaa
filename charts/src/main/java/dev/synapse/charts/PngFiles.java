package dev.synapse.charts;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes an image as a PNG at exactly the path given, creating its folder. */
final class PngFiles {

    private PngFiles() {}

    /**
     * Makes AWT draw off-screen, also on machines without a display. Each chart class calls it from its static
     * initializer, before it touches any AWT class (java.awt reads the property once, when it initializes).
     */
    static void drawOffScreen() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Writes {@code image} to {@code file} as a PNG; XChart's file-name form would append ".png" to other names. */
    static Path write(BufferedImage image, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageIO.write(image, "png", out);
        }
        return file;
    }
}
