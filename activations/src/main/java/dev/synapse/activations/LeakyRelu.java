package dev.synapse.activations;

import static com.google.common.base.Preconditions.checkArgument;

import dev.synapse.core.Activation;
import java.util.Map;

/**
 * The leaky rectified linear unit, {@code f(x) = x} for x &gt; 0 and {@code slope·x} otherwise; {@code f'(x)} is 1 or
 * {@code slope}. A small slope (0.01 by default) keeps units from dying.
 */
public final class LeakyRelu implements Activation {

    private final double slope;

    LeakyRelu(double slope) {
        checkArgument(Double.isFinite(slope) && slope >= 0 && slope < 1,
                "leaky ReLU slope must be in [0, 1), got %s", slope);
        this.slope = slope;
    }

    /**
     * The factor applied to negative inputs, as given to {@link Activations#leakyRelu(double)}.
     *
     * @return the slope, in [0, 1)
     */
    public double slope() {
        return slope;
    }

    @Override
    public String name() {
        return "leaky-relu";
    }

    @Override
    public Map<String, Double> arguments() {
        return Map.of("slope", slope);
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public String toString() {
        return name() + "(slope=" + slope + ")";
    }
}
