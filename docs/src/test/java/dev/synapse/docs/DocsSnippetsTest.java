package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block a reader sees in docs/*.md or README.md is a compiled snippet: it names its snippet with a marker
 * and matches the compiled copy line for line. The other tests of this module run the snippets and check their values.
 */
class DocsSnippetsTest {

    @Test
    void everyPageShowsItsSnippetsExactlyAsTheyCompile() {
        Map<String, String> compiled = Snippets.compiled();
        List<String> problems = new ArrayList<>();

        for (Path page : Snippets.pages()) {
            for (Snippets.Shown shown : Snippets.shown(page)) {
                if (shown.name() == null) {
                    problems.add(shown.where() + ": a ```java block without a <!-- snippet:NAME --> marker before it;"
                            + " move the code into docs/src/test/java between // snippet:NAME and // end-snippet");
                } else if (shown.code() == null) {
                    problems.add(shown.where() + ": marker snippet:" + shown.name()
                            + " is not followed by a ```java block");
                } else if (!compiled.containsKey(shown.name())) {
                    problems.add(shown.where() + ": no compiled snippet '" + shown.name() + "' in docs/src/test/java");
                } else if (!compiled.get(shown.name()).equals(shown.code())) {
                    problems.add(shown.where() + ": snippet '" + shown.name() + "' differs from the compiled copy."
                            + "\n--- compiled:\n" + compiled.get(shown.name()) + "--- shown:\n" + shown.code());
                }
            }
        }

        assertThat(problems).as("snippet problems").isEmpty();
    }

    @Test
    void everyCompiledSnippetIsShownSomewhere() {
        Set<String> shown = new HashSet<>();
        for (Path page : Snippets.pages()) {
            Snippets.shown(page).forEach(s -> shown.add(s.name()));
        }

        assertThat(Snippets.compiled().keySet()).as("snippets no page shows").isSubsetOf(shown);
    }

    @Test
    void theReadmeExampleIsTheReadmeSnippet() {
        Path readme = Snippets.docsDir().resolveSibling("README.md");

        assertThat(Files.isRegularFile(readme)).isTrue();
        assertThat(Snippets.shown(readme)).extracting(Snippets.Shown::name).containsExactly("readme");
    }

    @Test
    void theGuideHasTheAdvertisedPages() {
        assertThat(Snippets.pages()).extracting(p -> p.getFileName().toString()).contains("index.md",
                "getting-started.md", "example-single-neuron.md", "example-two-layer.md", "example-three-layer.md",
                "example-neural-network-class.md", "example-biases.md", "example-fann-and.md", "custom-activation.md",
                "custom-components.md", "architecture.md");
    }

    @Test
    void theCheckerComparesWithoutCommonIndentationOrTrailingSpaces() {
        List<String> fenced = List.of("", "    int a = 1;  ", "", "      int b = 2;", "");

        assertThat(Snippets.normalize(fenced)).isEqualTo("int a = 1;\n\n  int b = 2;\n");
    }

    @Test
    void theCheckerSeesUnmarkedBlocksAndMarkersWithoutABlock(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.md");
        Files.write(page, List.of("# Page", "```java", "int unmarked;", "```", "<!-- snippet:lost -->", "Some text.",
                "<!-- snippet:good -->", "```java", "  int marked;", "```", "```text", "not java", "```"));

        List<Snippets.Shown> shown = Snippets.shown(page);

        assertThat(shown).extracting(Snippets.Shown::name, Snippets.Shown::code, Snippets.Shown::line)
                .containsExactly(tuple(null, "int unmarked;\n", 2), tuple("lost", null, 5),
                        tuple("good", "int marked;\n", 8));
    }
}
