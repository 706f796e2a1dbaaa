package dev.synapse.core.engine;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs each test with two engine threads and the workers in use, then restores the thread count the JVM had, so
 * that tests of threaded paths neither depend on the machine's cores nor leave a setting behind:
 * {@code @ExtendWith(TwoThreads.class)}.
 */
public final class TwoThreads implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TwoThreads.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("threads", Engines.threads());
        Engines.setThreads(2);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Engines.useWorkers(true);
        Engines.setThreads(context.getStore(NAMESPACE).get("threads", Integer.class));
    }
}
