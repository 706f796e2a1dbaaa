package dev.synapse.core.engine;

/**
 * Which {@link Engine} {@link dev.synapse.core.Matrix} uses. Today that is always the {@link PureJavaEngine};
 * faster engines plug in behind the same interface.
 */
public final class Engines {

    private static final Engine CURRENT = PureJavaEngine.INSTANCE;

    private Engines() {}

    /** The engine in use. */
    public static Engine current() {
        return CURRENT;
    }
}
