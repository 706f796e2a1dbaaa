package dev.synapse.cli;

import dev.synapse.core.model.ModelFile;
import dev.synapse.fann.FannNetFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synapse import-fann}: a FANN {@code .net} file (fann_save, fann_save_to_fixed) as a Synapse model file. */
@Command(name = "import-fann", mixinStandardHelpOptions = true,
        header = "Converts a FANN network file (.net) into a Synapse model file.",
        description = {"Reads FANN 2.x files (FANN_FLO_2.1 and 2.0 from fann_save, FANN_FIX_2.0 from "
                + "fann_save_to_fixed): layered, sparse and shortcut networks, every FANN activation and steepness, "
                + "and the scaling FANN stores, which becomes the model's scalers. FANN's training settings are not "
                + "kept. run, test and info also take a .net file directly.",
                "Example: synapse import-fann xor_float.net xor.model"})
final class ImportFannCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.net", description = "A network saved by FANN.")
    private Path net;

    @Parameters(index = "1", paramLabel = "MODEL", description = "The Synapse model file to write.")
    private Path model;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ModelFile file = FannNetFile.read(net);
        file.save(model);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Imported " + net + " (" + InfoCommand.architecture(file.model()) + ") to " + model + ".");
        out.flush();
        return 0;
    }
}
