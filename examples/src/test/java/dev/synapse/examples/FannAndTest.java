package dev.synapse.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Parameter;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tutorial 6, FANN's AND. No numpy script stands behind these numbers: FANN draws its weights with C's rand(), so
 * the epochs and errors of seed 1 are Synapse's own (RPROP steps are checked against FANN 2.2 itself in the
 * optimizers module's FannStepsGoldenTest). What the tutorial promises is checked: about -1 for -1 1.
 */
class FannAndTest {

    @Test
    void theLoadedNetworkAnswersMinusOneForMinusOneOneAsTheTrainedOneDoesBitForBit(@TempDir Path dir) throws Exception {
        FannAnd.Result result = FannAnd.run(dir, 1);

        assertThat(result.loadedOutput()).isLessThan(-0.9);
        assertThat(Double.doubleToRawLongBits(result.loadedOutput()))
                .isEqualTo(Double.doubleToRawLongBits(result.trainedOutput()));
    }

    @Test
    void seedOneReachesTheDesiredErrorAfterSixteenEpochsReportingTheFirstAndTheLast(@TempDir Path dir)
            throws Exception {
        FannAnd.Result result = FannAnd.run(dir, 1);

        assertThat(result.history().stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(result.history().epochs()).isEqualTo(16);
        assertThat(result.reports()).extracting(EpochReport::epoch).containsExactly(1, 16);
        assertThat(result.reports().get(1).loss()).isLessThanOrEqualTo(FannAnd.DESIRED_ERROR);
        assertThat(result.trainedError()).isLessThanOrEqualTo(FannAnd.DESIRED_ERROR);
    }

    @Test
    void theTrainedNetworkIsTheOneWhoseErrorMetTheGoalNotTheOneAfterTheLastUpdate(@TempDir Path dir)
            throws Exception {
        FannAnd.Result result = FannAnd.run(dir, 1);

        assertThat(result.history().keptEpoch()).isEqualTo(16);
        assertThat(result.trainedError()).isEqualTo(result.history().loss(16));
        assertThat(result.history().summary()).isEqualTo("Desired error reached at epoch 16: loss 0.0 <= 1.0E-5;"
                + " kept the weights epoch 16's loss was measured on (before its update).");
    }

    @Test
    void theFilesExistAndRoundTrip(@TempDir Path dir) throws Exception {
        FannAnd.Result result = FannAnd.run(dir, 1);

        assertThat(result.data()).isRegularFile();
        assertThat(Files.readString(result.data())).isEqualTo("4 2 1\n-1 -1\n-1\n-1 1\n-1\n1 -1\n-1\n1 1\n1\n");
        assertThat(FannData.read(result.data()).size()).isEqualTo(4);
        assertThat(result.model()).isRegularFile();
        Sequential again = Sequential.load(result.model());
        assertThat(again.parameters()).hasSameSizeAs(result.trained().parameters());
        for (int i = 0; i < again.parameters().size(); i++) {
            Parameter loaded = again.parameters().get(i);
            Parameter trained = result.trained().parameters().get(i);
            assertThat(loaded.value()).as(loaded.name()).isEqualTo(trained.value());
        }
        assertThat(again.loss().orElseThrow().name()).isEqualTo("fann-mse-symmetric");
    }

    @Test
    void printsFannsReportLinesAndTheAnswer(@TempDir Path dir) {
        Cli.Run run = Cli.run("fann-and", "--dir", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("learning rate 0.7 (RPROP", "Max epochs    10000. Desired error: 0.0000100000.",
                "Epochs            1. Current error: ", "Epochs           16. Current error: ",
                "Desired error reached at epoch 16: loss 0.0 <= 1.0E-5; kept the weights epoch 16's loss was measured"
                        + " on (before its update).", "Error of the trained network: 0.0000000000.",
                "Saved to " + dir.resolve("and.model"), "and test (-1.000000, 1.000000) -> ");
        String answer = run.out().substring(run.out().indexOf("-> ") + 3).strip();
        assertThat(Double.parseDouble(answer)).isLessThan(-0.9);
    }
}
