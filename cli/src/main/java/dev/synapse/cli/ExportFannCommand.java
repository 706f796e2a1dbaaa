package dev.synapse.cli;

import dev.synapse.core.model.ModelFile;
import dev.synapse.fann.FannNetFile;
import dev.synapse.fann.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse export-fann}: a Synapse model as a FANN {@code .net} file that fann_create_from_file loads. */
@Command(name = "export-fann", mixinStandardHelpOptions = true,
        header = "Writes a Synapse model as a FANN network file (.net) for FANN 2.2.",
        description = {"Dense, sparse and shortcut layers with FANN's activations (and sigmoid, tanh, identity) "
                + "become a FANN_FLO_2.1 file; scalers become FANN's scaling, rounded to the six decimals FANN "
                + "keeps. A model FANN cannot hold (a ReLU, a layer kind FANN lacks) is refused, naming the layer.",
                "Example: synapse export-fann and.model and.net"})
final class ExportFannCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A Synapse model file (or a .net file).")
    private Path model;

    @Parameters(index = "1", paramLabel = "FILE.net", description = "The FANN network file to write.")
    private Path net;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelFile file = ModelFiles.load(model);
        try {
            FannNetFile.write(file, net);
        } catch (IllegalArgumentException e) {
            throw new Synapse.FailedException(model + ": cannot be written as a FANN network: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Exported " + model + " (" + InfoCommand.architecture(file.model()) + ") to " + net + ".");
        out.flush();
        return 0;
    }
}
