package dev.synapse.fann;

import static dev.synapse.fann.FannDriver.Flavour.DOUBLE;
import static dev.synapse.fann.FannDriver.Flavour.FLOAT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.data.FannData;
import dev.synapse.core.model.ModelFile;
import dev.synapse.fann.FannDriver.Flavour;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.layers.Sparse;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Networks that FANN 2.2 creates, trains and saves load into Synapse and predict what {@code fann_run} gives: to
 * 1e-12 against libdoublefann, to 1e-6 against libfloatfann (whose sums are floats).
 */
class FannImportTest {

    // FANN's activation codes (fann_activationfunc_enum).
    static final int LINEAR = 0;
    static final int SIGMOID = 3;
    static final int SIGMOID_SYMMETRIC = 5;
    static final int SIGMOID_SYMMETRIC_STEPWISE = 6;
    static final int ELLIOT = 10;

    @TempDir
    Path dir;

    static double tolerance(Flavour flavour) {
        return flavour == DOUBLE ? 1e-12 : 1e-6;
    }

    /** Synapse's predictions of {@code net} on {@code data}'s inputs beside fann_run's, output by output. */
    static void assertPredictsAsFann(Flavour flavour, Path net, Path data) throws Exception {
        double[][] fann = FannDriver.run(flavour, net, data, false);
        Matrix ours = FannNetFile.read(net).model().predict(FannData.read(data).inputs());

        FannDriver.assertAgrees(net.getFileName().toString(), ours, fann, tolerance(flavour));
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void xorTrainedByFannPredictsAsFannRun(Flavour flavour) throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        Path net = FannDriver.make(flavour, "standard", xor, dir.resolve("xor.net"), 1, 100, SIGMOID_SYMMETRIC, 1,
                SIGMOID_SYMMETRIC, 1, 2, 3, 1);

        assertPredictsAsFann(flavour, net, xor);
        assertThat(FannNetFile.read(net).model().layers()).extracting(Layer::toString).containsExactly(
                "Dense[2->3, sigmoid-symmetric(steepness=1.0)]", "Dense[3->1, sigmoid-symmetric(steepness=1.0)]");
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void mushroomTrainedByFannPredictsAsFannRun(Flavour flavour) throws Exception {
        Path net = FannDriver.make(flavour, "standard", FannDriver.dataset("mushroom.train"),
                dir.resolve("mushroom.net"), 2, 20, SIGMOID, 0.5, SIGMOID, 0.5, 125, 32, 2);

        assertPredictsAsFann(flavour, net, FannDriver.dataset("mushroom.test"));
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void robotWithStepwiseHiddenAndLinearOutputPredictsAsFannRun(Flavour flavour) throws Exception {
        Path net = FannDriver.make(flavour, "standard", FannDriver.dataset("robot.train"), dir.resolve("robot.net"),
                3, 30, SIGMOID_SYMMETRIC_STEPWISE, 0.5, LINEAR, 0.5, 48, 20, 3);

        assertPredictsAsFann(flavour, net, FannDriver.dataset("robot.test"));
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aSparseNetworkBecomesSparseLayersThatPredictAsFannRun(Flavour flavour) throws Exception {
        Path net = FannDriver.make(flavour, "sparse:0.3", FannDriver.dataset("robot.train"),
                dir.resolve("sparse.net"), 4, 30, SIGMOID_SYMMETRIC, 0.5, LINEAR, 0.5, 48, 30, 3);

        assertPredictsAsFann(flavour, net, FannDriver.dataset("robot.test"));
        ModelFile file = FannNetFile.read(net);
        assertThat(file.model().layers()).allMatch(l -> l instanceof Sparse);
        Sparse hidden = (Sparse) file.model().layers().get(0);
        assertThat(hidden.connectionCount()).isLessThan(49 * 30 / 2);
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aShortcutNetworkBecomesShortcutLayersThatPredictAsFannRun(Flavour flavour) throws Exception {
        Path net = FannDriver.make(flavour, "shortcut", FannDriver.dataset("robot.train"),
                dir.resolve("shortcut.net"), 5, 30, ELLIOT, 0.8, SIGMOID_SYMMETRIC, 0.5, 48, 10, 5, 3);

        assertPredictsAsFann(flavour, net, FannDriver.dataset("robot.test"));
        assertThat(FannNetFile.read(net).model().layers()).extracting(Layer::getClass)
                .containsExactly(Shortcut.class, Shortcut.class, Dense.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void aNetworkGrownByCascadeTrainingPredictsAsFannRun(Flavour flavour) throws Exception {
        Path xor = FannDriver.dataset("xor.data");
        Path net = FannDriver.make(flavour, "cascade:4", xor, dir.resolve("cascade.net"), 6, 0, SIGMOID_SYMMETRIC,
                0.5, SIGMOID_SYMMETRIC, 0.5, 2, 1);

        assertPredictsAsFann(flavour, net, xor);
        assertThat(FannNetFile.read(net).model().layers()).hasSizeGreaterThan(1)
                .last().isInstanceOf(Dense.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void everyFannActivationAndSteepnessPredictsAsFannRun(Flavour flavour) throws Exception {
        Path robot = FannDriver.dataset("robot.test");
        for (int code = 0; code <= 17; code++) {
            if (code == 9) {
                continue;   // FANN_GAUSSIAN_STEPWISE: FANN 2.2 computes it as 0; the reader refuses it
            }
            Path net = FannDriver.make(flavour, "standard", robot, dir.resolve("zoo-" + code + ".net"), 7 + code, 0,
                    code, 0.7, code, 1.3, 48, 6, 3);

            assertPredictsAsFann(flavour, net, robot);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"DOUBLE", "FLOAT"})
    void storedScalingBecomesScalersThatScaleAsFann(Flavour flavour) throws Exception {
        Path train = FannDriver.dataset("robot.train");
        Path test = FannDriver.dataset("robot.test");
        Path net = FannDriver.make(flavour, "scaled", train, dir.resolve("scaled.net"), 8, 30, SIGMOID_SYMMETRIC,
                0.5, LINEAR, 0.5, 48, 20, 3);

        double[][] fann = FannDriver.run(flavour, net, test, true);
        ModelFile file = FannNetFile.read(net);
        Matrix ours = file.predict(FannData.read(test).inputs());

        assertThat(file.inputScaler()).isPresent();
        assertThat(file.targetScaler()).isPresent();
        FannDriver.assertAgrees("scaled.net", ours, fann, tolerance(flavour));
    }
}
