package dev.synapse.fann;

import dev.synapse.activations.Activations;
import dev.synapse.activations.FannActivation;
import dev.synapse.activations.FannActivation.Function;
import dev.synapse.activations.FannActivations;
import dev.synapse.core.Activation;
import java.util.Optional;

/**
 * FANN's activation codes (the {@code fann_activationfunc_enum} numbers a {@code .net} file stores) and the
 * Synapse activations they become.
 */
final class FannFunctions {

    /** FANN 2.2's {@code FANN_ACTIVATIONFUNC_NAMES}, indexed by the code a file stores. */
    private static final String[] NAMES = {"FANN_LINEAR", "FANN_THRESHOLD", "FANN_THRESHOLD_SYMMETRIC",
        "FANN_SIGMOID", "FANN_SIGMOID_STEPWISE", "FANN_SIGMOID_SYMMETRIC", "FANN_SIGMOID_SYMMETRIC_STEPWISE",
        "FANN_GAUSSIAN", "FANN_GAUSSIAN_SYMMETRIC", "FANN_GAUSSIAN_STEPWISE", "FANN_ELLIOT",
        "FANN_ELLIOT_SYMMETRIC", "FANN_LINEAR_PIECE", "FANN_LINEAR_PIECE_SYMMETRIC", "FANN_SIN_SYMMETRIC",
        "FANN_COS_SYMMETRIC", "FANN_SIN", "FANN_COS"};

    private FannFunctions() {}

    /** FANN's name of code {@code code}, or "code N" for a number FANN does not know. */
    static String name(int code) {
        return code >= 0 && code < NAMES.length ? NAMES[code] : "code " + code;
    }

    /**
     * The activation FANN computes for {@code code} at {@code steepness}; a fixed-point network computes what
     * libfixedfann's {@code fann_run} does: the sigmoids stepwise, linear and linear-piece without steepness.
     *
     * @return empty for a code Synapse cannot compute that way (FANN_GAUSSIAN_STEPWISE, which FANN 2.2 computes
     *         as 0, an unknown code, or a function libfixedfann cannot run)
     */
    static Optional<FannActivation> activation(int code, double steepness, boolean fixedPoint) {
        if (code < 0 || code >= NAMES.length || code == 9) {
            return Optional.empty();
        }
        Function function = function(NAMES[code]);
        if (!fixedPoint) {
            return Optional.of(FannActivations.of(function, steepness));
        }
        return switch (function) {
            case SIGMOID, SIGMOID_STEPWISE -> Optional.of(FannActivations.sigmoidStepwise(steepness));
            case SIGMOID_SYMMETRIC, SIGMOID_SYMMETRIC_STEPWISE ->
                Optional.of(FannActivations.sigmoidSymmetricStepwise(steepness));
            case THRESHOLD, THRESHOLD_SYMMETRIC -> Optional.of(FannActivations.of(function, steepness));
            case LINEAR, LINEAR_PIECE, LINEAR_PIECE_SYMMETRIC -> Optional.of(FannActivations.of(function, 1.0));
            default -> Optional.empty();
        };
    }

    /**
     * The FANN code and steepness of {@code activation}: a {@link FannActivation}, or one of the three plain
     * activations that equal a FANN function (sigmoid = FANN_SIGMOID at 0.5, tanh = FANN_SIGMOID_SYMMETRIC at 1,
     * identity = FANN_LINEAR at 1).
     *
     * @return empty for an activation FANN has no function for
     */
    static Optional<Coded> code(Activation activation) {
        if (activation instanceof FannActivation fann) {
            for (int code = 0; code < NAMES.length; code++) {
                if (NAMES[code].equals(fann.function().fannName())) {
                    return Optional.of(new Coded(code, fann.steepness()));
                }
            }
        }
        if (same(activation, Activations.sigmoid())) {
            return Optional.of(new Coded(3, 0.5));
        }
        if (same(activation, Activations.tanh())) {
            return Optional.of(new Coded(5, 1.0));
        }
        if (same(activation, Activations.identity())) {
            return Optional.of(new Coded(0, 1.0));
        }
        return Optional.empty();
    }

    /** The same built-in: its class, not only its name, since a user's activation may share a name. */
    private static boolean same(Activation a, Activation builtIn) {
        return a.getClass() == builtIn.getClass() && a.name().equals(builtIn.name());
    }

    /** A FANN activation code with its steepness. */
    record Coded(int code, double steepness) {}

    private static Function function(String fannName) {
        for (Function f : Function.values()) {
            if (f.fannName().equals(fannName)) {
                return f;
            }
        }
        throw new IllegalStateException("FannActivation.Function has no " + fannName);
    }
}
