package dev.synapse.fann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.activations.FannActivation.Function;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.fann.CascadeTraining.ErrorFunction;
import dev.synapse.fann.CascadeTraining.StopFunction;
import dev.synapse.layers.Dense;
import dev.synapse.layers.Shortcut;
import dev.synapse.optimizers.Quickprop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cascade2 grows networks that meet their goal, as Shortcut layers that save, load and export to FANN. */
class CascadeTrainingTest {

    @TempDir
    Path dir;

    /** Parity of 3 bits in ±1: no network without hidden units can learn it. */
    static Matrix[] parity3() {
        Matrix x = new Matrix(8, 3);
        Matrix y = new Matrix(8, 1);
        for (int r = 0; r < 8; r++) {
            int ones = 0;
            for (int b = 0; b < 3; b++) {
                int bit = (r >> b) & 1;
                ones += bit;
                x.set(r, b, bit * 2 - 1);
            }
            y.set(r, 0, ones % 2 * 2 - 1);
        }
        return new Matrix[] {x, y};
    }

    static CascadeTraining parityTraining() {
        return CascadeTraining.defaults().maxNeurons(10).outputActivation(FannActivations.linear())
                .errorFunction(ErrorFunction.LINEAR).stopFunction(StopFunction.BIT).bitFailLimit(0.9)
                .activationFunctions(List.of(Function.SIGMOID_SYMMETRIC)).activationSteepnesses(1)
                .candidateGroups(8);
    }

    @Test
    void growsParityUntilNoOutputFailsAndReportsEachNeuron() {
        Matrix[] data = parity3();
        List<CascadeNeuron> told = new ArrayList<>();

        CascadeResult result = parityTraining().train(data[0], data[1], 1, told::add);

        assertThat(result.goalReached()).isTrue();
        assertThat(result.bitFails()).isZero();
        assertThat(result.neurons()).isNotEmpty().hasSizeLessThanOrEqualTo(10).isEqualTo(told);
        assertThat(result.neurons().get(0).number()).isEqualTo(1);
        assertThat(result.neurons().get(0).activation()).isEqualTo(FannActivations.sigmoidSymmetric(1));
        List<Layer> layers = result.model().layers();
        assertThat(layers).hasSize(result.neurons().size() + 1);
        assertThat(layers.subList(0, layers.size() - 1)).allSatisfy(l -> assertThat(((Shortcut) l).units())
                .isEqualTo(1));
        assertThat(layers.get(layers.size() - 1)).isInstanceOf(Dense.class);
        Matrix out = result.model().predict(data[0]);
        for (int r = 0; r < 8; r++) {
            assertThat(Math.abs(out.get(r, 0) - data[1].get(r, 0))).as("sample %s", r).isLessThan(0.9);
        }
    }

    @Test
    void theSameSeedGrowsTheSameNetworkAndAnotherSeedAnother() {
        Matrix[] data = parity3();

        CascadeResult a = parityTraining().train(data[0], data[1], 7);
        CascadeResult b = parityTraining().train(data[0], data[1], 7);
        CascadeResult c = parityTraining().train(data[0], data[1], 8);

        assertThat(b.model().predict(data[0]).data()).containsExactly(a.model().predict(data[0]).data());
        assertThat(b.totalEpochs()).isEqualTo(a.totalEpochs());
        assertThat(c.model().predict(data[0]).data()).isNotEqualTo(a.model().predict(data[0]).data());
    }

    @Test
    void quickpropGrowsParityToo() {
        Matrix[] data = parity3();

        CascadeResult result = parityTraining().optimizer(Quickprop.fannDefaults()).maxNeurons(20)
                .train(data[0], data[1], 3);

        assertThat(result.mse()).isLessThan(0.5);
        assertThat(result.neurons()).isNotEmpty();
    }

    @Test
    void theGrownModelSavesLoadsAndExportsToFann() throws Exception {
        Matrix[] data = parity3();
        Sequential model = parityTraining().train(data[0], data[1], 1).model();
        Path saved = dir.resolve("parity.model");
        Path net = dir.resolve("parity.net");

        model.save(saved);
        FannNetFile.write(model, net);

        assertThat(Sequential.load(saved).predict(data[0]).data())
                .containsExactly(model.predict(data[0]).data(), within(0.0));
        assertThat(FannNetFile.read(net).model().layers()).hasSameSizeAs(model.layers());
        Sequential back = Sequential.of(FannNetFile.read(net).model().layers(), null, null, 1);
        assertThat(back.predict(data[0]).data()).containsExactly(model.predict(data[0]).data(), within(1e-15));
    }

    @Test
    void stopsAtTheFirstNetworkThatMeetsTheDesiredMse() {
        Matrix[] data = parity3();

        CascadeResult result = parityTraining().stopFunction(StopFunction.MSE).desiredError(0.05).maxNeurons(30)
                .train(data[0], data[1], 2);

        assertThat(result.goalReached()).isTrue();
        assertThat(result.mse()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void badSettingsAreRefusedSayingWhatIsWrong() {
        CascadeTraining d = CascadeTraining.defaults();
        assertThatThrownBy(() -> d.maxNeurons(0)).hasMessage("cascade training adds at least 1 neuron (max"
                + " neurons), got 0");
        assertThatThrownBy(() -> d.desiredError(-1)).hasMessageContaining("desired error must be >= 0");
        assertThatThrownBy(() -> d.outputPhase(0.01, 12, 60, 50)).hasMessage("the output epochs need 1 <= min <="
                + " max, got min 60 and max 50; raise the max or lower the min");
        assertThatThrownBy(() -> d.candidatePhase(1.5, 12, 50, 150)).hasMessage("the candidate change fraction"
                + " must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> d.activationFunctions(List.of(Function.THRESHOLD)))
                .hasMessageContaining("candidate activation FANN_THRESHOLD has no derivative");
        assertThatThrownBy(() -> d.activationSteepnesses()).hasMessageContaining("at least one candidate steepness");
        assertThatThrownBy(() -> d.candidateGroups(0)).hasMessage("candidate groups must be at least 1, got 0");
        assertThatThrownBy(() -> d.weightMultiplier(0)).hasMessageContaining("weight multiplier must be positive");
        assertThatThrownBy(() -> d.outputActivation(FannActivations.threshold()))
                .hasMessageContaining("has no derivative, so the outputs cannot train");
        assertThatThrownBy(() -> d.train(new Matrix(3, 2), new Matrix(2, 1), 1))
                .hasMessage("cascade training got 3 input rows but 2 target rows; give one row of targets per"
                        + " sample");
        Matrix nan = new Matrix(2, 2);
        nan.set(1, 0, Double.NaN);
        assertThatThrownBy(() -> d.train(nan, new Matrix(2, 1), 1))
                .hasMessage("cascade training inputs row 1 column 0 is NaN; every value must be finite");
    }
}
