package dev.synapse.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EngineTest {

    @Test
    void pureJavaEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(PureJavaEngine.INSTANCE);
    }

    @Test
    void everyDiscoveredEngineMatchesTheReference() {
        for (Engine engine : Engines.available()) {
            if (engine != PureJavaEngine.INSTANCE) {
                EngineCheck.assertConforms(engine);
            }
        }
    }

    @Test
    void threadedPathSplitsOverMoreThreadsThanCoresAndStillAgrees() {
        int before = Engines.threads();
        try {
            Engines.setThreads(5);

            EngineCheck.assertLargeShapes(PureJavaEngine.INSTANCE);

            assertThat(Engines.threads()).isEqualTo(5);
        } finally {
            Engines.setThreads(before);
        }
    }

    @Test
    void tutorialShapesTakeTheSmallPathAndLargeOnesThePackedOrThreadedPath() {
        PackedEngine engine = PureJavaEngine.INSTANCE;

        assertThat(engine.pathFor(4, 4, 3)).isEqualTo(PackedEngine.Path.SMALL);
        assertThat(engine.pathFor(4, 1, 4)).isEqualTo(PackedEngine.Path.SMALL);
        assertThat(engine.pathFor(1024, 1024, 1024)).isIn(PackedEngine.Path.THREADED, PackedEngine.Path.PACKED);
        // Two columns: packing the long operand would cost more than the loops.
        assertThat(engine.pathFor(4062, 2, 32)).isEqualTo(PackedEngine.Path.SMALL);
    }

    @Test
    void pureJavaIsAlwaysAvailableAndTheCurrentEngineIsVisible() {
        assertThat(Engines.available()).contains(Engines.pureJava());
        assertThat(Engines.current()).isNotNull();
        assertThat(Engines.describe()).contains(Engines.current().name());
    }

    @Test
    void rejectsAThreadCountBelowOne() {
        assertThatThrownBy(() -> Engines.setThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void namesTheFlagWhenAnEngineIsMissing() {
        assertThatThrownBy(() -> Engines.named("no-such-engine"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdk.incubator.vector");
    }
}
