package dev.synapse.docs;

// snippet:first-network
import static dev.synapse.activations.Activations.sigmoid;

import dev.synapse.core.Matrix;
import dev.synapse.core.model.Sequential;
import dev.synapse.layers.Dense;
import dev.synapse.losses.Losses;
import dev.synapse.optimizers.Sgd;

public class FirstNetwork {
    public static void main(String[] args) {
        // Four samples of three inputs; the target is XOR of the first two.
        Matrix x = Matrix.of(new double[][] {{0, 0, 1}, {0, 1, 1}, {1, 0, 1}, {1, 1, 1}});
        Matrix y = Matrix.columnVector(0, 1, 1, 0);

        Sequential model = Sequential.builder().input(3)
                .add(Dense.units(4).activation(sigmoid()))
                .add(Dense.units(1).activation(sigmoid()))
                .loss(Losses.sumSquaredError())
                .optimizer(Sgd.learningRate(0.5))
                .seed(1)
                .build();

        model.fit(x, y, 10_000);
        System.out.println("XOR(1, 0) is about " + model.predict(1, 0, 1)[0]);
    }
}
// end-snippet
