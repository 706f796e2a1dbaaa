package dev.synapse.cli;

import dev.synapse.core.model.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code synapse} command line: {@code train} a network on a FANN data file, {@code run} a saved model on one
 * input, {@code test} it on a data file, show its {@code info}. FANN's semantics and defaults throughout, so FANN's
 * tutorial runs from the shell:
 *
 * <pre>
 * synapse train --layers 2,4,1 --activation sigmoid-symmetric-stepwise --max-epochs 10000 --report-every 1000 \
 *         --desired-error 0.00001 and.data --save and.model
 * synapse run and.model -1 1
 * </pre>
 *
 * <p>Every failure ends with one line on standard error, {@code synapse: FILE: what went wrong}, and an exit status:
 * 1 for a file that cannot be read (missing, truncated, malformed) or a training that diverged, 2 for a usage error
 * (an unknown option or activation, a value out of range). The library prints nothing; only this class and its
 * subcommands do.
 */
@Command(name = "synapse", mixinStandardHelpOptions = true, version = "synapse 0.1.0",
        description = "Trains, runs, tests and describes Synapse neural networks from FANN data files.",
        commandListHeading = "%nCommands:%n")
public final class Synapse implements Runnable {

    /** The commands in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    @Spec
    private CommandSpec spec;

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("train", TrainCommand.class);
        commands.put("run", RunCommand.class);
        commands.put("test", TestCommand.class);
        commands.put("info", InfoCommand.class);
        commands.put("import-fann", ImportFannCommand.class);
        commands.put("export-fann", ExportFannCommand.class);
        return Collections.unmodifiableMap(commands);
    }

    /** Exit status of a file that cannot be read or a training that failed. */
    static final int DATA_ERROR = 1;
    /** Exit status of a usage error: picocli's own. */
    static final int USAGE_ERROR = 2;

    public static void main(String[] args) {
        System.exit(commandLine(CommandLine.defaultFactory(), args).execute(args));
    }

    /** The command line, with the error handling that turns every failure into one line; tests redirect its writers. */
    static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The command line with subcommands made by {@code factory}: tests hand {@code train} a terminal. */
    static CommandLine commandLine(CommandLine.IFactory factory) {
        return commandLine(factory, new String[0]);
    }

    /**
     * The command line for {@code args}: when they start with a command's name, only that command is built, because
     * picocli reflects over every registered command's annotations before it parses anything, the largest part of a
     * start (docs/performance.md, "Short trainings from the command line"). Anything else (no arguments, an option,
     * a misspelt command) gets every command, so that help and "did you mean" see them all.
     */
    static CommandLine commandLine(CommandLine.IFactory factory, String[] args) {
        // Charts are drawn off-screen: set before any AWT class starts, so --plot works without a display.
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new Synapse(), factory);
        String first = args.length > 0 ? args[0] : "";
        boolean one = COMMANDS.containsKey(first);
        for (Map.Entry<String, Class<?>> command : COMMANDS.entrySet()) {
            if (!one || command.getKey().equals(first)) {
                commandLine.addSubcommand(command.getKey(), command.getValue());
            }
        }
        commandLine.setParameterExceptionHandler(Synapse::usageError);
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            PrintWriter err = failed.getErr();
            if (exception instanceof UsageException || exception instanceof IllegalArgumentException) {
                err.println("synapse: " + exception.getMessage());
                err.flush();
                return USAGE_ERROR;
            }
            err.println("synapse: " + describe(exception));
            err.flush();
            return DATA_ERROR;
        });
        return commandLine;
    }

    /** Without a command: the help. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** An unknown option, a missing parameter, a value that does not parse: one line, and where to read more. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        String suggestion = "";
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        err.println("synapse: " + e.getMessage() + suggestion + " (see '" + failed.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return USAGE_ERROR;
    }

    /**
     * The one line for a failure. The library's messages already start with the file's name
     * ({@code and.data line 3: ...}, {@code and.model: ends early ...}); the JDK's file errors do not.
     */
    static String describe(Exception e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": " + (missing.getReason() != null ? missing.getReason() : "no such file");
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": " + (denied.getReason() != null ? denied.getReason() : "permission denied");
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : fs.getClass().getSimpleName());
        }
        if (e instanceof IOException || e instanceof FailedException || e instanceof TrainingDivergedException) {
            return String.valueOf(e.getMessage());
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage() + " (this is a bug in synapse; please report it)";
    }

    /** A usage error found after parsing (a width that does not fit the data): exit status 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A failure with a file or a training run, message ready to show: exit status 1. */
    static final class FailedException extends RuntimeException {
        FailedException(String message) {
            super(message);
        }
    }
}
