package dev.synapse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options of {@code synapse train} beyond FANN's, and {@code synapse info}'s summary. */
class TrainOptionsTest {

    @TempDir
    Path dir;

    private Path images;
    private Path labels;
    private Path flippedLabels;

    /** 40 images of 2×2 pixels: class 0 is bright on the left, class 1 bright on the right. */
    @BeforeEach
    void writeTinyIdxFiles() throws IOException {
        int count = 40;
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        DataOutputStream imageOut = new DataOutputStream(pixels);
        imageOut.writeInt(0x00000803);
        imageOut.writeInt(count);
        imageOut.writeInt(2);
        imageOut.writeInt(2);
        ByteArrayOutputStream classes = new ByteArrayOutputStream();
        DataOutputStream labelOut = new DataOutputStream(classes);
        labelOut.writeInt(0x00000801);
        labelOut.writeInt(count);
        for (int i = 0; i < count; i++) {
            int c = i % 2;
            int bright = 200 + i % 50;
            int dark = 10 + i % 30;
            imageOut.write(new byte[] {(byte) (c == 0 ? bright : dark), (byte) (c == 0 ? dark : bright),
                (byte) (c == 0 ? bright : dark), (byte) (c == 0 ? dark : bright)});
            labelOut.write(c);
        }
        // The same images with the last quarter's labels flipped: a held-out quarter the network can only get wrong.
        byte[] flipped = classes.toByteArray();
        for (int i = flipped.length - count / 4; i < flipped.length; i++) {
            flipped[i] ^= 1;
        }
        flippedLabels = Files.write(dir.resolve("flipped-labels-idx1-ubyte"), flipped);
        images = Files.write(dir.resolve("images-idx3-ubyte"), pixels.toByteArray());
        labels = Files.write(dir.resolve("labels-idx1-ubyte"), classes.toByteArray());
    }

    private Cli.Run trainSoftmax(String... more) {
        return trainSoftmaxWith("4,3,2", "40", "0.05", more);
    }

    private Cli.Run trainSoftmaxWith(String layers, String maxEpochs, String learningRate, String... more) {
        String[] base = {"train", "--layers", layers, "--activation", "softmax", "--hidden-activation", "relu",
            "--algorithm", "adam", "--learning-rate", learningRate, "--batch-size", "8", "--max-epochs", maxEpochs,
            "--report-every", "10", "--desired-error", "0", images.toString(), "--labels", labels.toString(),
            "--save", dir.resolve("tiny.model").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    @Test
    void trainsASoftmaxClassifierOnIdxDataWithAdamInMiniBatches() {
        Cli.Run run = trainSoftmax("--loss", "sparse-categorical-crossentropy");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Training 4-3-2 on " + images + " (40 samples), adam,"
                + " sparse-categorical-crossentropy, batch 8, seed 1.", "Epochs           40. Current error: ");
        assertThat(errorOfTheTrainedNetwork(run.out())).isLessThan(0.1);
    }

    @Test
    void aSoftmaxOutputDefaultsToTheCategoricalCrossEntropyOnOneHotLabels() {
        Cli.Run run = trainSoftmax();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("adam, categorical-crossentropy, batch 8, seed 1.");
        assertThat(errorOfTheTrainedNetwork(run.out())).isLessThan(0.1);
    }

    @Test
    void aValidationSplitIsMeasuredEveryEpochAndEarlyStoppingKeepsTheBestEpoch() {
        labels = flippedLabels;

        Cli.Run run = trainSoftmaxWith("4,3,2", "400", "0.2", "--validation-split", "0.25", "--early-stop", "3",
                "--loss", "sparse-categorical-crossentropy");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(40 samples), adam, sparse-categorical-crossentropy, batch 8, 25.00% held out"
                + " for validation, seed 1.", "Epochs            1. Current error: ", " Validation error: ",
                "Early stopping at epoch ", "Validation error of the kept weights: ");
        assertThat(run.out()).doesNotContain("Epochs          400.");
    }

    @Test
    void earlyStoppingWithoutValidationIsAUsageError() {
        Cli.Run run = trainSoftmax("--early-stop", "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("synapse: --early-stop 3 watches the validation loss; add"
                + " --validation-split, e.g. --validation-split 0.1");
    }

    @Test
    void dropoutFollowsEveryHiddenLayerAndInfoPrintsTheSummary() {
        Path model = dir.resolve("tiny.model");
        Cli.Run train = trainSoftmaxWith("4,5,3,2", "40", "0.05", "--dropout", "0.25", "--loss",
                "sparse-categorical-crossentropy");

        Cli.Run info = Cli.run("info", model.toString());

        assertThat(train.exitCode()).isZero();
        assertThat(train.out()).contains("Training 4-5-3-2 on", "batch 8, dropout 0.25, seed 1.");
        assertThat(info.exitCode()).isZero();
        assertThat(info.out()).contains("0 (dense)", "(batch, 5)", "1 (dropout)", "2 (dense)", "3 (dropout)",
                "4 (dense)", "(batch, 2)", "softmax", "Total parameters: 51", "Loss: sparse-categorical-crossentropy");
    }

    @Test
    void infoPrintsTheSummaryOfAFannModel() throws IOException {
        Path data = Files.writeString(dir.resolve("and.data"), SynapseTest.AND_DATA);
        Path model = dir.resolve("and.model");
        Cli.run("train", "--layers", "2,4,1", "--max-epochs", "10", data.toString(), "--save", model.toString());

        Cli.Run info = Cli.run("info", model.toString());

        assertThat(info.out()).contains("Layer (type)", "(batch, 4)", "sigmoid-stepwise", "Total parameters: 17",
                "Trainable parameters: 17");
    }

    @Test
    void readsCsvWithTheTargetsNamedAndTrainsWithAdamwAndRmsprop() throws IOException {
        Path csv = Files.writeString(dir.resolve("and.csv"), "a,b,and\n-1,-1,-1\n-1,1,-1\n1,-1,-1\n1,1,1\n");

        for (String algorithm : new String[] {"adamw", "rmsprop", "adam"}) {
            Cli.Run run = Cli.run("train", "--layers", "2,4,1", "--activation", "sigmoid-symmetric", "--algorithm",
                    algorithm, "--learning-rate", "0.05", "--max-epochs", "3000", "--desired-error", "0.001",
                    csv.toString(), "--targets", "and");

            assertThat(run.err()).as(algorithm).isEmpty();
            assertThat(run.out()).as(algorithm).contains("Training 2-4-1 on " + csv + " (4 samples), " + algorithm
                    + ", seed 1.", "Desired error reached after ");
        }
    }

    @Test
    void anUnknownLossListsTheKnownOnes() {
        Cli.Run run = trainSoftmax("--loss", "hinge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("synapse: --loss: unknown loss 'hinge'; known: fann-mse, ")
                .contains("sparse-categorical-crossentropy", "binary-crossentropy", "mse");
    }

    private static double errorOfTheTrainedNetwork(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Error of the trained network: (\\d+\\.\\d{10})\\.")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
