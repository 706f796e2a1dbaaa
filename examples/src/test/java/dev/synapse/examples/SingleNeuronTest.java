package dev.synapse.examples;

import static dev.synapse.examples.Golden.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Tutorial 1, class-based version; the constants are numpy 2.4's, from shared/tutorials.md. */
class SingleNeuronTest {

    @Test
    void trainsToTheTutorialsWeightsAndPrediction() {
        SingleNeuron.Trained trained = SingleNeuron.train(1, 15_000);

        assertThat(trained.startingWeights()).containsExactly(new double[] {-0.16595599, 0.44064899, -0.99977125},
                within(1e-8));
        assertClose(trained.weights(), 10.087408960563154, -0.20695366180629912, -4.83757834715658);
        assertClose(trained.predict(1, 0, 0), 0.9999584016709994);
    }

    @Test
    void theShortVersionOf10000IterationsGivesItsOwnNumbers() {
        SingleNeuron.Trained trained = SingleNeuron.train(1, 10_000);

        assertClose(trained.weights(), 9.672993027736892, -0.20784349926631968, -4.62963668773159);
        assertClose(trained.predict(1, 0, 0), 0.9999370428352157);
    }

    @Test
    void takesTheNewSituationFromTheCommandLineAndPrintsEveryNumberInFull() {
        Cli.Run run = Cli.run("single-neuron", "1", "0", "0");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Beginning randomly generated weights:", "Ending weights after 15000",
                "Considering new situation [1.0, 0.0, 0.0] -> ?:", "New output data: ");
        List<Double> numbers = Golden.numbersIn(run.out().substring(run.out().indexOf("Ending")));
        assertClose(numbers.stream().mapToDouble(Double::doubleValue).toArray(),
                10.087408960563154, -0.20695366180629912, -4.83757834715658, 1, 0, 0, 0.9999584016709994);
    }

    @Test
    void withoutInputsOrTerminalPredictsOneZeroZeroWithoutAsking() {
        CommandLine noTerminal = new CommandLine(new SingleNeuron(() -> null));

        Cli.Run run = Cli.run(noTerminal);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Considering new situation [1.0, 0.0, 0.0]", "0.9999584016709994");
    }

    @Test
    void withoutInputsAsksThePersonAtTheTerminalForEachOne() {
        Deque<String> answers = new ArrayDeque<>(List.of("0", "x", "1", ""));
        List<String> prompts = new ArrayList<>();
        CommandLine terminal = new CommandLine(new SingleNeuron(() -> prompt -> {
            prompts.add(prompt);
            return answers.poll();
        }));

        Cli.Run run = Cli.run(terminal);

        assertThat(run.exitCode()).isZero();
        assertThat(prompts).containsExactly("New situation, input one [1.0]: ", "New situation, input two [0.0]: ",
                "'x' is not a number. New situation, input two [0.0]: ", "New situation, input three [0.0]: ");
        assertThat(run.out()).contains("Considering new situation [0.0, 1.0, 0.0]");
        assertThat(Golden.numbersIn(run.out().substring(run.out().indexOf("New output data:")))).hasSize(1)
                .allSatisfy(prediction -> assertThat(prediction).isLessThan(0.5));
    }

    @Test
    void endOfInputAtThePromptKeepsTheDefaults() {
        CommandLine closedInput = new CommandLine(new SingleNeuron(() -> prompt -> null));

        Cli.Run run = Cli.run(closedInput);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Considering new situation [1.0, 0.0, 0.0]");
    }

    @Test
    void rejectsASituationWithTheWrongNumberOfInputs() {
        Cli.Run run = Cli.run("single-neuron", "1", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs three inputs", "got 2");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void asksOnlyAfterTrainingAsTheTutorialDoes() {
        StringBuilder printedBeforeAsking = new StringBuilder();
        StringWriter out = new StringWriter();
        CommandLine terminal = new CommandLine(new SingleNeuron(() -> prompt -> {
            printedBeforeAsking.append(out);
            return "";
        }));
        terminal.setOut(new PrintWriter(out, true));

        int exitCode = terminal.execute();

        assertThat(exitCode).isZero();
        assertThat(printedBeforeAsking.toString()).contains("Ending weights after 15000 training iterations:")
                .doesNotContain("Considering new situation");
    }

    @Test
    void theStartingWeightsAreACopyThatTrainingDoesNotChange() {
        SingleNeuron.Trained trained = SingleNeuron.train(1, 10);

        assertThat(Arrays.equals(trained.startingWeights(), trained.weights())).isFalse();
        assertThat(trained.startingWeights()[0]).isCloseTo(-0.16595599, within(1e-8));
    }
}
