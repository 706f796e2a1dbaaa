package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/synapse, the launcher: runs the jar this module builds, with the Vector API module, building it if missing. */
class LauncherTest {

    private static final Path SCRIPT = Path.of("..", "bin", "synapse");

    @Test
    void isAnExecutableBashScriptThatRunsTheShadedJarWithTheVectorModule() throws Exception {
        String script = Files.readString(SCRIPT);

        assertThat(Files.isExecutable(SCRIPT)).isTrue();
        assertThat(script).startsWith("#!/usr/bin/env bash\n")
                .contains("cli/target/synapse-cli.jar", "--add-modules jdk.incubator.vector -XX:PerMethodTrapLimit=1000 -jar \"$jar\" \"$@\"",
                        "mvn -q -B -ntp -Dstyle.color=never -pl cli -am package -DskipTests");
    }

    @Test
    void theJarItRunsIsTheOneThisModuleBuilds() throws Exception {
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<finalName>synapse-cli</finalName>",
                "<mainClass>dev.synapse.cli.Synapse</mainClass>", "ServicesResourceTransformer",
                // else a repeated package shades stale classes of the other modules into the jar
                "<forceCreation>true</forceCreation>");
    }

    /**
     * The class-data archive, end to end: bin/synapse copied into a scratch tree whose cli/target/synapse-cli.jar is a
     * one-class program that prints the JVM options it was started with.
     */
    @Test
    void writesTheClassDataArchiveOnceThenMapsItAndRewritesItWhenTheJarChanges(@TempDir Path root) throws Exception {
        Path script = root.resolve("bin/synapse");
        Files.createDirectories(script.getParent());
        Files.copy(SCRIPT, script);
        script.toFile().setExecutable(true);
        Path jar = root.resolve("cli/target/synapse-cli.jar");
        writeOptionsPrintingJar(root, jar);
        Path archive = root.resolve("cli/target/synapse-cli.jsa");

        Result first = run(script);
        Result second = run(script);
        // A rebuilt jar: now older than the jar, the archive must be written again.
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Result afterRebuild = run(script);

        assertThat(first.err()).contains("writing the class-data archive " + archive);
        assertThat(Files.isRegularFile(archive)).isTrue();
        assertThat(first.out()).contains("-XX:SharedArchiveFile=" + archive);
        assertThat(second.err()).doesNotContain("writing the class-data archive");
        assertThat(second.out()).contains("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off")
                .doesNotContain("[warning]");
        assertThat(afterRebuild.err()).contains("writing the class-data archive");
        assertThat(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))).isPositive();
    }

    @Test
    void runsWithoutTheArchiveWhenToldOrWhenTheArchiveCannotBeWritten(@TempDir Path root) throws Exception {
        Path script = root.resolve("bin/synapse");
        Files.createDirectories(script.getParent());
        Files.copy(SCRIPT, script);
        script.toFile().setExecutable(true);
        Path jar = root.resolve("cli/target/synapse-cli.jar");
        writeOptionsPrintingJar(root, jar);

        Result off = run(script, "SYNAPSE_CDS", "0");

        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).doesNotContain("SharedArchiveFile");
        assertThat(off.err()).doesNotContain("class-data archive");
        assertThat(root.resolve("cli/target/synapse-cli.jsa")).doesNotExist();
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(Path script, String... environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", script.toString(), "args"));
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        builder.environment().remove("SYNAPSE_JAVA_OPTS");
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bin/synapse finished").isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    /** A jar whose main prints the JVM's input arguments: what bin/synapse started it with. */
    private static void writeOptionsPrintingJar(Path root, Path jar) throws IOException {
        Path source = root.resolve("src/PrintOptions.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "public class PrintOptions { public static void main(String[] args) {"
                + " System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean()"
                + ".getInputArguments()); } }");
        Path classes = root.resolve("classes");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(), "-d", classes.toString(), source.toString());
        assertThat(compiled).as("javac exit code").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "PrintOptions");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("PrintOptions.class"));
            out.write(Files.readAllBytes(classes.resolve("PrintOptions.class")));
            out.closeEntry();
        }
    }
}
