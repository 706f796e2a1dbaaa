package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** fuzzing.md's table of targets: each names a fuzz test that exists, runs five minutes and has seeds. */
class FuzzingDocsTest {

    private static final Pattern TARGET =
            Pattern.compile("^\\| `([a-z-]+)` \\| `([a-z.]+)\\.([A-Za-z]+)#([A-Za-z]+)` \\|.*$");

    @Test
    void everyTargetInTheTableIsAFiveMinuteFuzzTestWithASeedCorpus() throws IOException {
        Path project = Snippets.docsDir().getParent();
        List<String> lines = Files.readAllLines(Snippets.docsDir().resolve("fuzzing.md"));
        int targets = 0;

        for (String line : lines) {
            Matcher row = TARGET.matcher(line);
            if (!row.matches()) {
                continue;
            }
            Path module = project.resolve(row.group(1));
            String folder = row.group(2).replace('.', '/');
            String type = row.group(3);
            Path source = module.resolve("src/test/java").resolve(folder).resolve(type + ".java");
            assertThat(source).as(line).isRegularFile();
            assertThat(Files.readString(source)).as(line)
                    .contains("@FuzzTest(maxDuration = \"5m\")\n    void " + row.group(4) + "(");
            Path seeds = module.resolve("src/test/resources").resolve(folder).resolve(type + "Inputs")
                    .resolve(row.group(4));
            try (Stream<Path> files = Files.list(seeds)) {
                assertThat(files.count()).as("seeds in %s", seeds).isPositive();
            }
            targets++;
        }

        assertThat(targets).as("FANN data, CSV, model file, arguments, IDX images, FANN .net").isEqualTo(6);
    }

    @Test
    void theSharedPropertiesInstrumentOurClassesAndRunFuzzTestsLast() throws IOException {
        Path properties = Snippets.docsDir().resolveSibling("testing/src/main/resources/junit-platform.properties");

        assertThat(Files.readAllLines(properties)).contains("jazzer.instrumentation_includes=dev.synapse.**",
                "junit.jupiter.testclass.order.default=dev.synapse.testing.FuzzTestsLast");
        assertThat(Files.readString(Snippets.docsDir().resolveSibling(".gitignore"))).contains(".cifuzz-corpus/");
    }
}
