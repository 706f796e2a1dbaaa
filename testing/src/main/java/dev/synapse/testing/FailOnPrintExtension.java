package dev.synapse.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test that writes to {@code System.out} or {@code System.err} (EJML's rule): tests assert, they do not
 * print. Every module has this module as a test dependency; its {@code META-INF/services} entry and the parent pom's
 * surefire setting {@code junit.jupiter.extensions.autodetection.enabled=true} register the extension for every test.
 * A test whose subject prints (an example, a command line) redirects that output and asserts on it instead.
 *
 * <p>Fuzz tests are exempt: Jazzer writes its own INFO and WARN lines inside the test method, and a fuzz test
 * asserts through the exceptions it lets escape. They are recognised by an annotation named {@code FuzzTest} on
 * the method (Jazzer's {@code com.code_intelligence.jazzer.junit.FuzzTest}), by name, so this module needs no
 * Jazzer dependency.
 */
public final class FailOnPrintExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FailOnPrintExtension.class);

    /** The simple name of Jazzer's annotation for fuzz tests. */
    private static final String FUZZ_TEST = "FuzzTest";

    private record Streams(PrintStream out, PrintStream err, ByteArrayOutputStream printed) {}

    @Override
    public void beforeEach(ExtensionContext context) {
        if (isFuzzTest(context)) {
            return;
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        context.getStore(NAMESPACE).put(Streams.class, new Streams(System.out, System.err, printed));
        PrintStream recorder = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(recorder);
        System.setErr(recorder);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Streams streams = context.getStore(NAMESPACE).remove(Streams.class, Streams.class);
        if (streams == null) {
            return;     // a fuzz test: nothing was redirected
        }
        System.setOut(streams.out());
        System.setErr(streams.err());
        String text = streams.printed().toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            throw new AssertionError(context.getDisplayName() + " printed; tests must assert instead:\n" + text);
        }
    }

    /** Whether the test method carries an annotation named {@code FuzzTest}, whatever its package. */
    static boolean isFuzzTest(ExtensionContext context) {
        return context.getTestMethod()
                .map(method -> Arrays.stream(method.getAnnotations())
                        .anyMatch(FailOnPrintExtension::isFuzzTestAnnotation))
                .orElse(false);
    }

    /** Whether {@code annotation} is one named {@code FuzzTest}, as Jazzer's is. */
    static boolean isFuzzTestAnnotation(Annotation annotation) {
        return annotation.annotationType().getSimpleName().equals(FUZZ_TEST);
    }
}
