package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.synapse.core.Matrix;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Metrics;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The snippets of getting-started.md. */
class GettingStartedDocsTest {

    private static final Matrix X = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
    private static final Matrix Y = Matrix.columnVector(0, 1, 1, 0);

    private static Sequential xorModel() {
        return Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();
    }

    @Test
    void theFirstNetworkPredictsXorOfOneAndZeroAsAlmostOne() throws Exception {
        String printed = Stdout.capture(() -> FirstNetwork.main(new String[0]));

        assertThat(printed).startsWith("XOR(1, 0) is about 0.993");
        assertThat(Double.parseDouble(printed.substring("XOR(1, 0) is about ".length()).strip())).isGreaterThan(0.9);
    }

    @Test
    void trainingReportsToAListenerAndReturnsTheHistory() throws Exception {
        Sequential model = xorModel();
        Matrix x = X;
        Matrix y = Y;
        History[] result = new History[1];

        String printed = Stdout.capture(() -> {
            // snippet:train
            History history = model.fit(x, y, Training.epochs(20_000)
                    .targetLoss(0.001)          // stop as soon as the loss of an epoch is this low
                    .report(2_000, r -> System.out.printf("epoch %5d  loss %.6f  accuracy %.2f%n",
                            r.epoch(), r.loss(), r.metrics().accuracy())));

            System.out.println(history.epochs() + " epochs, stopped by " + history.stopReason()
                    + ", final loss " + history.finalLoss());
            // end-snippet
            result[0] = history;
        });

        History history = result[0];
        assertThat(history.stopReason()).isEqualTo(History.StopReason.TARGET_LOSS_REACHED);
        assertThat(history.finalLoss()).isLessThanOrEqualTo(0.001);
        assertThat(history.epochs()).isLessThan(20_000);
        assertThat(printed).startsWith("epoch     1  loss ").contains("stopped by TARGET_LOSS_REACHED");
        assertThat(printed.lines().filter(l -> l.startsWith("epoch"))).hasSize(history.epochs() / 2_000 + 1
                + (history.epochs() % 2_000 == 1 ? 0 : 1));
    }

    @Test
    void aTrainedModelPredictsOneSampleOrABatchAndEvaluatesADataSet() {
        Sequential model = xorModel();
        model.fit(X, Y, 10_000);
        Matrix x = X;
        Matrix y = Y;

        // snippet:predict
        double[] one = model.predict(1, 0, 1);          // one sample: its outputs
        Matrix all = model.predict(x);                  // a batch: one row of outputs per sample
        Metrics metrics = model.evaluate(x, y);         // loss, mean absolute/squared error, accuracy
        // end-snippet

        assertThat(one[0]).isGreaterThan(0.9);
        assertThat(all.get(2, 0)).isEqualTo(one[0]);
        assertThat(all.rows()).isEqualTo(4);
        assertThat(metrics.accuracy()).isEqualTo(1.0);
        assertThat(metrics.loss()).isCloseTo(model.evaluate(x, y).loss(), within(0.0)).isLessThan(0.01);
        assertThat(all.get(0, 0)).isLessThan(0.1);
    }

    @Test
    void aSampleOfTheWrongWidthIsExplainedAsThePageQuotesIt() {
        Sequential model = xorModel();

        assertThatThrownBy(() -> model.predict(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer 0 (dense) expects 3 inputs per sample but got 2 (inputs 1x2). Pass samples of 3 "
                        + "values, or build the model with input(2).");
    }

    /** The engine's own promises (found and preferred with the flag, skipped silently without) are its tests. */
    @Test
    void theVectorEngineArtifactAndFlagAreTheOnesItsModuleDeclaresAndWithoutThemPureJavaComputes() throws Exception {
        String page = Files.readString(Snippets.docsDir().resolve("getting-started.md"));
        String module = Files.readString(Snippets.docsDir().resolveSibling("engine-vector/pom.xml"));

        assertThat(module).contains("<artifactId>synapse-engine-vector</artifactId>",
                "<argLine>--add-modules jdk.incubator.vector</argLine>");
        assertThat(page).contains("<artifactId>synapse-engine-vector</artifactId>",
                "java --add-modules jdk.incubator.vector -cp", "<argLine>--add-modules jdk.incubator.vector</argLine>");
        assertThat(Engines.current().name()).isEqualTo("pure-java");     // this module has no engine artifact
        assertThat(Engines.describe()).startsWith("pure-java");
    }
}
