package dev.synapse.fann;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import dev.synapse.activations.FannActivation;
import dev.synapse.activations.FannActivation.Function;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Matrix;
import dev.synapse.core.Optimizer;
import dev.synapse.optimizers.Rprop;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * FANN 2.2's Cascade2 training ({@code fann_cascadetrain_on_data}): starting from a network with no hidden units,
 * train the outputs, then train a pool of candidate units to cancel the remaining error, install the best one as a
 * new hidden unit that sees the inputs and every earlier unit, and repeat until the error goal is met or
 * {@link #maxNeurons(int)} units were added. Each setting has FANN's default and its {@code fann_set_cascade_*} name.
 *
 * <pre>{@code
 * CascadeResult result = CascadeTraining.defaults().maxNeurons(30).desiredError(0.001)
 *         .train(data.inputs(), data.targets(), 1);
 * Sequential model = result.model();            // Shortcut layers of one unit each, then a Dense output layer
 * result.neurons().forEach(n -> ...);           // what each added unit brought: its activation, MSE, epochs
 * }</pre>
 *
 * <p>Outputs and candidates train on full batches with the configured optimizer (iRPROP−, FANN's default for
 * cascade training, or Quickprop). One departure from FANN, so that the network handed back meets the goal it
 * reports: an output epoch that meets the goal keeps the weights it measured (FANN updates them once more, unmeasured),
 * and the last output phase keeps its best measured epoch's weights. Instances are immutable; each setter returns a changed copy. Deterministic for a seed:
 * the seed draws the first output weights and every candidate's weights.
 */
public final class CascadeTraining {

    /** When the error goal counts as reached ({@code fann_set_train_stop_function}). */
    public enum StopFunction {
        /** FANN_STOPFUNC_MSE: the mean squared error is at most the desired error. */
        MSE,
        /** FANN_STOPFUNC_BIT: the number of outputs off by at least the bit-fail limit is at most the desired error. */
        BIT
    }

    /** The error function the outputs train with ({@code fann_set_train_error_function}). */
    public enum ErrorFunction {
        /** FANN_ERRORFUNC_LINEAR: the plain error. */
        LINEAR,
        /** FANN_ERRORFUNC_TANH, FANN's default: pushes harder on outputs that are far off. */
        TANH
    }

    private static final List<Function> FANN_FUNCTIONS = ImmutableList.of(Function.SIGMOID,
            Function.SIGMOID_SYMMETRIC, Function.GAUSSIAN, Function.GAUSSIAN_SYMMETRIC, Function.ELLIOTT,
            Function.ELLIOTT_SYMMETRIC, Function.SIN_SYMMETRIC, Function.COS_SYMMETRIC, Function.SIN, Function.COS);

    // Set only on fresh copies inside the setters, so every instance a caller sees is immutable.
    int maxNeurons = 30;
    double desiredError = 0;
    StopFunction stopFunction = StopFunction.MSE;
    double bitFailLimit = 0.35;
    FannActivation outputActivation = FannActivations.sigmoidStepwise();
    ErrorFunction errorFunction = ErrorFunction.TANH;
    Optimizer optimizer = Rprop.fannDefaults();
    // FANN keeps the change fractions as floats: (double) 0.01f, as its runs compare with them.
    double outputChangeFraction = 0.01f;
    int outputStagnationEpochs = 12;
    int minOutputEpochs = 50;
    int maxOutputEpochs = 150;
    double candidateChangeFraction = 0.01f;
    int candidateStagnationEpochs = 12;
    int minCandidateEpochs = 50;
    int maxCandidateEpochs = 150;
    double candidateLimit = 1000;
    double weightMultiplier = 0.4;
    int candidateGroups = 2;
    List<Function> activationFunctions = FANN_FUNCTIONS;
    double[] activationSteepnesses = {0.25, 0.5, 0.75, 1.0};

    private CascadeTraining() {}

    /**
     * Cascade training with FANN 2.2's defaults: at most 30 units, desired error 0 with the MSE stop function,
     * bit-fail limit 0.35, FANN_SIGMOID_STEPWISE outputs at steepness 0.5, the tanh error function, iRPROP−
     * ({@link Rprop#fannDefaults()}), output and candidate change fraction 0.01 (FANN's float,
     * {@code (double) 0.01f}), stagnation 12 epochs, 50 to 150
     * epochs per phase, candidate limit 1000, weight multiplier 0.4, 2 candidate groups of FANN's 10 activation
     * functions at steepnesses 0.25, 0.5, 0.75 and 1 (80 candidates).
     *
     * @return the default settings
     */
    public static CascadeTraining defaults() {
        return new CascadeTraining();
    }

    private CascadeTraining copy() {
        CascadeTraining c = new CascadeTraining();
        c.maxNeurons = maxNeurons;
        c.desiredError = desiredError;
        c.stopFunction = stopFunction;
        c.bitFailLimit = bitFailLimit;
        c.outputActivation = outputActivation;
        c.errorFunction = errorFunction;
        c.optimizer = optimizer;
        c.outputChangeFraction = outputChangeFraction;
        c.outputStagnationEpochs = outputStagnationEpochs;
        c.minOutputEpochs = minOutputEpochs;
        c.maxOutputEpochs = maxOutputEpochs;
        c.candidateChangeFraction = candidateChangeFraction;
        c.candidateStagnationEpochs = candidateStagnationEpochs;
        c.minCandidateEpochs = minCandidateEpochs;
        c.maxCandidateEpochs = maxCandidateEpochs;
        c.candidateLimit = candidateLimit;
        c.weightMultiplier = weightMultiplier;
        c.candidateGroups = candidateGroups;
        c.activationFunctions = activationFunctions;
        c.activationSteepnesses = activationSteepnesses;
        return c;
    }

    /**
     * The most hidden units to add ({@code fann_cascadetrain_on_data}'s max_neurons).
     *
     * @param neurons at least 1
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code neurons} is below 1
     */
    public CascadeTraining maxNeurons(int neurons) {
        checkArgument(neurons >= 1, "cascade training adds at least 1 neuron (max neurons), got %s", neurons);
        CascadeTraining c = copy();
        c.maxNeurons = neurons;
        return c;
    }

    /**
     * The error goal: an MSE, or with {@link StopFunction#BIT} a number of bit fails (FANN's desired_error).
     *
     * @param error at least 0 and finite; 0 (the default) with the MSE stop function adds every allowed unit
     * @return a copy with that goal
     * @throws IllegalArgumentException if {@code error} is negative or not finite
     */
    public CascadeTraining desiredError(double error) {
        checkArgument(error >= 0 && Double.isFinite(error), "desired error must be >= 0 and finite, got %s", error);
        CascadeTraining c = copy();
        c.desiredError = error;
        return c;
    }

    /**
     * What the desired error measures ({@code fann_set_train_stop_function}).
     *
     * @param stop MSE (the default) or BIT
     * @return a copy with that stop function
     */
    public CascadeTraining stopFunction(StopFunction stop) {
        CascadeTraining c = copy();
        c.stopFunction = checkNotNull(stop, "stop function");
        return c;
    }

    /**
     * How far off an output must be to count as a bit fail ({@code fann_set_bit_fail_limit}), measured on FANN's
     * error (halved for symmetric outputs).
     *
     * @param limit positive and finite; FANN's default is 0.35
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public CascadeTraining bitFailLimit(double limit) {
        checkArgument(limit > 0 && Double.isFinite(limit), "bit-fail limit must be positive and finite, got %s",
                limit);
        CascadeTraining c = copy();
        c.bitFailLimit = limit;
        return c;
    }

    /**
     * The output units' activation ({@code fann_set_activation_function_output} and its steepness).
     *
     * @param activation a differentiable FANN activation, e.g. {@code FannActivations.linear()}
     * @return a copy with that output activation
     * @throws IllegalArgumentException if the activation is a threshold, which cannot train
     */
    public CascadeTraining outputActivation(FannActivation activation) {
        checkNotNull(activation, "output activation");
        checkArgument(activation.isDifferentiable(), "the output activation %s has no derivative, so the outputs"
                + " cannot train; pick a differentiable one such as linear() or sigmoidSymmetric()", activation);
        CascadeTraining c = copy();
        c.outputActivation = activation;
        return c;
    }

    /**
     * The error function the outputs train with ({@code fann_set_train_error_function}).
     *
     * @param function TANH (the default) or LINEAR
     * @return a copy with that error function
     */
    public CascadeTraining errorFunction(ErrorFunction function) {
        CascadeTraining c = copy();
        c.errorFunction = checkNotNull(function, "error function");
        return c;
    }

    /**
     * The full-batch optimizer of the outputs and the candidates ({@code fann_set_training_algorithm}).
     *
     * @param optimizer e.g. {@code Rprop.fannDefaults()} (the default) or {@code Quickprop.fannDefaults()}
     * @return a copy with that optimizer
     */
    public CascadeTraining optimizer(Optimizer optimizer) {
        CascadeTraining c = copy();
        c.optimizer = checkNotNull(optimizer, "optimizer");
        return c;
    }

    /**
     * How the outputs train between two added units ({@code fann_set_cascade_output_change_fraction},
     * {@code _output_stagnation_epochs}, {@code _min_out_epochs}, {@code _max_out_epochs}): a phase ends after
     * {@code maxEpochs}, or from {@code minEpochs} on once the error has not changed by more than the fraction for
     * {@code stagnationEpochs} epochs.
     *
     * @param changeFraction   the relative change that counts, in (0, 1); FANN's default 0.01
     * @param stagnationEpochs at least 1; FANN's default 12
     * @param minEpochs        at least 1; FANN's default 50
     * @param maxEpochs        at least {@code minEpochs}; FANN's default 150
     * @return a copy with those output-phase settings
     * @throws IllegalArgumentException if a value is out of its range
     */
    public CascadeTraining outputPhase(double changeFraction, int stagnationEpochs, int minEpochs, int maxEpochs) {
        checkPhase("output", changeFraction, stagnationEpochs, minEpochs, maxEpochs);
        CascadeTraining c = copy();
        c.outputChangeFraction = changeFraction;
        c.outputStagnationEpochs = stagnationEpochs;
        c.minOutputEpochs = minEpochs;
        c.maxOutputEpochs = maxEpochs;
        return c;
    }

    /**
     * How the candidates train ({@code fann_set_cascade_candidate_change_fraction},
     * {@code _candidate_stagnation_epochs}, {@code _min_cand_epochs}, {@code _max_cand_epochs}), ending as the
     * output phase does but on the best candidate's score.
     *
     * @param changeFraction   the relative change that counts, in (0, 1); FANN's default 0.01
     * @param stagnationEpochs at least 1; FANN's default 12
     * @param minEpochs        at least 1; FANN's default 50
     * @param maxEpochs        at least {@code minEpochs}; FANN's default 150
     * @return a copy with those candidate-phase settings
     * @throws IllegalArgumentException if a value is out of its range
     */
    public CascadeTraining candidatePhase(double changeFraction, int stagnationEpochs, int minEpochs,
            int maxEpochs) {
        checkPhase("candidate", changeFraction, stagnationEpochs, minEpochs, maxEpochs);
        CascadeTraining c = copy();
        c.candidateChangeFraction = changeFraction;
        c.candidateStagnationEpochs = stagnationEpochs;
        c.minCandidateEpochs = minEpochs;
        c.maxCandidateEpochs = maxEpochs;
        return c;
    }

    private static void checkPhase(String phase, double fraction, int stagnation, int min, int max) {
        checkArgument(fraction > 0 && fraction < 1, "the %s change fraction must be in (0, 1), got %s", phase,
                fraction);
        checkArgument(stagnation >= 1, "the %s stagnation epochs must be at least 1, got %s", phase, stagnation);
        checkArgument(min >= 1 && max >= min, "the %s epochs need 1 <= min <= max, got min %s and max %s; raise the"
                + " max or lower the min", phase, min, max);
    }

    /**
     * Ends candidate training early once the best score exceeds {@code limit} times the error
     * ({@code fann_set_cascade_candidate_limit}).
     *
     * @param limit positive and finite; FANN's default 1000
     * @return a copy with that limit
     * @throws IllegalArgumentException if {@code limit} is not positive and finite
     */
    public CascadeTraining candidateLimit(double limit) {
        checkArgument(limit > 0 && Double.isFinite(limit), "candidate limit must be positive and finite, got %s",
                limit);
        CascadeTraining c = copy();
        c.candidateLimit = limit;
        return c;
    }

    /**
     * Scales the installed unit's trained output weights ({@code fann_set_cascade_weight_multiplier}).
     *
     * @param multiplier positive and finite; FANN's default 0.4
     * @return a copy with that multiplier
     * @throws IllegalArgumentException if {@code multiplier} is not positive and finite
     */
    public CascadeTraining weightMultiplier(double multiplier) {
        checkArgument(multiplier > 0 && Double.isFinite(multiplier), "weight multiplier must be positive and finite,"
                + " got %s", multiplier);
        CascadeTraining c = copy();
        c.weightMultiplier = multiplier;
        return c;
    }

    /**
     * How many candidates of each activation and steepness train ({@code fann_set_cascade_num_candidate_groups}).
     *
     * @param groups at least 1; FANN's default 2
     * @return a copy with that many groups
     * @throws IllegalArgumentException if {@code groups} is below 1
     */
    public CascadeTraining candidateGroups(int groups) {
        checkArgument(groups >= 1, "candidate groups must be at least 1, got %s", groups);
        CascadeTraining c = copy();
        c.candidateGroups = groups;
        return c;
    }

    /**
     * The candidates' activation functions ({@code fann_set_cascade_activation_functions}).
     *
     * @param functions at least one, each differentiable; FANN's default is its 10 smooth functions from
     *                  FANN_SIGMOID to FANN_COS
     * @return a copy with those functions
     * @throws IllegalArgumentException if the list is empty or holds a threshold
     */
    public CascadeTraining activationFunctions(List<Function> functions) {
        checkArgument(!functions.isEmpty(), "cascade training needs at least one candidate activation function");
        for (Function f : functions) {
            checkArgument(f != Function.THRESHOLD && f != Function.THRESHOLD_SYMMETRIC, "candidate activation %s has"
                    + " no derivative, so candidates cannot train with it; leave it out", f.fannName());
        }
        CascadeTraining c = copy();
        c.activationFunctions = ImmutableList.copyOf(functions);
        return c;
    }

    /**
     * The candidates' steepnesses ({@code fann_set_cascade_activation_steepnesses}).
     *
     * @param steepnesses at least one, each positive and finite; FANN's default 0.25, 0.5, 0.75, 1
     * @return a copy with those steepnesses
     * @throws IllegalArgumentException if there are none or one is not positive and finite
     */
    public CascadeTraining activationSteepnesses(double... steepnesses) {
        checkArgument(steepnesses.length > 0, "cascade training needs at least one candidate steepness");
        for (double s : steepnesses) {
            checkArgument(s > 0 && Double.isFinite(s), "candidate steepness must be positive and finite, got %s", s);
        }
        CascadeTraining c = copy();
        c.activationSteepnesses = steepnesses.clone();
        return c;
    }

    /**
     * Grows and trains a network on full batches of {@code inputs} and {@code targets}.
     *
     * @param inputs  one sample per row, finite values
     * @param targets one row of targets per sample
     * @param seed    draws the first output weights and every candidate's weights
     * @return the grown model with a report per added unit
     * @throws IllegalArgumentException if the data are empty, do not pair up, or hold a value that is not finite
     */
    public CascadeResult train(Matrix inputs, Matrix targets, long seed) {
        return train(inputs, targets, seed, neuron -> { });
    }

    /**
     * {@link #train(Matrix, Matrix, long)}, telling {@code listener} about each unit once the outputs have trained
     * with it (the place where FANN's cascade callback reports).
     *
     * @param inputs   one sample per row, finite values
     * @param targets  one row of targets per sample
     * @param seed     draws the first output weights and every candidate's weights
     * @param listener told about each added unit, in order
     * @return the grown model with a report per added unit
     * @throws IllegalArgumentException if the data are empty, do not pair up, or hold a value that is not finite
     */
    public CascadeResult train(Matrix inputs, Matrix targets, long seed, Consumer<CascadeNeuron> listener) {
        checkNotNull(inputs, "inputs");
        checkNotNull(targets, "targets");
        checkNotNull(listener, "listener");
        checkArgument(inputs.rows() > 0 && inputs.cols() > 0 && targets.cols() > 0, "cascade training needs at least"
                + " one sample with inputs and targets, got inputs %s and targets %s", inputs.shape(), targets.shape());
        checkArgument(inputs.rows() == targets.rows(), "cascade training got %s input rows but %s target rows; give"
                + " one row of targets per sample", inputs.rows(), targets.rows());
        checkFinite("inputs", inputs);
        checkFinite("targets", targets);
        return new CascadeTrainer(this, inputs, targets, seed, listener).run();
    }

    private static void checkFinite(String what, Matrix m) {
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("cascade training " + what + " row " + i / m.cols() + " column "
                        + i % m.cols() + " is " + d[i] + "; every value must be finite");
            }
        }
    }

    @Override
    public String toString() {
        return "CascadeTraining[maxNeurons=" + maxNeurons + ", desiredError=" + desiredError + ", stop=" + stopFunction
                + ", output=" + outputActivation + ", optimizer=" + optimizer.name() + ", candidates="
                + activationFunctions.size() * activationSteepnesses.length * candidateGroups + " ("
                + activationFunctions.size() + " functions x " + Arrays.toString(activationSteepnesses) + " x "
                + candidateGroups + " groups)]";
    }
}
