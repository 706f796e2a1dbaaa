package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.EngineCheck;
import dev.synapse.core.engine.Engines;
import org.junit.jupiter.api.Test;

class VectorEngineTest {

    @Test
    void vectorEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(new VectorEngine());
    }

    @Test
    void serviceLoaderFindsTheVectorEngineAndPrefersIt() {
        assertThat(Engines.available().get(0).name()).isEqualTo("vector");
        assertThat(Engines.current().name()).isEqualTo("vector");
    }
}
