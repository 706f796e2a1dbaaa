package dev.synapse.core.io;

import dev.synapse.core.Activation;
import dev.synapse.core.Layer;
import dev.synapse.core.Loss;
import dev.synapse.core.Matrix;
import dev.synapse.core.Parameter;
import dev.synapse.core.Precision;
import dev.synapse.core.RowActivation;
import dev.synapse.core.data.Scaler;
import dev.synapse.core.io.ModelFileException.Reason;
import dev.synapse.core.io.RawModel.RawLayer;
import dev.synapse.core.io.RawModel.RawWeight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds a validated {@link RawModel} into a {@link StoredModel} through a {@link Registry}: first every name the
 * file uses must be registered, then each layer is rebuilt by its type's {@link LayerFactory} and checked against
 * what the file declares (widths, parameter names, order and shapes). A new layer kind needs nothing here: it is a
 * factory registered under its type name.
 */
final class ModelAssembler {

    private final String name;
    private final RawModel model;
    private final Registry registry;

    private ModelAssembler(String name, RawModel model, Registry registry) {
        this.name = name;
        this.model = model;
        this.registry = registry;
    }

    /**
     * The model {@code model} describes, with the scalers {@link RawModelCheck} validated.
     *
     * @throws ModelFileException if a name is not registered or a factory refuses what the file gives
     */
    static StoredModel assemble(String name, RawModel model, RawModelCheck checked, Registry registry)
            throws ModelFileException {
        ModelAssembler assembler = new ModelAssembler(name, model, registry);
        assembler.resolveNames();
        return assembler.build(checked.inputScaler(), checked.targetScaler());
    }

    /** Every name the file uses must be registered; checked before anything is built. */
    private void resolveNames() throws ModelFileException {
        for (int l = 0; l < model.layers.size(); l++) {
            RawLayer layer = model.layers.get(l);
            if (registry.layer(layer.type()).isEmpty()) {
                throw unknown("layer " + l + " has type '" + layer.type() + "', which is not registered",
                        registry.layerTypes(), "synapse-layers",
                        "Registry.global().registerLayer(\"" + layer.type() + "\", factory)");
            }
            if (layer.activation() != null && registry.activation(layer.activation()).isEmpty()
                    && registry.rowActivation(layer.activation()).isEmpty()) {
                throw unknown("layer " + l + " (" + layer.type() + ") uses activation '" + layer.activation()
                        + "', which is not registered", registry.activationNames(), "synapse-activations",
                        "Registry.global().registerActivation(\"" + layer.activation() + "\", args -> ...)");
            }
        }
        if (model.loss != null && registry.loss(model.loss).isEmpty()) {
            throw unknown("the model's loss '" + model.loss + "' is not registered", registry.lossNames(),
                    "synapse-losses", "Registry.global().registerLoss(\"" + model.loss + "\", () -> ...)");
        }
    }

    private ModelFileException unknown(String problem, Set<String> known, String module, String registration) {
        String knownText = known.isEmpty()
                ? "none is registered: is " + module + " on the classpath?"
                : "known: " + String.join(", ", known);
        return new ModelFileException(name, Reason.UNKNOWN_COMPONENT, problem + " (" + knownText + "). Register it"
                + " before loading with " + registration + ", or pass a Registry that knows it to"
                + " Sequential.load(path, registry)");
    }

    /** The file's {@code model.precision}: float64 when absent (versions 1 and 2 have none). */
    private Precision precision() throws ModelFileException {
        if (model.precision == null) {
            return Precision.FLOAT64;
        }
        if (!"3".equals(model.version)) {
            throw inconsistent("the model's precision is \"" + model.precision + "\", but format version "
                    + model.version + " has no precision field (version 3 added it); the file was edited");
        }
        try {
            return Precision.ofLabel(model.precision);
        } catch (IllegalArgumentException e) {
            throw inconsistent("the model's precision is \"" + model.precision + "\"; expected \"float64\" or"
                    + " \"float32\"", e);
        }
    }

