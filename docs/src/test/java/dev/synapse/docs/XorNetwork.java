package dev.synapse.docs;

// snippet:readme
import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.History;
import dev.synapse.core.model.Sequential;
import dev.synapse.core.model.Training;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;

public class XorNetwork {
    public static void main(String[] args) {
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
    }
}
// end-snippet
