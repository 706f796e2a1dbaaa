package dev.synapse.examples;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The tutorial gallery's entry point: {@code java -jar synapse-examples.jar} lists the examples and runs them all;
 * {@code java -jar synapse-examples.jar NAME [options]} runs one; {@code --help} explains each.
 */
@Command(name = "synapse-examples", mixinStandardHelpOptions = true, version = "Synapse examples 0.1.0",
        description = {
            "The Synapse tutorial gallery: classic \"neural network from scratch\" tutorials rebuilt with the "
                    + "Synapse API, number for number.",
            "Without a command, lists the examples and runs them all with their default settings. "
                    + "'synapse-examples NAME --help' explains one example and its options."},
        subcommands = {SingleNeuron.class, TwoLayer.class, ThreeLayer.class, NeuralNetworkClass.class, Biases.class,
            FannAnd.class, FashionMnist.class},
        commandListHeading = "%nExamples:%n")
public final class Gallery implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /**
     * An example that running the whole gallery leaves out (it takes minutes, or needs data that may be missing),
     * printing instead the one line that says why and how to run it.
     */
    interface LongRunning {
        /** The line printed in its place when the gallery runs every example; empty to run it after all. */
        Optional<String> whySkippedInGallery();
    }

    /** Runs the gallery and exits with its status: 0 when every example ran. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The gallery's command line; tests redirect its output with {@code setOut}. */
    static CommandLine commandLine() {
        // Charts are drawn off-screen: set before any AWT class starts, so the gallery runs without a display.
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new Gallery());
        // A bad value (a seed out of range, a non-positive number of iterations) is the user's mistake: say what
        // the library said, without a stack trace.
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            if (exception instanceof IllegalArgumentException) {
                failed.getErr().println(failed.getColorScheme().errorText(exception.getMessage()));
                failed.getErr().println("See '" + failed.getCommandSpec().qualifiedName() + " --help'.");
                return failed.getCommandSpec().exitCodeOnInvalidInput();
            }
            throw exception;
        });
        return commandLine;
    }

    /** Lists the examples, then runs each with its defaults, as a reader would one after another. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, CommandLine> examples = spec.commandLine().getSubcommands();
        out.println("Synapse tutorial gallery: " + examples.size() + " examples. "
                + "Run one with 'java -jar synapse-examples.jar NAME', see its options with 'NAME --help'.");
        examples.forEach((name, example) -> out.printf("  %-22s %s%s%n", name,
                example.getCommandSpec().usageMessage().header()[0],
                example.getCommand() instanceof LongRunning ? " (takes minutes: not run below)" : ""));
        int status = 0;
        for (Map.Entry<String, CommandLine> example : examples.entrySet()) {
            out.println();
            out.println("=== " + example.getKey() + " ===");
            out.flush();
            Object command = example.getValue().getCommand();
            Optional<String> skipped = command instanceof LongRunning
                    ? ((LongRunning) command).whySkippedInGallery() : Optional.empty();
            if (skipped.isPresent()) {
                out.println(skipped.get());
                continue;
            }
            int exitCode = example.getValue().execute();
            status = status == 0 ? exitCode : status;
        }
        out.flush();
        return status;
    }
}
