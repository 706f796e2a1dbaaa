package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the command line's arguments (docs/fuzzing.md). Any arguments end in exit status 0,
 * 1 (a file or a training failed) or 2 (a usage error) with no exception escaping and no "this is a bug" line.
 *
 * <p>An input is a list of arguments, one a line (at most {@value #MAX_ARGUMENTS}). The placeholders
 * {@code @data}, {@code @model}, {@code @csv} and {@code @dir} stand for a FANN data file, a model trained on it, a
 * file that is neither and a folder, so the fuzzer reaches past "no such file". {@code @out} and {@code @png} are
 * the only places {@code --save} and {@code --plot} may write: an input giving them any other path is skipped, so
 * fuzzing never writes outside its folder. {@code train} always gets {@code --max-epochs=20} first, so no input
 * trains for minutes.
 */
class ArgumentsFuzzTest {

    private static final int MAX_ARGUMENTS = 24;
    private static final Path FOLDER = fixtures();
    private static final Map<String, Path> PLACEHOLDERS = Map.of(
            "@data", FOLDER.resolve("and.data"), "@model", FOLDER.resolve("and.model"),
            "@csv", FOLDER.resolve("notes.txt"), "@dir", FOLDER,
            "@out", FOLDER.resolve("out.model"), "@png", FOLDER.resolve("out.png"));

    @FuzzTest(maxDuration = "5m")
    void endsInAnExitStatusAndOneLineForAnyArguments(byte[] input) {
        List<String> args = new ArrayList<>();
        for (String arg : new String(input, StandardCharsets.UTF_8).split("\n", MAX_ARGUMENTS)) {
            Path path = PLACEHOLDERS.get(arg);
            args.add(path == null ? arg : path.toString());
            if (arg.equals("train")) {
                args.add("--max-epochs=20");
            }
        }
        if (writesOutsideTheFolder(args)) {
            return;
        }

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isBetween(0, 2);
        assertThat(run.err()).doesNotContain("this is a bug");
    }

    /** Whether --save or --plot (or an argument file, @...) would name a path this test did not hand out. */
    private static boolean writesOutsideTheFolder(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--save") || arg.startsWith("--plot")) {
                if (arg.contains("=") || i + 1 == args.size()
                        || !(args.get(i + 1).equals(PLACEHOLDERS.get("@out").toString())
                                || args.get(i + 1).equals(PLACEHOLDERS.get("@png").toString()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Path fixtures() {
        try {
            Path folder = Files.createTempDirectory("synapse-fuzz-cli");
            Files.writeString(folder.resolve("and.data"), SynapseTest.AND_DATA);
            Files.writeString(folder.resolve("notes.txt"), "not a model, not data\n");
            Cli.Run trained = Cli.run("train", "--layers", "2,3,1", "--max-epochs", "5",
                    folder.resolve("and.data").toString(), "--save", folder.resolve("and.model").toString());
            if (trained.exitCode() != 0) {
                throw new IllegalStateException("could not train the fixture model: " + trained.err());
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
