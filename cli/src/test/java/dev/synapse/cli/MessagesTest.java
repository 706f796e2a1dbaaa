package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's messages about paths and arguments: each names what the user gave and says what to do. */
class MessagesTest {

    @TempDir
    Path dir;

    private Path data;
    private Path model;

    @BeforeEach
    void trainAModel() throws IOException {
        data = Files.writeString(dir.resolve("and.data"), SynapseTest.AND_DATA);
        model = dir.resolve("and.model");
        assertThat(Cli.run("train", "--layers", "2,3,1", "--max-epochs", "5", data.toString(), "--save",
                model.toString()).exitCode()).isZero();
    }

    @Test
    void runInfoAndTestOnAFolderSayItIsAFolderNotAModelFile() {
        String expected = "synapse: " + dir + ": is a folder, not a model file; pass the file itself\n";

        assertThat(Cli.run("run", dir.toString(), "1", "1").err()).isEqualTo(expected);
        assertThat(Cli.run("info", dir.toString()).err()).isEqualTo(expected);
        assertThat(Cli.run("test", dir.toString(), data.toString()).err()).isEqualTo(expected);
        assertThat(Cli.run("test", model.toString(), dir.toString()).err())
                .isEqualTo("synapse: " + dir + ": is a folder, not a FANN data file; pass the file itself\n");
    }

    @Test
    void trainOnAFolderSaysItIsAFolderNotADataFile() {
        Cli.Run run = Cli.run("train", "--layers", "2,1", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("synapse: " + dir + ": is a folder, not a FANN data file; pass the file"
                + " itself\n");
    }

    @Test
    void saveToAFolderIsRefusedBeforeTrainingStarts() {
        Cli.Run run = Cli.run("train", "--layers", "2,1", data.toString(), "--save", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("synapse: --save " + dir + ": is a folder; give a file name inside it, e.g."
                + " --save " + dir.resolve("and.model") + "\n");
        assertThat(run.out()).doesNotContain("Training", "Epochs");
    }

    @Test
    void saveIntoAMissingFolderIsRefusedBeforeTrainingWithoutNamingATemporaryFile() {
        Path target = dir.resolve("models/and.model");

        Cli.Run run = Cli.run("train", "--layers", "2,1", data.toString(), "--save", target.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("synapse: --save " + target + ": the folder " + target.getParent()
                + " does not exist; create it first (mkdir -p " + target.getParent() + ") or write elsewhere\n")
                .doesNotContain(".tmp");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aWordAmongTheInputsOfRunIsNamedAsNotANumber() {
        Cli.Run run = Cli.run("run", model.toString(), "1", "abc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("synapse: input 2, 'abc', is not a number; give the 2 inputs as numbers,"
                + " e.g. -1 0.5 2e-3\n");
    }

    @Test
    void negativeAndExponentInputsAreNumbers() {
        Cli.Run run = Cli.run("run", model.toString(), "-1", "2.5e-1");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void countsOfOneAreSingular() throws IOException {
        Path oneOutput = Files.writeString(dir.resolve("one.data"), "1 1 1\n0.5\n1\n");

        Cli.Run train = Cli.run("train", "--layers", "2,1", oneOutput.toString());
        Cli.Run run = Cli.run("run", model.toString(), "1");
        Cli.Run test = Cli.run("test", model.toString(), oneOutput.toString());

        assertThat(train.err()).contains(oneOutput + " has 1 input and 1 output per sample, but --layers 2,1");
        assertThat(run.err()).isEqualTo("synapse: " + model + " takes 2 inputs, got 1: 1\n");
        assertThat(test.err()).isEqualTo("synapse: " + oneOutput + " has 1 input and 1 output per sample, but "
                + model + " takes 2 and gives 1\n");
    }

    @Test
    void bitFailsOfOneOutputSaySo() throws IOException {
        Path oneSample = Files.writeString(dir.resolve("one.data"), "1 2 1\n1 1\n1\n");

        Cli.Run test = Cli.run("test", model.toString(), oneSample.toString());

        assertThat(test.out()).containsPattern("Bit fails: +[01] \\(of 1 output, limit 0.35\\)");
    }

    @Test
    void aReadersMessageNamesTheFileByThePathGivenNotOnlyItsName() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path bad = Files.writeString(sub.resolve("bad.data"), "2 2 1\n1 1\n1\n");
        Path notAModel = Files.writeString(sub.resolve("notes.model"), "hello\n");

        Cli.Run train = Cli.run("train", "--layers", "2,1", bad.toString());
        Cli.Run run = Cli.run("run", notAModel.toString(), "1", "1");

        assertThat(train.err()).startsWith("synapse: " + bad + " line 3: expected sample 2 of the 2 the header");
        assertThat(run.err()).startsWith("synapse: " + notAModel + ": not a model file: tried a Synapse model file (it"
                + " is not valid JSON (malformed JSON at line 1 column 1 path $)) and a FANN network file");
        assertThat(run.exitCode()).isEqualTo(1);
    }
}
