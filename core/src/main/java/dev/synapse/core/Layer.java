package dev.synapse.core;

import dev.synapse.core.random.NumpyRandom;
import java.util.List;
import java.util.Optional;

/**
 * One step of a network: a pure function of its parameters and its input, applied to a whole batch at once.
 *
 * <p>A layer stores nothing between calls. {@link #forward} writes into matrices the caller owns, and the
 * training loop hands the same matrices back to {@link #backward}; so a trained model can predict from many
 * threads at once. A layer that needs to remember something from the forward pass for the backward pass (a dense
 * layer keeps its pre-activation) asks for a {@code state} matrix of {@link #stateWidth()} columns per sample.
 *
 * <p>Users add layers to a model through a {@link LayerSpec}, which builds the layer once its input width is known.
 * Check a new layer with {@link GradientCheck#assertLayer(Layer, int, long)}.
 *
 * <p>The defaults cover the common case: a layer that acts the same in training and inference
 * ({@link #forwardTraining} calls {@link #forward}; {@code Dropout} overrides it), carries no weight penalty
 * ({@link #penalty}) and tells losses nothing about its output ({@link #outputActivation}).
 */
public interface Layer {

    /**
     * Stable type name used in model files and messages, e.g. {@code "dense"}.
     *
     * @return a non-blank name, unique among registered layer types
     */
    String type();

    /**
     * Values per input sample.
     *
     * @return the input width, at least 1
     */
    int inputSize();

    /**
     * Values per output sample.
     *
     * @return the output width, at least 1
     */
    int outputSize();

    /**
     * Columns per sample of the state kept from forward to backward; 0 when the layer keeps none.
     *
     * @return the state's columns per sample, 0 by default
     */
    default int stateWidth() {
        return 0;
    }

    /**
     * The interval every output of this layer lies in, when it is bounded (a dense layer answers with its
     * activation's {@link Activation#outputRange()}); empty when the outputs are unbounded or the layer cannot tell.
     * The training loop uses it to threshold single-output accuracy and to recognise saturated outputs.
     *
     * @return the outputs' bounds, or empty when unbounded or unknown
     */
    default Optional<OutputRange> outputRange() {
        return Optional.empty();
    }

    /**
     * The trainable parameters, in a stable order (weights, then bias); empty if none.
     *
     * @return the parameters, immutable, the same objects on every call
     */
    List<Parameter> parameters();

    /**
     * Computes the output of a batch.
     *
     * @param input  batch × {@link #inputSize()}
     * @param state  batch × {@link #stateWidth()}, written here and read by {@link #backward}; null when the width is 0
     * @param output batch × {@link #outputSize()}
     */
    void forward(Matrix input, Matrix state, Matrix output);

    /**
     * Backpropagates a batch: adds the gradient of the loss with respect to each parameter into
     * {@link Parameter#gradient()} and writes the gradient with respect to the input.
     *
     * @param input          the batch given to {@link #forward}
     * @param state          the state {@link #forward} wrote; the layer may overwrite it here
     * @param output         the output {@link #forward} wrote
     * @param outputGradient the gradient of the loss with respect to {@code output}
     * @param inputGradient  where to write the gradient with respect to {@code input}; null for the first layer,
     *                       whose input gradient nobody needs
     */
    void backward(Matrix input, Matrix state, Matrix output, Matrix outputGradient, Matrix inputGradient);

    /**
     * Computes the output of a training batch. Layers that act differently while training (dropout draws its mask
     * here) override this; the default is {@link #forward}. {@code predict} and {@code evaluate} never call it.
     *
     * @param input batch × {@link #inputSize()}
     * @param state batch × {@link #stateWidth()}, kept for {@code backward}
     * @param output where the result goes, batch × {@link #outputSize()}
     * @param random the model's seeded generator, so that training runs repeat bit for bit under one seed
     */
    default void forwardTraining(Matrix input, Matrix state, Matrix output, NumpyRandom random) {
        forward(input, state, output);
    }

    /**
     * The name of the activation that produces this layer's output (e.g. {@code "softmax"}, {@code "sigmoid"}),
     * which a loss checks at {@code build()} ({@link Loss#checkOutput}); empty when the layer has none.
     *
     * @return the output activation's name, or empty
     */
    default Optional<String> outputActivation() {
        return Optional.empty();
    }

    /**
     * The weight penalty this layer adds to the loss, such as an L2 term {@code λ·Σw²}; 0 by default. The
     * training loop adds it to every batch's loss.
     *
     * @return the penalty, finite and not negative
     */
    default double penalty() {
        return 0;
    }

    /** Adds the gradient of {@link #penalty()} into the parameter gradients ({@code 2λw} for L2); none by default. */
    default void addPenaltyGradient() {}

    /**
     * This layer computing in {@code precision}: itself when it already does, otherwise a layer of the same
     * configuration over its parameters converted ({@link Matrix#toPrecision}), which a model built with
     * {@code precision(Precision.FLOAT32)} asks for once, after building. Every built-in layer overrides this. The
     * default keeps float64 and refuses anything else, since a layer written against {@link Matrix#data()} cannot
     * run on float32 matrices.
     *
     * @param precision the precision wanted
     * @return a layer computing in {@code precision}
     * @throws UnsupportedOperationException if this layer cannot compute in {@code precision}
     */
    default Layer withPrecision(Precision precision) {
        if (precision == Precision.FLOAT64) {
            return this;
        }
        throw new UnsupportedOperationException("layer type '" + type() + "' has no " + precision.label()
                + " form; build the model in float64, or override Layer.withPrecision in " + getClass().getName());
    }
}
