package dev.synapse.engine.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.synapse.core.engine.EngineCheck;
import dev.synapse.core.engine.Engines;
import dev.synapse.core.engine.PackedEngine;
import org.junit.jupiter.api.Test;

class VectorEngineTest {

    @Test
    void vectorEngineMatchesTheReferenceOnEveryShapeFormAndPath() {
        EngineCheck.assertConforms(new VectorEngine());
    }

    @Test
    void anOutputLayerNarrowerThanOneTileTakesTheSwappedProduct() {
        VectorEngine engine = new VectorEngine();
        // W3's output layer and its weight gradient: 10 columns against a tile of 2 vectors.
        if (engine.tileColumns() > 10) {
            assertThat(engine.pathFor(64, 10, 128)).isEqualTo(PackedEngine.Path.SWAPPED);
            assertThat(engine.pathFor(128, 10, 64)).isEqualTo(PackedEngine.Path.SWAPPED);
        } else {
            assertThat(engine.pathFor(64, 10, 128)).isIn(PackedEngine.Path.PACKED, PackedEngine.Path.THREADED);
        }
    }

    @Test
    void serviceLoaderFindsTheVectorEngineAndPrefersIt() {
        assertThat(Engines.available().get(0).name()).isEqualTo("vector");
        assertThat(Engines.current().name()).isEqualTo("vector");
    }
}
