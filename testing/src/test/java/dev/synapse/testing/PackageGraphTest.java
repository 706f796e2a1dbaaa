package dev.synapse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The package graph counts what compiles to a dependency, and names a cycle with the files of each edge. */
class PackageGraphTest {

    @Test
    void aCycleIsFoundAndNamedWithTheFilesOfEachEdge() {
        PackageGraph graph = PackageGraph.empty("dev.synapse.core");

        graph.add("io/A.java", "package dev.synapse.core.io;\nimport dev.synapse.core.model.Sequential;\n");
        graph.add("model/B.java", "package dev.synapse.core.model;\nclass B { dev.synapse.core.io.Registry r; }\n");

        assertThat(graph.cycle()).contains(List.of("core.io", "core.model", "core.io"));
        assertThat(graph).hasToString("core.io -> core.model [io/A.java]\ncore.model -> core.io [model/B.java]\n");
    }

    @Test
    void packagesInALineWithoutACycleHaveNone() {
        PackageGraph graph = PackageGraph.empty("dev.synapse.core");

        graph.add("Matrix.java", "package dev.synapse.core;\nimport dev.synapse.core.engine.Engines;\n");
        graph.add("engine/Engines.java", "package dev.synapse.core.engine;\nimport java.util.List;\n");
        graph.add("io/Registry.java", "package dev.synapse.core.io;\nimport dev.synapse.core.*;\n"
                + "import static dev.synapse.core.engine.Engines.current;\n");

        assertThat(graph.cycle()).isEmpty();
        assertThat(graph.packages()).containsExactly("core", "core.engine", "core.io");
        assertThat(graph.uses("core.io")).containsOnlyKeys("core", "core.engine");
        assertThat(graph.files()).isEqualTo(3);
    }

    @Test
    void commentsJavadocLinksStringsAndOtherTreesAreNoDependency() {
        PackageGraph graph = PackageGraph.empty("dev.synapse.core");

        graph.add("io/C.java", """
                package dev.synapse.core.io;
                /** Read by {@link dev.synapse.core.model.Sequential}. */
                class C {
                    // dev.synapse.core.model.Training
                    String s = "dev.synapse.core.model.History \\" dev.synapse.core.model.Metrics";
                    char c = '"';
                    String block = \"""
                            dev.synapse.core.model.Workspace
                            \""";
                    dev.synapse.core.data.Scaler scaler;
                    my.dev.synapse.core.model.Other other;
                }
                """);
        graph.add("Elsewhere.java", "package dev.synapse.layers;\nimport dev.synapse.core.model.Sequential;\n");

        assertThat(graph.uses("core.io")).containsOnlyKeys("core.data");
        assertThat(graph.packages()).containsExactly("core.io");
    }
}
