package dev.synapse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code main} class run in a new JVM with the test's own class path: what a test needs to see a cold JIT, to
 * compare two runs of one program, or to set system properties and JVM flags for one run only.
 *
 * <pre>{@code
 * FreshJvm.Run run = FreshJvm.run(List.of("--add-modules", "jdk.incubator.vector", "-Dsynapse.threads=1"),
 *         TrainAndPrintBits.class, "784");
 * assertThat(run.exitCode()).isZero();
 * assertThat(run.out()).isEqualTo(FreshJvm.run(...).out());
 * }</pre>
 */
public final class FreshJvm {

    /** How long one run may take before the test fails. */
    private static final long TIMEOUT_SECONDS = 180;

    /** What a run left: its exit code and what it wrote to standard output and standard error. */
    public record Run(int exitCode, String out, String err) {

        /** Standard error without the JVM's {@code WARNING: Using incubator modules} line. */
        public String errWithoutIncubatorWarning() {
            return err.replaceAll("(?m)^WARNING: Using incubator modules: .*\\R?", "");
        }
    }

    private FreshJvm() {}

    /**
     * Runs {@code main} with {@code jvmOptions} (flags, {@code -D} properties) and {@code args} in a new JVM whose
     * working directory is this one's, and waits for it.
     *
     * @throws AssertionError if it does not end within three minutes
     */
    public static Run run(List<String> jvmOptions, Class<?> main, String... args) {
        return run(Path.of("").toAbsolutePath(), jvmOptions, main, args);
    }

    /**
     * Runs {@code main} as {@link #run(List, Class, String...)} does, in the working directory {@code directory}.
     *
     * @throws AssertionError if it does not end within three minutes
     */
    public static Run run(Path directory, List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            // Files, not pipes: a child that fills a pipe nobody reads yet would block forever.
            Path out = Files.createTempFile("fresh-jvm", ".out");
            Path err = Files.createTempFile("fresh-jvm", ".err");
            try {
                Process child = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    throw new AssertionError(main.getName() + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while " + main.getName() + " ran", e);
        }
    }
}
