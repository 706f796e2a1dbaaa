package dev.synapse.engine.vector;

import dev.synapse.core.Matrix;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.model.Sequential;
import java.util.Arrays;

/**
 * Run in a child JVM by {@link ReproducibleTrainingTest}, cold: asks one {@link IssueNetwork} model for the same
 * predictions for a batch of 4 samples (every sigmoid on whole vectors) again and again from the JVM's start, and
 * prints how many calls gave other bits than the first one, and the first such call.
 */
public final class PredictRepeatedly {

    /** Arguments: the number of calls. */
    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        Sequential model = IssueNetwork.model();
        Matrix batch = IssueNetwork.inputs(4);
        double[] firstBatch = model.predict(batch).data();
        int changed = 0;
        int firstChange = 0;
        for (int call = 2; call <= calls; call++) {
            if (!Arrays.equals(firstBatch, model.predict(batch).data())) {
                changed++;
                firstChange = firstChange == 0 ? call : firstChange;
            }
        }
        System.out.print(Engines.current().name() + ": " + calls + " calls, " + changed + " with other bits"
                + (changed == 0 ? "" : ", the first at call " + firstChange) + "\n");
    }
}
