package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** bin/synapse, the launcher: runs the jar this module builds, with the Vector API module, building it if missing. */
class LauncherTest {

    private static final Path SCRIPT = Path.of("..", "bin", "synapse");

    @Test
    void isAnExecutableBashScriptThatRunsTheShadedJarWithTheVectorModule() throws Exception {
        String script = Files.readString(SCRIPT);

        assertThat(Files.isExecutable(SCRIPT)).isTrue();
        assertThat(script).startsWith("#!/usr/bin/env bash\n")
                .contains("cli/target/synapse-cli.jar", "--add-modules jdk.incubator.vector -jar \"$jar\" \"$@\"",
                        "mvn -q -B -ntp -Dstyle.color=never -pl cli -am package -DskipTests");
    }

    @Test
    void theJarItRunsIsTheOneThisModuleBuilds() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>synapse-cli</finalName>",
                "<mainClass>dev.synapse.cli.Synapse</mainClass>", "ServicesResourceTransformer");
    }
}
