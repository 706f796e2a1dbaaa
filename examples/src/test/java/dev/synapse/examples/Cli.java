package dev.synapse.examples;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the gallery's command line in-process with its output captured, as a test needs it. */
final class Cli {

    private Cli() {}

    /** What a run left: its exit code and what it wrote to standard output and standard error. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        return run(Gallery.commandLine(), args);
    }

    static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new Run(exitCode, out.toString(), err.toString());
    }
}
