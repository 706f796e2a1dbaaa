package dev.synapse.core.io;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSortedSet;
import dev.synapse.core.Loss;
import dev.synapse.core.RowActivation;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Maps the names a model file stores to factories that rebuild the components: activations, layer types and
 * losses. A file only ever names components; loading never runs code the file names.
 *
 * <pre>{@code
 * Registry.global().registerActivation("softsign", args -> new Softsign());   // once, at start-up
 * Sequential model = Sequential.load(Path.of("model.json"));
 *
 * Registry mine = Registry.withBuiltIns().registerActivation("softsign", args -> new Softsign());
 * Sequential other = Sequential.load(Path.of("model.json"), mine);           // without touching the global one
 * }</pre>
 *
 * <p>The built-ins come from the {@link ComponentProvider}s on the classpath (one per module: activations, layers,
 * losses), found through {@link ServiceLoader}. Registering a name again replaces its factory. Thread-safe.
 */
public final class Registry {

    private final Map<String, ActivationFactory> activations = new ConcurrentHashMap<>();
    private final Map<String, Function<Map<String, Double>, ? extends RowActivation>> rowActivations =
            new ConcurrentHashMap<>();
    private final Map<String, LayerFactory> layers = new ConcurrentHashMap<>();
    private final Map<String, Supplier<? extends Loss>> losses = new ConcurrentHashMap<>();

    /** An empty registry; see {@link #withBuiltIns()} for one that knows the built-ins. */
    public Registry() {}

    /**
     * The registry {@code save} and {@code load} use unless given another: the built-ins plus what users add.
     *
     * @return the shared registry; what is registered there is seen by every later save and load
     */
    public static Registry global() {
        return Global.INSTANCE;
    }

    private static final class Global {
        static final Registry INSTANCE = withBuiltIns();
    }

    /**
     * A new registry holding every component the {@link ComponentProvider}s on the classpath register.
     *
     * @return a new registry, independent of {@link #global()}
     */
    public static Registry withBuiltIns() {
        Registry registry = new Registry();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (ComponentProvider provider : ServiceLoader.load(ComponentProvider.class,
                loader != null ? loader : Registry.class.getClassLoader())) {
            provider.register(registry);
        }
        return registry;
    }

    /**
     * Registers (or replaces) the factory for activations named {@code name}, as {@link
     * dev.synapse.core.Activation#name()} returns it.
     *
     * @param name the activation's name, non-blank
     * @param factory builds the activation from its saved arguments
     * @return this registry
     */
    public Registry registerActivation(String name, ActivationFactory factory) {
        activations.put(checkName(name, "activation"), checkNotNull(factory, "factory for activation '%s'", name));
        // One name means one activation in a file: an element-wise one replaces a row-wise one of the same name.
        rowActivations.remove(name);
        return this;
    }

    /**
     * Registers (or replaces) the factory for row-wise activations named {@code name}, as {@link RowActivation#name()}
     * returns it, e.g. {@code registerRowActivation("softmax", args -> Activations.softmax())}. Files store both kinds
     * of activation alike, so this also replaces an element-wise activation of the same name.
     *
     * @param name the activation's name, non-blank
     * @param factory builds the activation from its saved arguments
     * @return this registry
     */
    public Registry registerRowActivation(String name, Function<Map<String, Double>, ? extends RowActivation> factory) {
        rowActivations.put(checkName(name, "activation"),
                checkNotNull(factory, "factory for row activation '%s'", name));
        activations.remove(name);
        return this;
    }

    /**
     * Registers (or replaces) the factory for layers of type {@code type}, as {@link dev.synapse.core.Layer#type()}
     * returns it.
     *
     * @param type the layer type, non-blank
     * @param factory describes layers of that type and builds them again
     * @return this registry
     */
    public Registry registerLayer(String type, LayerFactory factory) {
        layers.put(checkName(type, "layer type"), checkNotNull(factory, "factory for layer type '%s'", type));
        return this;
    }

    /**
     * Registers (or replaces) the factory for losses named {@code name}, as {@link Loss#name()} returns it.
     *
     * @param name the loss' name, non-blank
     * @param factory gives the loss
     * @return this registry
     */
    public Registry registerLoss(String name, Supplier<? extends Loss> factory) {
        losses.put(checkName(name, "loss"), checkNotNull(factory, "factory for loss '%s'", name));
        return this;
    }

    private static String checkName(String name, String what) {
        checkArgument(name != null && !name.isBlank(), "the %s name must not be blank, got '%s'", what, name);
        return name;
    }

    /**
     * The factory of the element-wise activation named {@code name}, if one is registered.
     *
     * @param name an activation's name
     * @return its factory, or empty
     */
    public Optional<ActivationFactory> activation(String name) {
        return Optional.ofNullable(activations.get(name));
    }

    /**
     * The factory of the row-wise activation named {@code name} (such as softmax), if one is registered.
     *
     * @param name a row-wise activation's name
     * @return its factory, or empty
     */
    public Optional<Function<Map<String, Double>, ? extends RowActivation>> rowActivation(String name) {
        return Optional.ofNullable(rowActivations.get(name));
    }

    /**
     * The factory of the layer type {@code type}, if one is registered.
     *
     * @param type a layer type
     * @return its factory, or empty
     */
    public Optional<LayerFactory> layer(String type) {
        return Optional.ofNullable(layers.get(type));
    }

    /**
     * The factory of the loss named {@code name}, if one is registered.
     *
     * @param name a loss' name
     * @return its factory, or empty
     */
    public Optional<Supplier<? extends Loss>> loss(String name) {
        return Optional.ofNullable(losses.get(name));
    }

    /**
     * The registered activation names, element-wise and row-wise, sorted.
     *
     * @return the names, a sorted copy
     */
    public Set<String> activationNames() {
        return ImmutableSortedSet.<String>naturalOrder().addAll(activations.keySet()).addAll(rowActivations.keySet())
                .build();
    }

    /**
     * The registered layer types, sorted.
     *
     * @return the types, a sorted copy
     */
    public Set<String> layerTypes() {
        return ImmutableSortedSet.copyOf(layers.keySet());
    }

    /**
     * The registered loss names, sorted.
     *
     * @return the names, a sorted copy
     */
    public Set<String> lossNames() {
        return ImmutableSortedSet.copyOf(losses.keySet());
    }

    @Override
    public String toString() {
        return "Registry[activations=" + activationNames() + ", layers=" + layerTypes() + ", losses=" + lossNames()
                + "]";
    }
}
