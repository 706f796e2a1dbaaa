package dev.synapse.fann;

import static dev.synapse.fann.FannDriver.Flavour.DOUBLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Parameter;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Rprop;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synapse's RPROP takes FANN's steps bit for bit: from the start libdoublefann draws for mushroom's 125-32-2
 * ({@code srand(1)}, {@code fann_randomize_weights(-0.1, 0.1)}, saved by {@code fann_save} and imported), 80 full-batch
 * epochs of {@code Rprop.fannDefaults()} with FANN's MSE and tanh error function give the very weights FANN's double
 * build saves after 80 calls of {@code fann_train_epoch}.
 */
class FannRpropBitsTest {

    private static final int EPOCHS = 80;

    @TempDir
    Path dir;

    @Test
    void eightyMushroomEpochsOfRpropGiveFannsDoubleWeightsBitForBit() throws Exception {
        Path train = FannDriver.dataset("mushroom.train");
        Path start = dir.resolve("start.net");
        Path end = dir.resolve("end.net");
        double[] fannMse = FannDriver.rprop(DOUBLE, train, start, end, EPOCHS, 125, 32, 2);
        Dataset data = FannData.read(train);
        Sequential model = Sequential.of(FannNetFile.read(start).model().layers(), Losses.fannMse(false),
                Rprop.fannDefaults(), 1);

        History history = model.fit(data.inputs(), data.targets(),
                Training.epochs(EPOCHS).shuffle(false).fannCompatible());

        List<Parameter> ours = model.parameters();
        List<Parameter> fanns = FannNetFile.read(end).model().parameters();
        assertThat(ours).hasSameSizeAs(fanns);
        for (int p = 0; p < ours.size(); p++) {
            double[] mine = ours.get(p).value().data();
            double[] theirs = fanns.get(p).value().data();
            assertThat(mine).hasSameSizeAs(theirs);
            for (int i = 0; i < mine.length; i++) {
                assertThat(Double.doubleToRawLongBits(mine[i])).as("parameter %s element %s: %s, FANN %s", p, i,
                        mine[i], theirs[i]).isEqualTo(Double.doubleToRawLongBits(theirs[i]));
            }
        }
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            assertThat(history.loss(epoch)).as("MSE of epoch %s", epoch)
                    .isCloseTo(fannMse[epoch - 1], org.assertj.core.api.Assertions.withinPercentage(0.01));
        }
    }
}
