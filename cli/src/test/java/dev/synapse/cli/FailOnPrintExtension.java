package dev.synapse.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that writes to {@code System.out} or {@code System.err} (EJML's rule): tests assert, they do not
 * print. Registered for every test of this module through {@code junit-platform.properties}. A test runs the command
 * line in-process with picocli's {@code setOut}/{@code setErr} writers and asserts on what they captured.
 */
public final class FailOnPrintExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FailOnPrintExtension.class);

    private record Streams(PrintStream out, PrintStream err, ByteArrayOutputStream printed) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        context.getStore(NAMESPACE).put(Streams.class, new Streams(System.out, System.err, printed));
        PrintStream recorder = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(recorder);
        System.setErr(recorder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Streams streams = context.getStore(NAMESPACE).remove(Streams.class, Streams.class);
        System.setOut(streams.out());
        System.setErr(streams.err());
        String text = streams.printed().toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " printed; tests must assert instead:\n" + text);
        }
    }
}
