package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.core.Layer;
import dev.synapse.core.LayerSpec;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.data.Dataset;
import dev.synapse.core.io.Registry;
import dev.synapse.core.io.StoredModel;
import dev.synapse.core.random.NumpyRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network of layers applied one after another, with the loss it minimizes and the optimizer that trains it.
 *
 * <pre>{@code
 * Sequential model = Sequential.builder().input(3)
 *         .add(Dense.units(4).activation(sigmoid()).withoutBias())
 *         .add(Dense.units(1).activation(sigmoid()).withoutBias())
 *         .loss(Losses.sumSquaredError()).optimizer(Sgd.learningRate(0.5)).seed(1).build();
 * History history = model.fit(x, y, Training.epochs(60_000));
 * double[] out = model.predict(1, 0, 1);
 * }</pre>
 *
 * <p>The model owns its mutable state: the layers' parameters, the optimizer's state and the seeded generator
 * that drew the initial weights and shuffles mini-batches.
 *
 * <p><b>Threads.</b> {@link #predict}, {@link #evaluate} and {@link #save} only read parameters and may run from
 * many threads at once, also while {@link #fit} runs on another: each optimizer step holds the model's write lock
 * and each read holds its read lock, so a reader sees the weights as of the last completed step, never a half-updated
 * set (a call in progress delays the next step until it is done; a save holds it off while it writes). A second
 * {@code fit} while one runs — on another thread, or from a listener — is refused with an
 * {@link IllegalStateException} naming the model. {@link #parameters()} hands out the live matrices: what a caller
 * reads or writes there during {@code fit} is not guarded.
 */
public final class Sequential {

    /** Keras' default names: "sequential", then "sequential_1", "sequential_2", ... */
    private static final AtomicInteger UNNAMED = new AtomicInteger();

    private final String name;
    private final ImmutableList<Layer> layers;
    private final ImmutableList<Parameter> parameters;
    private final Loss loss;
    private final Optimizer optimizer;
    private final NumpyRandom random;
    private Optimizer.State optimizerState;
    private final TrainingBuffers trainingBuffers = new TrainingBuffers();
    private final ModelGuard guard;
    private final Precision precision;

    private Sequential(String name, List<Layer> layers, Loss loss, Optimizer optimizer, NumpyRandom random) {
        this(name, null, layers, loss, optimizer, random);
    }

    /** {@code guard} is shared with a model over the same layers ({@link #withTraining}), else null for a new one. */
    private Sequential(String name, ModelGuard guard, List<Layer> layers, Loss loss, Optimizer optimizer,
            NumpyRandom random) {
        this.name = name == null ? defaultName() : name;
        this.guard = guard == null ? new ModelGuard(this.name) : guard;
        this.layers = ImmutableList.copyOf(layers);
        this.parameters = layers.stream().flatMap(l -> l.parameters().stream()).collect(ImmutableList.toImmutableList());
        this.precision = precisionOf(this.layers);
        for (Parameter p : parameters) {
            checkArgument(p.value().precision() == precision, "the model's parameters mix precisions: %s is %s but"
                    + " the first parameter is %s; convert every layer with withPrecision", p, p.value().precision(),
                    precision);
        }
        this.loss = loss;
        this.optimizer = optimizer;
        this.random = random;
    }

    /**
     * Starts describing a model: {@code input}, then layers, then loss, optimizer and seed.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A model from layers that are already built (for example, read from a model file). Each layer's input width
     * must be the previous layer's output width.
     *
     * @param layers the built layers in order, at least one
     * @return the model over those layers (used as they are, not copied)
     * @param loss      the loss to train with, or null for a model that only predicts
     * @param optimizer the optimizer to train with, or null for a model that only predicts
     * @param seed      seeds the generator that shuffles mini-batches
     * @throws IllegalArgumentException if the layers do not chain or there are none
     * @throws IllegalStateException    if the loss cannot follow the last layer's activation
     */
    public static Sequential of(List<Layer> layers, Loss loss, Optimizer optimizer, long seed) {
        checkArgument(!layers.isEmpty(), "a model needs at least one layer");
        for (int l = 1; l < layers.size(); l++) {
            checkChained(l, layers.get(l - 1).outputSize(), layers.get(l));
        }
        Checks.checkLossFitsOutput(layers, loss);
        return new Sequential(null, layers, loss, optimizer, new NumpyRandom(seed));
    }

    /** The precision of the first parameter of {@code layers}, float64 for layers without parameters. */
    static Precision precisionOf(List<Layer> layers) {
        for (Layer layer : layers) {
            if (!layer.parameters().isEmpty()) {
                return layer.parameters().get(0).value().precision();
            }
        }
        return Precision.FLOAT64;
    }

    /**
     * The precision the model computes in: its parameters', chosen on the builder
     * ({@link Builder#precision(Precision)}) or stored in the model file it was loaded from.
     *
     * @return {@link Precision#FLOAT64} unless the model was built or saved as float32
     */
    public Precision precision() {
        return precision;
    }

    private static String defaultName() {
        int n = UNNAMED.getAndIncrement();
        return n == 0 ? "sequential" : "sequential_" + n;
    }

    /**
     * The model's name, as given to {@link Builder#name(String)}, else "sequential", "sequential_1", ...
     *
     * @return the name, never blank
     */
    public String name() {
        return name;
    }

    private static void checkChained(int index, int previousOutput, Layer layer) {
        checkArgument(layer.inputSize() == previousOutput,
                "layer %s (%s) expects %s inputs per sample but the layer before it outputs %s",
                index, layer.type(), layer.inputSize(), previousOutput);
    }

    /**
     * The layers, in order.
     *
     * @return the layers, immutable
     */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Every trainable parameter, layer by layer.
     *
     * @return the parameters in layer order, immutable
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Values per input sample.
     *
     * @return the first layer's input width
     */
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /**
     * Values per output sample.
     *
     * @return the last layer's output width
     */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /**
     * The loss {@code fit} minimizes; empty for a model that only predicts.
     *
     * @return the loss, or empty
     */
    public Optional<Loss> loss() {
        return Optional.ofNullable(loss);
    }

    /**
     * The optimizer {@code fit} trains with; empty for a model that only predicts.
     *
     * @return the optimizer, or empty
     */
    public Optional<Optimizer> optimizer() {
        return Optional.ofNullable(optimizer);
    }

    /**
     * The outputs for a batch of samples, one row each.
     *
     * @param inputs samples × {@link #inputSize()}
     * @return a new matrix, samples × {@link #outputSize()}
     * @throws IllegalArgumentException if a sample's width is not {@link #inputSize()}, the batch is empty or holds
     *                                  a value that is not finite
     */
    public Matrix predict(Matrix inputs) {
        Checks.checkInputs(layers, inputs, "inputs");
        return forwardAtACompletedStep(new Workspace(layers, inputs.rows(), false), inputs.toPrecision(precision));
    }

    /** The forward pass in a workspace of its own, reading the weights under the read lock: never half a step. */
    private Matrix forwardAtACompletedStep(Workspace workspace, Matrix inputs) {
        guard.lockForReading();
        try {
            return workspace.forward(layers, inputs);
        } finally {
            guard.unlockAfterReading();
        }
    }

    /**
     * The output for one sample, e.g. {@code predict(1, 0, 0)}.
     *
     * @param sample {@link #inputSize()} values
     * @return a new array of {@link #outputSize()} values
     */
    public double[] predict(double... sample) {
        return predict(Matrix.rowVector(sample)).data();
    }

    /**
     * Loss and metrics of the model on a data set, without training; bit fails are counted at FANN's default limit,
     * 0.35. The loss is the data loss alone, without the layers' weight penalties (L2), and is computed from the
     * last layer's pre-activation when the loss fuses with its activation (softmax with cross-entropy), so it stays
     * finite for saturated outputs. A single output's accuracy thresholds at the midpoint of the output activation's
     * range, or of {@code targets}' smallest and largest value when the range is unbounded
     * ({@link Metrics#accuracy()}).
     *
     * @param inputs samples × {@link #inputSize()}
     * @param targets samples × the loss' target width
     * @return metrics whose loss is NaN when the model has no loss
     * @throws IllegalArgumentException if the inputs or targets are shaped wrong or hold values the loss refuses
     */
    public Metrics evaluate(Matrix inputs, Matrix targets) {
        Checks.checkInputs(layers, inputs, "inputs");
        // Targets are float64 in either precision: the loss reads them in double (a no-op for float64 targets).
        targets = checkNotNull(targets, "targets").toPrecision(Precision.FLOAT64);
        Checks.checkTargets(layers, loss, inputs, targets);
        Workspace workspace = new Workspace(layers, inputs.rows(), false);
        Matrix predicted = forwardAtACompletedStep(workspace, inputs.toPrecision(precision));
        MetricsAccumulator metrics = new MetricsAccumulator(MetricsAccumulator.DEFAULT_BIT_FAIL_LIMIT, loss,
                MetricsAccumulator.accuracyThreshold(layers, targets));
        Loss.Reduction reduction = loss == null ? Loss.Reduction.MEAN : loss.reduction();
        metrics.add(predicted, targets, loss == null ? Double.NaN : workspace.loss(layers, loss, targets), reduction);
        return metrics.result(reduction);
    }

    /**
     * Loss and metrics of the model on {@code data}: {@code evaluate(data.inputs(), data.targets())}.
     *
     * @param data the samples to evaluate on
     * @return the loss, errors, accuracy and bit fails on {@code data}
     * @throws IllegalArgumentException as {@link #evaluate(Matrix, Matrix)} does
     */
    public Metrics evaluate(Dataset data) {
        checkNotNull(data, "data set");
        return evaluate(data.inputs(), data.targets());
    }

    /**
     * Full-batch training for {@code epochs} epochs.
     *
     * @param inputs samples × {@link #inputSize()}
     * @param targets samples × the loss' target width
     * @param epochs the number of epochs, at least 1
     * @return every epoch's loss and why training stopped
     * @throws IllegalArgumentException as {@link #fit(Matrix, Matrix, Training)} does
     */
    public History fit(Matrix inputs, Matrix targets, int epochs) {
        return fit(inputs, targets, Training.epochs(epochs));
    }

    /**
     * {@link #fit(Matrix, Matrix, Training)} on a data set's inputs and targets.
     *
     * @param data the training samples
     * @param training the epochs, batches, stops and listeners
     * @return every epoch's loss and metrics, why training stopped and which weights were kept
     * @throws IllegalArgumentException as {@link #fit(Matrix, Matrix, Training)} does
     */
    public History fit(Dataset data, Training training) {
        checkNotNull(data, "data set");
        return fit(data.inputs(), data.targets(), training);
    }

    /**
     * Trains the model on a data set as {@code training} says and returns what every epoch measured, why training
     * stopped and which epoch's weights the model kept ({@link History#summary()}).
     *
     * @param inputs samples × {@link #inputSize()}
     * @param targets samples × the loss' target width
     * @param training the epochs, batches, stops and listeners
     * @return every epoch's loss and metrics, why training stopped and which weights were kept
     * @throws IllegalArgumentException  if the inputs, targets or validation data have the wrong width (targets are
     *                                   as wide as the outputs unless the loss says otherwise, e.g. one class label
     *                                   per sample), different row counts, no rows, a value that is not finite or
     *                                   that the loss refuses (a class label out of range), or a monitor needs
     *                                   validation data that was not given
     * @throws IllegalStateException     if the model has no loss or optimizer, or is already training (a {@code fit}
     *                                   on another thread, or one called from a listener)
     * @throws TrainingDivergedException if the loss stops being finite, explodes or no gradient reaches the output;
     *                                   the parameters are then those of the epoch with the best loss so far, and the
     *                                   listeners have heard the end first
     */
    public History fit(Matrix inputs, Matrix targets, Training training) {
        checkNotNull(training, "training settings");
        if (loss == null || optimizer == null) {
            // A loaded model has no optimizer (files keep none), so the builder is not where the fix is.
            throw new IllegalStateException("the model has no " + (loss == null ? "loss" : "optimizer")
                    + ", so it cannot train (a loaded model has no optimizer: model files keep none); train a copy"
                    + " that has both: model.withTraining(loss, optimizer), e.g. model.withTraining("
                    + (loss == null ? "Losses.meanSquaredError()" : "model.loss().orElseThrow()")
                    + ", Sgd.learningRate(0.1)).fit(inputs, targets, epochs), or give both to Sequential.builder()");
        }
        Checks.checkInputs(layers, inputs, "inputs");
        // Targets are float64 in either precision: the loss reads them in double (a no-op for float64 targets).
        targets = checkNotNull(targets, "targets").toPrecision(Precision.FLOAT64);
        Checks.checkTargets(layers, loss, inputs, targets);
        guard.startTraining();
        try {
            if (optimizerState == null) {
                optimizerState = optimizer.start(parameters);
            }
            return new TrainingLoop(this, optimizerState, random, training, trainingBuffers, guard).run(inputs, targets);
        } finally {
            guard.finishTraining();
        }
    }

    /**
     * A model over the same layers that trains with {@code loss} and {@code optimizer}: how a loaded model, which
     * has no optimizer, is trained further. The copy shares the layers and so the parameters: training it changes
     * this model's weights too, and the two share one guard (a fit of either refuses a fit of the other while it
     * runs) and the name. Its optimizer starts fresh and its mini-batches are shuffled by a generator seeded with 0
     * ({@link #of} takes another seed).
     *
     * <pre>{@code
     * Sequential trainable = Sequential.load(path).withTraining(Losses.meanSquaredError(), Sgd.learningRate(0.1));
     * trainable.fit(inputs, targets, 1000);
     * }</pre>
     *
     * @param loss the loss to minimize; it must suit the last layer's activation
     * @param optimizer the optimizer to train with
     * @return a new model sharing this model's layers and weights
     * @throws NullPointerException     if {@code loss} or {@code optimizer} is null
     * @throws IllegalArgumentException if {@code loss} cannot follow the output layer's activation
     */
    public Sequential withTraining(Loss loss, Optimizer optimizer) {
        checkNotNull(loss, "loss");
        checkNotNull(optimizer, "optimizer");
        Checks.checkLossFitsOutput(layers, loss);
        return new Sequential(name, guard, layers, loss, optimizer, new NumpyRandom(0));
    }

    /**
     * Saves the model — layers, activations, loss and weights, not the optimizer — to one JSON file (the format is
     * in docs/model-format.md). Atomic: an existing file at {@code path} is replaced whole or left unchanged. To
     * keep the scalers the data went through, save a {@link ModelFile} instead. During
     * {@code fit} (on another thread, or from a listener) it saves the weights as of the last completed step, holding
     * the next step off while it writes.
     *
     * <pre>{@code
     * model.save(Path.of("xor.json"));
     * Sequential same = Sequential.load(Path.of("xor.json"));
     * }</pre>
     *
     * @param path the file to write, replaced if it exists, e.g. {@code model.json}
     * @throws IllegalArgumentException if a component is not registered in {@link Registry#global()}, so the file
     *                                  could not be loaded back, or a weight is not finite; nothing is written then
     * @throws IOException              if writing fails
     */
    public void save(Path path) throws IOException {
        save(path, Registry.global());
    }

    /**
     * {@link #save(Path)}, naming components through {@code registry}.
     *
     * @param path the file to write, replaced if it exists
     * @param registry the names components are saved under
     * @throws IllegalArgumentException as {@link #save(Path)} does
     * @throws IOException              if writing fails
     */
    public void save(Path path, Registry registry) throws IOException {
        ModelFile.of(this).save(path, registry);
    }

    /**
     * Writes {@code stored}, which holds this model's layers, holding the next training step off while it writes,
     * so the file has the weights of one step.
     */
    void write(StoredModel stored, Path path, Registry registry) throws IOException {
        guard.lockForReading();
        try {
            stored.write(path, registry);
        } finally {
            guard.unlockAfterReading();
        }
    }

    /**
     * Loads a model saved by {@link #save}, rebuilding its components through {@link Registry#global()}. The model
     * predicts and evaluates; it has no optimizer.
     *
     * @param path a model file written by {@link #save}
     * @return the model, without optimizer
     * @throws dev.synapse.core.io.ModelFileException if the file is damaged, truncated, of another version,
     *                                  inconsistent or names an unregistered component; nothing is built then
     * @throws IllegalArgumentException if the file carries scalers: load it with {@link ModelFile#load(Path)}
     * @throws IOException              if the file cannot be read
     */
    public static Sequential load(Path path) throws IOException {
        return load(path, Registry.global());
    }

    /**
     * {@link #load(Path)}, rebuilding components through {@code registry}.
     *
     * @param path a model file written by {@link #save}
     * @param registry the names the file's components are looked up by
     * @return the model, without optimizer
     * @throws dev.synapse.core.io.ModelFileException if the file is not a valid model file; nothing is built then
     * @throws IOException if the file cannot be read
     */
    public static Sequential load(Path path, Registry registry) throws IOException {
        ModelFile file = ModelFile.load(path, registry);
        if (file.inputScaler().isPresent() || file.targetScaler().isPresent()) {
            throw new IllegalArgumentException(path.getFileName() + " carries "
                    + (file.inputScaler().isPresent() ? "an input scaler" : "a target scaler")
                    + " that its predictions need; load it with ModelFile.load(path) and predict through it, so"
                    + " data is scaled as in training");
        }
        return file.model();
    }

    /**
     * A table of the model as Keras' {@code model.summary()} prints it — each layer's index and type, output shape,
     * activation and parameter count, then the total and trainable parameter counts, the loss and the optimizer —
     * returned for the caller to print (the library prints nothing):
     *
     * <pre>
     * Layer (type)   Output shape   Activation   Parameters
     * -----------------------------------------------------
     * 0 (dense)      (batch, 128)   relu            100,480
     * 1 (dense)      (batch, 10)    softmax           1,290
     * =====================================================
     * Total parameters: 101,770
     * Trainable parameters: 101,770
     * Loss: sparse-categorical-crossentropy, optimizer: ...
     * </pre>
     *
     * @return the table, lines separated by {@code \n}
     */
    public String summary() {
        return ModelSummary.of(layers, loss, optimizer);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Sequential[").append(name).append(", input=").append(inputSize());
        for (Layer layer : layers) {
            s.append(", ").append(layer);
        }
        return s.append(", loss=").append(loss == null ? "none" : loss.name())
                .append(", optimizer=").append(optimizer == null ? "none" : optimizer).append(']').toString();
    }

    /**
     * Describes a {@link Sequential}: required values first ({@link #input}, at least one {@link #add}), each
     * checked where it is given, the rest optional.
     */
    public static final class Builder {

        private String name;
        private int inputSize;
        private final List<LayerSpec> specs = new ArrayList<>();
        private Loss loss;
        private Optimizer optimizer;
        private long seed = Integer.toUnsignedLong((int) System.nanoTime());
        private Precision precision = Precision.FLOAT64;

        private Builder() {}

        /**
         * The precision the model computes in, chosen once: {@link Precision#FLOAT32} keeps parameters, activations,
         * gradients and optimizer state in float32 and runs the engines' float kernels; float64 is the default.
         * Layers draw their initial weights as in float64 (the same random numbers) and are then converted, so a
         * float32 model starts from its float64 twin's weights rounded to float. {@code fit}, {@code evaluate} and
         * {@code predict} convert their inputs once per call; the loss is computed in float64 on the outputs
         * widened exactly, and {@code predict} returns those float64 outputs.
         *
         * @param precision float64 (the default) or float32
         * @return this builder
         */
        public Builder precision(Precision precision) {
            this.precision = checkNotNull(precision, "precision");
            return this;
        }

        /**
         * The model's name, used in messages (e.g. "model 'xor' is already training"); without it models are named
         * "sequential", "sequential_1", ... as in Keras.
         *
         * @param name the name, non-blank
         * @return this builder
         * @throws IllegalArgumentException if {@code name} is blank
         */
        public Builder name(String name) {
            checkArgument(name != null && !name.isBlank(), "a model name must not be blank, got '%s'", name);
            this.name = name;
            return this;
        }

        /**
         * Values per input sample.
         *
         * @param size the input width, at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size} is not positive
         */
        public Builder input(int size) {
            checkArgument(size > 0, "input size must be positive, got %s", size);
            this.inputSize = size;
            return this;
        }

        /**
         * Appends a layer.
         *
         * @param layer the layer's spec, e.g. {@code Dense.units(4).activation(sigmoid())}
         * @return this builder
         */
        public Builder add(LayerSpec layer) {
            specs.add(checkNotNull(layer, "layer %s is null", specs.size()));
            return this;
        }

        /**
         * The loss {@code fit} minimizes; optional for a model that only predicts.
         *
         * @param loss the loss, e.g. {@code Losses.sumSquaredError()}
         * @return this builder
         */
        public Builder loss(Loss loss) {
            this.loss = checkNotNull(loss, "loss");
            return this;
        }

        /**
         * The optimizer {@code fit} trains with; optional for a model that only predicts.
         *
         * @param optimizer the optimizer, e.g. {@code Sgd.learningRate(0.5)}
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = checkNotNull(optimizer, "optimizer");
            return this;
        }

        /**
         * Seeds the generator behind initial weights and shuffling, as {@code np.random.seed(seed)} does; without it
         * every build draws different weights.
         *
         * @param seed the seed, in [0, 2^32 - 1]
         * @return this builder
         * @throws IllegalArgumentException if {@code seed} is outside [0, 2^32 - 1]
         */
        public Builder seed(long seed) {
            checkArgument(seed >= 0 && seed <= 0xffffffffL, "seed must be between 0 and 2^32 - 1, got %s", seed);
            this.seed = seed;
            return this;
        }

        /**
         * Builds the layers in order, drawing their initial parameters from the seeded generator.
         *
         * @return the new model, ready to {@code fit} or {@code predict}
         * @throws IllegalStateException if no input size or no layer was given, or the loss cannot follow the last
         *                               layer's activation (categorical cross-entropy after anything but softmax)
         */
        public Sequential build() {
            if (inputSize == 0) {
                throw new IllegalStateException(
                        "the input size is not set; call input(n) with the number of values per sample before build()");
            }
            if (specs.isEmpty()) {
                throw new IllegalStateException(
                        "the model has no layers; add at least one, e.g. add(Dense.units(1).activation(sigmoid()))");
            }
            NumpyRandom random = new NumpyRandom(seed);
            List<Layer> layers = new ArrayList<>(specs.size());
            int width = inputSize;
            for (int l = 0; l < specs.size(); l++) {
                Layer layer = specs.get(l).build(l, width, random).withPrecision(precision);
                checkChained(l, width, layer);
                layers.add(layer);
                width = layer.outputSize();
            }
            Checks.checkLossFitsOutput(layers, loss);
            return new Sequential(name, layers, loss, optimizer, random);
        }
    }
}
