package dev.synapse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages of core depend on each other one way (docs/architecture.md, "Packages of core"): the model-file
 * format in {@code core.io} never uses {@code core.model}, which uses it, and no other package cycle comes back.
 */
class PackageDependenciesTest {

    private static final PackageGraph CORE = PackageGraph.of(Path.of("src/main/java/dev/synapse/core"));

    @Test
    void theModelFileFormatDoesNotUseTheModelPackage() {
        assertThat(CORE.uses("core.io"))
                .as("core.io must not use core.model (core.model uses core.io); the conversion between a model and"
                        + " a StoredModel belongs in core.model. Every edge:%n%s", CORE)
                .doesNotContainKey("core.model")
                .containsKeys("core", "core.data");
    }

    @Test
    void theModelPackageReachesTheFormatThroughItsPublicTypes() {
        assertThat(CORE.uses("core.model").get("core.io"))
                .containsExactlyInAnyOrder("model/Checkpoint.java", "model/ModelFile.java", "model/Sequential.java");
    }

    @Test
    void noPackageOfCoreIsInACycle() {
        assertThat(CORE.files()).as("source files read").isGreaterThan(70);

        assertThat(CORE.cycle()).as("a package cycle; every edge:%n%s", CORE).isEmpty();
    }

    @Test
    void aCycleIsFoundAndNamedWithTheFilesOfEachEdge() {
        PackageGraph graph = PackageGraph.empty();
        graph.add("io/A.java", "package dev.synapse.core.io;\nimport dev.synapse.core.model.Sequential;\n");
        graph.add("model/B.java", "package dev.synapse.core.model;\nclass B { dev.synapse.core.io.Registry r; }\n");

        assertThat(graph.cycle()).contains(java.util.List.of("core.io", "core.model", "core.io"));
        assertThat(graph).hasToString("core.io -> core.model [io/A.java]\ncore.model -> core.io [model/B.java]\n");
    }

    @Test
    void commentsJavadocLinksAndStringsAreNoDependency() {
        PackageGraph graph = PackageGraph.empty();

        graph.add("io/C.java", """
                package dev.synapse.core.io;
                /** Read by {@link dev.synapse.core.model.Sequential}. */
                class C {
                    // dev.synapse.core.model.Training
                    String s = "dev.synapse.core.model.History \\" dev.synapse.core.model.Metrics";
                    char c = '"';
                    dev.synapse.core.data.Scaler scaler;
                }
                """);

        assertThat(graph.uses("core.io")).containsOnlyKeys("core.data");
    }
}
