package dev.synapse.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.testing.PackageGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** architecture.md's "Packages of core" lists what each package of core uses, as core's sources have it. */
class ArchitecturePackagesDocsTest {

    @Test
    void theListOfCorePackagesAndWhatTheyUseIsTheSourcesOwn() throws IOException {
        PackageGraph core = PackageGraph.of(Snippets.docsDir().resolveSibling("core/src/main/java/dev/synapse/core"),
                "dev.synapse.core");
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : section(Files.readAllLines(Snippets.docsDir().resolve("architecture.md")))) {
            if (line.contains("->")) {
                String[] sides = line.split("->");
                documented.put(sides[0].trim(), names(sides[1]));
            } else if (line.contains("(use no other package of ours)")) {
                names(line.substring(0, line.indexOf('('))).forEach(p -> documented.put(p, Set.of()));
            }
        }

        Map<String, Set<String>> actual = new TreeMap<>();
        core.packages().forEach(p -> actual.put(p, new TreeSet<>(core.uses(p).keySet())));
        assertThat(documented).as("what core's packages use; the sources say:%n%s", core).isEqualTo(actual);
    }

    /** The indented lines of the section, the diagram. */
    private static List<String> section(List<String> lines) {
        int start = lines.indexOf("## Packages of core");
        assertThat(start).as("the section's heading").isNotNegative();
        return lines.subList(start + 1, lines.size()).stream()
                .takeWhile(l -> !l.startsWith("## "))
                .filter(l -> l.startsWith("    "))
                .collect(Collectors.toList());
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
