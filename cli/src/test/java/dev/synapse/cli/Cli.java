package dev.synapse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the command line in-process with its output captured, as a test needs it. */
final class Cli {

    private Cli() {}

    /** What a run left: its exit code and what it wrote to standard output and standard error. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        // The command line main builds for these arguments: only the command they name, or all of them.
        return run(Synapse.commandLine(CommandLine.defaultFactory(), args), args);
    }

    /** Runs with {@code train} believing standard output is a terminal of 80 columns. */
    static Run runOnTerminal(String... args) {
        return runOnTerminal(ProgressBar.DEFAULT_COLUMNS, args);
    }

    /** Runs with {@code train} believing standard output is a terminal {@code columns} wide. */
    static Run runOnTerminal(int columns, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        return run(Synapse.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == TrainCommand.class
                        ? type.cast(new TrainCommand(() -> true, () -> columns)) : defaults.create(type);
            }
        }, args), args);
    }

    private static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new Run(exitCode, out.toString(), err.toString());
    }
}
