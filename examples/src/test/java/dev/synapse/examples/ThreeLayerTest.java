package dev.synapse.examples;

import static dev.synapse.examples.Golden.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tutorial 3; the constants are numpy 2.4's, from shared/tutorials.md. */
class ThreeLayerTest {

    private static final double[] ERRORS = {0.4964100319027255, 0.008584525653247157, 0.005789459862507806,
        0.004629176776769985, 0.003958765280273649, 0.0035101225678616788};
    private static final double[] OUTPUTS = {0.0026057245999589304, 0.9967220868897564, 0.9970171078634206,
        0.0038675930955976733};

    @Test
    void givesTheSixErrorLinesAndTheFinalOutputsOfTheTutorial() {
        ThreeLayer.Result result = ThreeLayer.train(1, 4, 60_000);

        assertThat(result.errors()).extracting(ThreeLayer.ErrorLine::iteration)
                .containsExactly(0, 10_000, 20_000, 30_000, 40_000, 50_000);
        assertClose(result.errors().stream().mapToDouble(ThreeLayer.ErrorLine::error).toArray(), ERRORS);
        assertClose(result.outputs(), OUTPUTS);
    }

    @Test
    void printsErrorLinesAndOutputsWithFullPrecision() {
        Cli.Run run = Cli.run("three-layer");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("Error:"))).hasSize(6);
        double[] printed = Golden.numbersIn(run.out()).stream().mapToDouble(Double::doubleValue).toArray();
        double[] expected = new double[10];
        System.arraycopy(ERRORS, 0, expected, 0, 6);
        System.arraycopy(OUTPUTS, 0, expected, 6, 4);
        assertClose(printed, expected);
    }

    @Test
    void theVariantWithFiveHiddenUnitsStartsAtItsOwnError() {
        ThreeLayer.Result result = ThreeLayer.train(1, 5, 1);

        assertThat(result.errors()).hasSize(1);
        assertClose(result.errors().get(0).error(), 0.5006282290929629);
    }

    @Test
    void theHiddenOptionSelectsTheVariant() {
        Cli.Run run = Cli.run("three-layer", "--hidden", "5", "--iterations", "1");

        assertThat(run.exitCode()).isZero();
        assertClose(Golden.numbersIn(run.out().lines().findFirst().orElseThrow()).get(0), 0.5006282290929629);
    }

    @Test
    void anErrorLineFromTheLastIterationComesFromTheLastForwardPass() {
        ThreeLayer.Result result = ThreeLayer.train(1, 4, 10_001);

        assertThat(result.errors()).extracting(ThreeLayer.ErrorLine::iteration).containsExactly(0, 10_000);
        assertClose(result.errors().get(1).error(), ERRORS[1]);
        assertThat(result.losses()).hasSize(10_001);
    }

    @Test
    void writesTheLossCurveWhenAskedTo(@TempDir Path dir) throws Exception {
        Path chart = dir.resolve("three-layer.png");

        Cli.Run run = Cli.run("three-layer", "--iterations", "2000", "--plot", chart.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Loss curve written to " + chart);
        assertThat(Png.isValid(chart)).isTrue();
        assertThat(Files.list(dir)).containsExactly(chart);
    }

    @Test
    void sayWhatIsWrongWithANonPositiveNumberOfIterations() {
        Cli.Run run = Cli.run("three-layer", "--iterations", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("iterations must be positive, got 0").doesNotContain("Exception");
    }
}
