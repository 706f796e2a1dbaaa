package dev.synapse.core;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * An element-wise function and its derivative, applied by a layer to its pre-activation.
 *
 * <pre>{@code
 * // Softsign, x / (1 + |x|), in one factory call:
 * Activation softsign = Activation.of("softsign", x -> x / (1 + Math.abs(x)),
 *         (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));
 * }</pre>
 *
 * <p>The derivative receives both the input {@code x} and the output {@code y = f(x)}, so each activation uses
 * whichever is cheaper: sigmoid returns {@code y * (1 - y)}. The array methods are what layers call; built-ins
 * override them after measuring. Implementations are stateless and thread-safe. Check a new activation with
 * {@link GradientCheck#assertActivation(Activation, double, double)}.
 *
 * <p><b>float32.</b> A float32 model calls the {@code float[]} forms of {@link #apply(float[], float[]) apply} and
 * {@link #backward(float[], float[], float[], float[]) backward}. Their defaults go through the scalar double
 * methods, one element at a time, rounding each result to float: a user activation written against the double
 * methods works in float32 through these defaults, unchanged. The built-ins that pay for it (sigmoid, ReLU,
 * identity) override them with float kernels.
 */
public interface Activation {

    /**
     * Stable name used in model files and messages, e.g. {@code "sigmoid"}.
     *
     * @return a non-blank name, unique among registered activations
     */
    String name();

    /**
     * {@code f(x)}.
     *
     * @param x the input, any finite value
     * @return the activation of {@code x}
     */
    double value(double x);

    /**
     * {@code f'(x)}, given {@code x} and {@code y = f(x)}.
     *
     * @param x the input
     * @param y {@code f(x)}, already computed, so that e.g. the sigmoid needs no second exponential
     * @return the slope of f at {@code x}
     */
    double derivative(double x, double y);

    /**
     * The values the activation was configured with (a steepness, a slope), by name, so a model file can rebuild
     * it; empty for activations without settings.
     *
     * @return the settings by name, in a stable order; empty by default
     */
    default Map<String, Double> arguments() {
        return Map.of();
    }

    /**
     * The interval the outputs lie in when the function is bounded ({@link OutputRange#UNIT} for the sigmoid,
     * {@link OutputRange#SYMMETRIC} for tanh); empty for unbounded functions such as identity and ReLU, and by
     * default.
     *
     * @return the bounds of the outputs, or empty when they are unbounded
     */
    default Optional<OutputRange> outputRange() {
        return Optional.empty();
    }

    /**
     * Whether gradients flow through this activation. Stepwise thresholds are not differentiable: a layer refuses
     * to train through them and they serve inference only.
     *
     * @return true by default; false for stepwise functions that serve inference only
     */
    default boolean isDifferentiable() {
        return true;
    }

    /**
     * {@code out[i] = f(in[i])} for the first {@code in.length} elements; {@code out} may be {@code in}.
     *
     * @param in the inputs
     * @param out where the outputs go, at least {@code in.length} long
     */
    default void apply(double[] in, double[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = value(in[i]);
        }
    }

    /**
     * The chain rule over arrays: {@code gradientIn[i] = gradientOut[i] * f'(x[i], y[i])}. {@code gradientIn} may
     * be the same array as {@code x} or {@code gradientOut}.
     *
     * @param x the inputs of the forward pass
     * @param y the outputs of the forward pass, {@code f(x)}
     * @param gradientOut the loss' gradient with respect to {@code y}
     * @param gradientIn where the gradient with respect to {@code x} goes
     */
    default void backward(double[] x, double[] y, double[] gradientOut, double[] gradientIn) {
        for (int i = 0; i < x.length; i++) {
            gradientIn[i] = gradientOut[i] * derivative(x[i], y[i]);
        }
    }

    /**
     * The float32 form of {@link #apply(double[], double[])}: {@code out[i] = (float) f(in[i])} for the first
     * {@code in.length} elements; {@code out} may be {@code in}. The default widens each input to double, calls
     * {@link #value(double)} and rounds the result to float, so an activation written against the double methods
     * works in a float32 model as it is.
     *
     * @param in the inputs
     * @param out where the outputs go, at least {@code in.length} long
     */
    default void apply(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = (float) value(in[i]);
        }
    }

    /**
     * The float32 form of {@link #backward(double[], double[], double[], double[])}:
     * {@code gradientIn[i] = gradientOut[i] * (float) f'(x[i], y[i])}, the product taken in float. The default calls
     * {@link #derivative(double, double)} on the widened values, so an activation written against the double methods
     * works in a float32 model as it is. {@code gradientIn} may be {@code x} or {@code gradientOut}.
     *
     * @param x the inputs of the forward pass
     * @param y the outputs of the forward pass, {@code f(x)}
     * @param gradientOut the loss' gradient with respect to {@code y}
     * @param gradientIn where the gradient with respect to {@code x} goes
     */
    default void backward(float[] x, float[] y, float[] gradientOut, float[] gradientIn) {
        for (int i = 0; i < x.length; i++) {
            gradientIn[i] = gradientOut[i] * (float) derivative(x[i], y[i]);
        }
    }

    /**
     * An activation from a name and two functions: {@code f(x)} and {@code f'(x, y)} where {@code y = f(x)}.
     *
     * @param name the name models are saved under; register it to load them again
     * @param function {@code f(x)}
     * @param derivative {@code f'(x, y)}, given the input and the output
     * @return a stateless activation; thread-safe if the two functions are
     * @throws IllegalArgumentException if the name is blank
     */
    static Activation of(String name, DoubleUnaryOperator function, DoubleBinaryOperator derivative) {
        checkArgument(name != null && !name.isBlank(), "an activation needs a non-blank name, got '%s'", name);
        checkNotNull(function, "function of activation '%s' is null", name);
        checkNotNull(derivative, "derivative of activation '%s' is null", name);
        return new Activation() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public double value(double x) {
                return function.applyAsDouble(x);
            }

            @Override
            public double derivative(double x, double y) {
                return derivative.applyAsDouble(x, y);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
