package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example at the top of the project's README.md: a whole program, compiled exactly as the page shows it. */
class ReadmeDocsTest {

    private static final Pattern OUTPUT =
            Pattern.compile("loss (\\d+[.,]\\d{6}), prediction for \\[1, 0, 1]: (\\d+[.,]\\d{6})\\R");

    @TempDir
    Path dir;

    @Test
    void theReadmeNetworkLearnsXorAndSaysSo() throws Exception {
        String printed = Stdout.capture(() -> XorNetwork.main(new String[0]));

        assertLearnedXor(printed);
    }

    @Test
    void theReadmesFirstBlockCompilesAndRunsAsPastedIntoAFile() throws Exception {
        Path readme = Snippets.docsDir().resolveSibling("README.md");
        String block = Snippets.shown(readme).get(0).code();
        Path source = Files.writeString(dir.resolve("XorNetwork.java"), block);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();

        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();

        assertThat(compiled).as("javac says: %s", diagnostics).isTrue();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeDocsTest.class.getClassLoader())) {
            Method main = loader.loadClass("XorNetwork").getMethod("main", String[].class);
            assertLearnedXor(Stdout.capture(() -> main.invoke(null, (Object) new String[0])));
        }
    }

    private static void assertLearnedXor(String printed) {
        Matcher numbers = OUTPUT.matcher(printed);
        assertThat(numbers.matches()).as("printed: %s", printed).isTrue();
        assertThat(Double.parseDouble(numbers.group(1).replace(',', '.'))).isLessThan(0.01);
        assertThat(Double.parseDouble(numbers.group(2).replace(',', '.'))).isGreaterThan(0.9);
    }
}
