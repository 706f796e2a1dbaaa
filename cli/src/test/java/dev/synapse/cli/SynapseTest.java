package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.Engines;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynapseTest {

    /** FANN's tutorial: logical AND on -1/1, the FANN data format. */
    static final String AND_DATA = "4 2 1\n-1 -1\n-1\n-1 1\n-1\n1 -1\n-1\n1 1\n1\n";

    @TempDir
    Path dir;

    private Path data;
    private Path model;

    @BeforeEach
    void writeTheAndData() throws IOException {
        data = Files.writeString(dir.resolve("and.data"), AND_DATA);
        model = dir.resolve("and.model");
    }

    private Cli.Run trainTheTutorial(String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--layers", "2,4,1", "--activation",
                "sigmoid-symmetric-stepwise", "--algorithm", "rprop", "--max-epochs", "10000", "--report-every",
                "1000", "--desired-error", "0.00001", data.toString(), "--save", model.toString()));
        args.addAll(Arrays.asList(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void trainsTheFannTutorialAndSavesTheModel() {
        Cli.Run run = trainTheTutorial();

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Training 2-4-1 on " + data + " (4 samples), rprop, seed 1.",
                "Max epochs    10000. Desired error: 0.0000100000.",
                "Epochs            1. Current error: ", "Desired error reached after ",
                "Saved to " + model + ".");
        assertThat(model).isRegularFile();
    }

    @Test
    void runPrintsTheOutputOfTheSavedModelNearMinusOne() {
        trainTheTutorial();

        Cli.Run run = Cli.run("run", model.toString(), "-1", "1");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(Double.parseDouble(run.out().strip())).isLessThan(-0.9);
    }

    @Test
    void testPrintsFannsMseAccuracyAndBitFails() {
        trainTheTutorial();

        Cli.Run run = Cli.run("test", model.toString(), data.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("MSE (FANN's):        0.00", "Mean absolute error: ",
                "Accuracy:            100.00% (4 of 4 samples)", "Bit fails:           0 (of 4 outputs, limit 0.35)");
    }

    @Test
    void infoDescribesTheModelAndTheEngine() {
        trainTheTutorial();

        Cli.Run run = Cli.run("info", model.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Architecture: 2-4-1",
                "layer 0:    dense, 2 -> 4, sigmoid-stepwise (steepness 0.5), bias",
                "layer 1:    dense, 4 -> 1, sigmoid-symmetric-stepwise (steepness 0.5), bias",
                "Loss:         fann-mse-symmetric", "Parameters:   17 (weights 2x4, bias 1x4, weights 4x1, bias 1x1)",
                "Engine:       " + Engines.describe());
    }

    @Test
    void reportsAtEpochOneEveryNAndTheLastAsFannDoes() {
        Cli.Run run = Cli.run("train", "--layers", "2,3,1", "--activation", "sigmoid-symmetric", "--max-epochs", "25",
                "--report-every", "10", "--desired-error", "0", data.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("Epochs ")).map(l -> l.substring(0, 20)))
                .containsExactly("Epochs            1.", "Epochs           10.", "Epochs           20.",
                        "Epochs           25.");
        assertThat(run.out()).contains("Stopped at the maximum of 25 epochs").doesNotContain("Saved");
    }

    @Test
    void drawsAProgressBarOnATerminal() {
        Cli.Run run = Cli.runOnTerminal(120, "train", "--layers", "2,3,1", "--max-epochs", "25", "--report-every", "0",
                "--desired-error", "0", data.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\r[##############################] 100%  epoch 25/25  error ")
                .doesNotContain("Epochs ");
    }

    @Test
    void plotWritesThePngOfTheErrorCurve() throws IOException {
        Path png = dir.resolve("charts/and.png");

        Cli.Run run = trainTheTutorial("--plot", png.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Error curve plotted to " + png + ".");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isPositive();
    }

    @Test
    void aTruncatedModelFileIsOneLineAndExitStatusOne() throws IOException {
        trainTheTutorial();
        String whole = Files.readString(model);
        Files.writeString(model, whole.substring(0, whole.length() / 2));

        Cli.Run run = Cli.run("run", model.toString(), "-1", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLine(run.err()).startsWith("synapse: " + model + ": ends early").contains("truncated");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedDataFileNamesTheFileAndTheLine() throws IOException {
        Files.writeString(data, "4 2 1\n-1 -1\n-1\n-1 x\n-1\n1 -1\n-1\n1 1\n1\n");

        Cli.Run run = Cli.run("train", "--layers", "2,4,1", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLine(run.err()).startsWith("synapse: " + data + " line 4: ").contains("'x'");
    }

    @Test
    void aMissingFileIsOneLineAndExitStatusOne() {
        Path missing = dir.resolve("none.model");

        Cli.Run run = Cli.run("info", missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertOneLine(run.err()).isEqualTo("synapse: " + missing + ": no such file");
    }

    @Test
    void anUnknownActivationListsTheKnownNamesWithExitStatusTwo() {
        Cli.Run run = Cli.run("train", "--layers", "2,4,1", "--activation", "sigmoid-symetric", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run.err()).startsWith("synapse: --activation: unknown activation 'sigmoid-symetric'; known: ")
                .contains("sigmoid-symmetric-stepwise", "sigmoid-stepwise", "tanh", "relu");
    }

    @Test
    void aBadOptionValueIsAUsageErrorOnOneLine() {
        Cli.Run notANumber = Cli.run("train", "--layers", "2,4,1", "--max-epochs", "many", data.toString());
        Cli.Run notPositive = Cli.run("train", "--layers", "2,4,1", "--max-epochs", "0", data.toString());
        Cli.Run unknownAlgorithm = Cli.run("train", "--layers", "2,4,1", "--algorithm", "adagrad", data.toString());

        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertOneLine(notANumber.err()).contains("--max-epochs", "'many'", "synapse train --help");
        assertThat(notPositive.exitCode()).isEqualTo(2);
        assertOneLine(notPositive.err()).isEqualTo("synapse: the number of epochs must be positive, got 0");
        assertThat(unknownAlgorithm.exitCode()).isEqualTo(2);
        assertOneLine(unknownAlgorithm.err()).contains("'adagrad'",
                "rprop, quickprop, incremental, batch, adam, adamw, rmsprop");
    }

    @Test
    void layersThatDoNotFitTheDataSayHow() {
        Cli.Run run = Cli.run("train", "--layers", "3,4,1", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run.err()).contains("has 2 inputs and 1 output per sample", "start --layers with 2");
    }

    @Test
    void runWantsAsManyInputsAsTheModelTakes() {
        trainTheTutorial();

        Cli.Run run = Cli.run("run", model.toString(), "1", "1", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run.err()).isEqualTo("synapse: " + model + " takes 2 inputs, got 3: 1 1 1");
    }

    @Test
    void otherAlgorithmsTrainToo() {
        for (String algorithm : List.of("quickprop", "incremental", "batch")) {
            Cli.Run run = Cli.run("train", "--layers", "2,4,1", "--activation", "sigmoid-symmetric", "--algorithm",
                    algorithm, "--max-epochs", "3000", "--desired-error", "0.001", data.toString());

            assertThat(run.exitCode()).as(algorithm).isZero();
            assertThat(run.out()).as(algorithm).contains("Desired error reached");
        }
    }

    @Test
    void helpListsTheCommands() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: synapse", "train", "run", "test", "info", "import-fann",
                "export-fann");
    }

    @Test
    void aCommandBuiltAloneHasTheSameHelpAsAmongAllCommands() {
        // main builds only the command the arguments name; its help must not notice.
        for (String command : List.of("train", "run", "test", "info", "import-fann", "export-fann")) {
            Cli.Run alone = Cli.run(command, "--help");
            java.io.StringWriter all = new java.io.StringWriter();
            picocli.CommandLine full = Synapse.commandLine().getSubcommands().get(command);
            full.usage(new java.io.PrintWriter(all, true));

            assertThat(alone.exitCode()).as(command).isZero();
            assertThat(alone.out()).as(command).isEqualTo(all.toString());
        }
    }

    @Test
    void aMisspeltCommandIsToldTheCommandsThereAre() {
        Cli.Run run = Cli.run("trian", "--layers", "2,1", data.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertOneLine(run.err()).contains("trian", "train");
    }

    private static AbstractStringAssert<?> assertOneLine(String err) {
        assertThat(err.lines()).as("lines on stderr: %s", err).hasSize(1);
        assertThat(err).doesNotContain("\tat ", "Exception");
        return assertThat(err.strip());
    }
}
