package dev.synapse.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Layer;
import dev.synapse.core.Matrix;
import dev.synapse.core.io.LayerConfig;
import dev.synapse.core.io.LayerFactory;
import dev.synapse.core.io.Registry;
import dev.synapse.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One model shared by many threads: a second fit is refused, and predict, evaluate and save never see a half-updated
 * set of weights. The model's optimizer moves every weight by the same amount in each step, so a consistent set of
 * weights always has all of them equal; a torn read would show two different values.
 */
class GuardedModelTest {

    private static final int WIDTH = 64;
    private static final Registry REGISTRY = new Registry().registerLayer("linear", new LayerFactory() {
        @Override
        public LayerConfig describe(Layer layer) {
            return LayerConfig.of("linear", layer.inputSize(), layer.outputSize(), null, false);
        }

        @Override
        public Layer create(LayerConfig config, Map<String, Matrix> parameters) {
            return new Fixtures.Linear(parameters.get("weights"));
        }
    }).registerLoss("sse", () -> Fixtures.SSE);

    @TempDir
    Path dir;

    /** 64 inputs → 1 output, every weight 0; each step adds 1e-3 to every weight, one after another. */
    private static Sequential uniformlyStepping(String name) {
        Sequential model = Sequential.builder().name(name).input(WIDTH).add(Fixtures.linear(1))
                .loss(Fixtures.SSE).optimizer(new dev.synapse.core.Optimizer() {
                    @Override
                    public String name() {
                        return "uniform";
                    }

                    @Override
                    public State start(List<dev.synapse.core.Parameter> parameters) {
                        return epoch -> {
                            double[] w = parameters.get(0).value().data();
                            for (int i = 0; i < w.length; i++) {
                                w[i] += 1e-3;
                            }
                        };
                    }
                }).seed(1).build();
        model.parameters().get(0).value().fill(0);
        return model;
    }

    private static Matrix ones(int rows) {
        return new Matrix(rows, WIDTH).fill(1);
    }

    /** With all-ones inputs, each output is the sum of the weights: 64·w when they are all equal. */
    private static void assertConsistent(double[] outputs) {
        for (double out : outputs) {
            double w = out / WIDTH;
            assertThat(Math.abs(w * 1000 - Math.rint(w * 1000))).as("output %s is 64 equal weights", out)
                    .isLessThan(1e-6);
        }
    }

    @Test
    void aSecondFitWhileOneRunsIsRefusedNamingTheModel() throws Exception {
        Sequential model = uniformlyStepping("xor");
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch refused = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Training untilRefused = Training.epochs(1_000_000).explosionFactor(Double.POSITIVE_INFINITY)
                    .listener(r -> {
                        training.countDown();
                        if (refused.getCount() == 0) {
                            r.stopTraining();
                        }
                    });
            Future<History> first = pool.submit(() -> model.fit(ones(4), new Matrix(4, 1), untilRefused));
            assertThat(training.await(60, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> model.fit(ones(4), new Matrix(4, 1), 1))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("model 'xor' is already training on thread '")
                    .hasMessageEndingWith("'; one model trains one fit at a time. Wait for that fit to return, or"
                            + " train a copy (Sequential.load of a saved model, or another build with the same seed).");
            refused.countDown();

            assertThat(first.get(60, TimeUnit.SECONDS).stopReason()).isEqualTo(History.StopReason.STOPPED_BY_LISTENER);
        } finally {
            pool.shutdownNow();
        }
        assertThat(model.fit(ones(4), new Matrix(4, 1), 1).epochs()).isEqualTo(1);
    }

    @Test
    void fitFromItsOwnListenerIsRefused() {
        Sequential model = uniformlyStepping("nested");

        assertThatThrownBy(() -> model.fit(ones(1), new Matrix(1, 1), Training.epochs(1)
                .listener(r -> model.fit(ones(1), new Matrix(1, 1), 1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("model 'nested' is already training on this thread (fit called from a"
                        + " listener?)");
    }

    @Test
    void modelsWithoutANameAreNamedAsKerasNamesThem() {
        assertThat(uniformlyStepping("given").name()).isEqualTo("given");
        assertThat(Sequential.builder().input(1).add(Fixtures.linear(1)).build().name()).startsWith("sequential");
    }

    @Test
    void sixteenThreadsPredictEvaluateAndSaveWhileTheModelTrainsAndNeverSeeHalfAStep() throws Exception {
        Sequential model = uniformlyStepping("shared");
        model.fit(ones(2), new Matrix(2, 1), 10);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            tasks.add(pool.submit(() -> model.fit(ones(8), new Matrix(8, 1), Training.epochs(20_000)
                    .explosionFactor(Double.POSITIVE_INFINITY))));
            for (int t = 0; t < 15; t++) {
                int kind = t % 3;
                Path file = dir.resolve("model-" + t + ".json");
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        if (kind == 0) {
                            assertConsistent(model.predict(ones(3)).data());
                        } else if (kind == 1) {
                            // SSE against 0 targets is the sum of the squared outputs, each 64·w
                            Metrics m = model.evaluate(ones(2), new Matrix(2, 1));
                            assertConsistent(new double[] {Math.sqrt(m.loss() / 2)});
                        } else if (i % 20 == 0) {
                            model.save(file, REGISTRY);
                            double[] w = Sequential.load(file, REGISTRY).parameters().get(0).value().data();
                            for (double x : w) {
                                assertThat(x).isEqualTo(w[0]);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double[] w = model.parameters().get(0).value().data();
        assertThat(w[0]).isEqualTo(w[WIDTH - 1]);
        assertThat(Files.list(dir).count()).isEqualTo(5);
    }
}