    private StoredModel build(Scaler inputScaler, Scaler targetScaler) throws ModelFileException {
        Precision precision = precision();
        List<Layer> built = new ArrayList<>();
        int width = model.inputSize;
        for (int l = 0; l < model.layers.size(); l++) {
            RawLayer raw = model.layers.get(l);
            String what = "layer " + l + " (" + raw.type() + ")";
            boolean rowWise = raw.activation() != null && registry.activation(raw.activation()).isEmpty();
            Activation activation = raw.activation() == null || rowWise ? null : activation(raw, what);
            RowActivation rowActivation = rowWise ? rowActivation(raw, what) : null;
            Map<String, Matrix> parameters = new LinkedHashMap<>();
            Map<String, Matrix> constants = new LinkedHashMap<>();
            for (RawWeight w : model.weights) {
                if (w.layer() == l) {
                    (w.constant() ? constants : parameters).put(w.name(), Matrix.wrap(w.shape()[0], w.shape()[1],
                            Arrays.copyOf(w.values(), w.count())));
                }
            }
            Layer layer;
            try {
                LayerConfig config = new LayerConfig(raw.type(), width, raw.units(), activation, raw.bias(),
                        raw.arguments(), constants, rowActivation);
                layer = registry.layer(raw.type()).orElseThrow().create(config, parameters);
                // The weights were read as the doubles they were written as; a float32 file's convert back exactly.
                layer = layer == null ? null : layer.withPrecision(precision);
            } catch (RuntimeException e) {
                // A registered factory refused the settings; whatever it threw, the file does not fit it.
                throw inconsistent(what + ": " + e.getMessage(), e);
            }
            if (layer == null || layer.inputSize() != width || layer.outputSize() != raw.units()) {
                throw inconsistent(what + " was rebuilt " + (layer == null ? "as null" : "with " + layer.inputSize()
                        + " inputs and " + layer.outputSize() + " outputs") + ", but the file declares " + width
                        + " inputs (from " + (l == 0 ? "the input size" : "layer " + (l - 1)) + ") and "
                        + raw.units() + " units");
            }
            List<String> declared = new ArrayList<>();
            parameters.forEach((name, m) -> declared.add(name + " " + m.shape()));
            List<String> actual = new ArrayList<>();
            for (Parameter p : layer.parameters()) {
                actual.add(p.name() + " " + p.value().shape());
            }
            if (!declared.equals(actual)) {
                throw inconsistent(what + " has parameters " + actual + " but the file gives " + declared);
            }
            built.add(layer);
            width = raw.units();
        }
        Loss lossFunction = null;
        if (model.loss != null) {
            Supplier<? extends Loss> factory = registry.loss(model.loss).orElseThrow();
            lossFunction = factory.get();
            if (lossFunction == null) {
                throw inconsistent("the factory registered for loss '" + model.loss + "' returned null");
            }
        }
        if (lossFunction != null) {
            // The architecture is not hashed: an edited file can pair a loss with an output it cannot follow.
            Layer last = built.get(built.size() - 1);
            try {
                lossFunction.checkOutput("layer " + (built.size() - 1) + " (" + last.type() + ")",
                        last.outputActivation());
            } catch (IllegalStateException e) {
                throw inconsistent(e.getMessage(), e);
            }
        }
        try {
            return new StoredModel(model.inputSize, built, lossFunction, inputScaler, targetScaler);
        } catch (IllegalArgumentException e) {
            throw inconsistent(e.getMessage());
        }
    }

    private Activation activation(RawLayer raw, String what) throws ModelFileException {
        Activation activation = rebuild(raw, what, registry.activation(raw.activation()).orElseThrow()::create);
        checkArgumentsTaken(raw, what, activation.arguments());
        return activation;
    }

    private RowActivation rowActivation(RawLayer raw, String what) throws ModelFileException {
        RowActivation activation = rebuild(raw, what, registry.rowActivation(raw.activation()).orElseThrow());
        checkArgumentsTaken(raw, what, activation.arguments());
        return activation;
    }

    private <T> T rebuild(RawLayer raw, String what, Function<Map<String, Double>, ? extends T> factory)
            throws ModelFileException {
        T activation;
        try {
            activation = factory.apply(raw.activationArguments());
        } catch (RuntimeException e) {
            throw inconsistent("the activation '" + raw.activation() + "' of " + what + " refuses the arguments "
                    + raw.activationArguments() + ": " + e.getMessage(), e);
        }
        if (activation == null) {
            throw inconsistent("the factory registered for activation '" + raw.activation() + "' returned null");
        }
        return activation;
    }

    private void checkArgumentsTaken(RawLayer raw, String what, Map<String, Double> taken) throws ModelFileException {
        for (Map.Entry<String, Double> a : raw.activationArguments().entrySet()) {
            if (!a.getValue().equals(taken.get(a.getKey()))) {
                throw inconsistent("the activation '" + raw.activation() + "' of " + what + " was rebuilt with"
                        + " arguments " + new TreeMap<>(taken) + ", but the file gives " + raw.activationArguments()
                        + "; the factory registered for it ignores or changes '" + a.getKey() + "'");
            }
        }
    }

    private ModelFileException inconsistent(String problem) {
        return ModelFileException.inconsistent(name, problem, null);
    }

    private ModelFileException inconsistent(String problem, Throwable cause) {
        return ModelFileException.inconsistent(name, problem, cause);
    }
}
