package dev.synapse.docs;

import static dev.synapse.activations.Activations.sigmoid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example at the top of the project's README.md. */
class ReadmeDocsTest {

    @Test
    void theReadmeNetworkLearnsXorAndSaysSo() throws Exception {
        double[][] result = new double[2][];

        String printed = Stdout.capture(() -> {
            // snippet:readme
            Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
            Matrix y = Matrix.columnVector(0, 1, 1, 0);

            Sequential model = Sequential.builder().input(3)
                    .add(Dense.units(4).activation(sigmoid()))
                    .add(Dense.units(1).activation(sigmoid()))
                    .loss(Losses.sumSquaredError())
                    .optimizer(Sgd.learningRate(0.5))
                    .seed(1)
                    .build();

            History history = model.fit(x, y, Training.epochs(10_000));
            double[] prediction = model.predict(1, 0, 1);
            System.out.printf("loss %.6f, prediction for [1, 0, 1]: %.6f%n", history.finalLoss(), prediction[0]);
            // end-snippet
            result[0] = prediction;
            result[1] = new double[] {history.finalLoss()};
        });

        assertThat(result[0][0]).isGreaterThan(0.9);
        assertThat(result[1][0]).isLessThan(0.01);
        Matcher numbers = Pattern.compile("loss (\\d+[.,]\\d{6}), prediction for \\[1, 0, 1]: (\\d+[.,]\\d{6})")
                .matcher(printed);
        assertThat(numbers.find()).as("printed: %s", printed).isTrue();
        assertThat(Double.parseDouble(numbers.group(2).replace(',', '.'))).isGreaterThan(0.9);
    }
}
