package dev.synapse.core.model;

import static com.google.common.base.Preconditions.checkNotNull;

import dev.synapse.core.io.Registry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Saves the best model so far to a file during training — Keras' {@code ModelCheckpoint(save_best_only=True)}.
 * After every epoch whose monitored quantity improves, the model is written with the weights that value was measured
 * on, atomically ({@link Sequential#save(Path)}): the file always holds one whole model, the best one so far.
 *
 * <pre>{@code
 * model.fit(x, y, Training.epochs(100).validationSplit(0.1)
 *         .checkpoint(Checkpoint.bestTo(Path.of("best.json"))));           // best validation loss
 * Checkpoint.bestTo(Path.of("best.json")).monitor(Monitor.LOSS);
 * }</pre>
 *
 * <p>A failed write stops training: {@code fit} throws {@link UncheckedIOException} naming the file.
 */
public final class Checkpoint {

    private final Path path;
    private final Monitor monitor;
    private final Registry registry;

    private Checkpoint(Path path, Monitor monitor, Registry registry) {
        this.path = path;
        this.monitor = monitor;
        this.registry = registry;
    }

    /**
     * Saves the model with the best validation loss so far to {@code path}.
     *
     * @param path the model file, replaced each time the model improves
     * @return a checkpoint watching the validation loss
     */
    public static Checkpoint bestTo(Path path) {
        return new Checkpoint(checkNotNull(path, "checkpoint path"), Monitor.VALIDATION_LOSS, null);
    }

    /**
     * Judges "best" by {@code quantity} instead of the validation loss.
     *
     * @param quantity the quantity to judge by, e.g. {@code Monitor.VALIDATION_ACCURACY}
     * @return a copy of this checkpoint watching that quantity
     */
    public Checkpoint monitor(Monitor quantity) {
        return new Checkpoint(path, checkNotNull(quantity, "monitored quantity"), registry);
    }

    /**
     * Names the model's components through {@code names} instead of {@link Registry#global()}.
     *
     * @param names the registry the saved components are named through
     * @return a copy of this checkpoint saving through that registry
     */
    public Checkpoint registry(Registry names) {
        return new Checkpoint(path, monitor, checkNotNull(names, "registry"));
    }

    /**
     * The file the best model is saved to.
     *
     * @return the file's path, as given
     */
    public Path path() {
        return path;
    }

    /**
     * The quantity that decides which model is best.
     *
     * @return the watched quantity; the validation loss unless set
     */
    public Monitor monitor() {
        return monitor;
    }

    /** The listener that saves for one run of {@code model}. */
    TrainingListener start(Sequential model, WeightSnapshots weights) {
        WeightSnapshots.Snapshot kept = weights.newSnapshot();
        WeightSnapshots.Snapshot scratch = weights.newSnapshot();
        return new TrainingListener() {
            private double best = Double.NaN;

            @Override
            public void onEpoch(EpochReport report) {
                double value = monitor.valueIn(report);
                if (!monitor.improves(value, best, 0)) {
                    return;
                }
                best = value;
                weights.keep(kept, monitor, report.epoch());
                try {
                    weights.with(kept, scratch, () -> model.save(path, registry == null ? Registry.global() : registry));
                } catch (IOException e) {
                    throw new UncheckedIOException("checkpoint after epoch " + report.epoch() + " could not save the"
                            + " model to " + path + ": " + e.getMessage() + "; training stopped", e);
                }
            }
        };
    }

    @Override
    public String toString() {
        return "Checkpoint[" + path + ", monitor=" + monitor.label() + "]";
    }
}
