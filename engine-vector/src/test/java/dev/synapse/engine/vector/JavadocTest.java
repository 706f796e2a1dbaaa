package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doclint check the javadoc plugin cannot enforce in this module: javadoc always warns that the module uses the
 * incubating Vector API, so the plugin's {@code failOnWarnings} would fail every build. This test runs javadoc on the
 * module's sources with every doclint check and fails on any other warning, such as a missing comment or tag.
 */
class JavadocTest {

    @TempDir
    Path out;

    @Test
    void everyPublicTypeAndMethodIsDocumentedWithNoWarningButTheIncubatorOne() throws IOException {
        ToolProvider javadoc = ToolProvider.findFirst("javadoc").orElseThrow();
        List<String> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
        List<String> args = new java.util.ArrayList<>(List.of("-Xdoclint:all", "-quiet", "-protected",
                "--add-modules", "jdk.incubator.vector", "--release", "17", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        StringWriter log = new StringWriter();
        PrintWriter writer = new PrintWriter(log);

        int status = javadoc.run(writer, writer, args.toArray(String[]::new));

        writer.flush();
        List<String> warnings = log.toString().lines()
                .filter(l -> l.contains("warning") || l.contains("error"))
                .filter(l -> !l.contains("using incubating module(s): jdk.incubator.vector"))
                .filter(l -> !l.matches("\\d+ warnings?"))
                .collect(Collectors.toList());
        assertThat(status).as(log.toString()).isZero();
        assertThat(warnings).as("javadoc's output:%n%s", log).isEmpty();
    }
}
