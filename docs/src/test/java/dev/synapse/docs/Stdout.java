package dev.synapse.docs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs code that prints (a snippet showing {@code System.out}) and returns what it printed, so a test can assert. */
final class Stdout {

    private Stdout() {}

    @FunctionalInterface
    interface Code {
        void run() throws Exception;
    }

    static String capture(Code code) throws Exception {
        PrintStream previous = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            code.run();
        } finally {
            System.setOut(previous);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
