package dev.synapse.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.testing.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The packages of core depend on each other one way (docs/architecture.md, "Packages of core"): the model-file
 * format in {@code core.io} never uses {@code core.model}, which uses it, and no other package cycle comes back.
 */
class PackageDependenciesTest {

    private static final PackageGraph CORE = PackageGraph.of(Path.of("src/main/java/dev/synapse/core"),
            "dev.synapse.core");

    @Test
    void theModelFileFormatDoesNotUseTheModelPackage() {
        assertThat(CORE.uses("core.io"))
                .as("core.io must not use core.model (core.model uses core.io); the conversion between a model and"
                        + " a StoredModel belongs in core.model. Every edge:%n%s", CORE)
                .doesNotContainKey("core.model")
                .containsKeys("core", "core.data");
    }

    @Test
    void theModelPackageReachesTheFormatFromThreeFiles() {
        assertThat(CORE.uses("core.model").get("core.io"))
                .containsExactlyInAnyOrder("model/Checkpoint.java", "model/ModelFile.java", "model/Sequential.java");
    }

    @Test
    void noPackageOfCoreIsInACycle() {
        assertThat(CORE.packages()).contains("core", "core.data", "core.engine", "core.io", "core.model",
                "core.random");

        assertThat(CORE.cycle()).as("a package cycle; every edge:%n%s", CORE).isEmpty();
    }
}
