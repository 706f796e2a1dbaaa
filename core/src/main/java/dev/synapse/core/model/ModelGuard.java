package dev.synapse.core.model;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps one model's readers from seeing half-updated weights and its trainings from overlapping. Each optimizer
 * step (and each restore of kept weights) holds the write lock; {@code predict}, {@code evaluate} and {@code save}
 * hold the read lock while they read parameters, so they see the weights as of a completed step. A second
 * {@code fit} while one runs is refused rather than queued: two trainings interleaving their steps would ruin the
 * model either way.
 */
final class ModelGuard {

    private final String modelName;
    private final Lock readLock;
    private final Lock writeLock;
    /** The thread running {@code fit}, or null. */
    private final AtomicReference<Thread> trainer = new AtomicReference<>();

    ModelGuard(String modelName) {
        this.modelName = modelName;
        ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        this.readLock = lock.readLock();
        this.writeLock = lock.writeLock();
    }

    /**
     * Marks the model as training on this thread.
     *
     * @throws IllegalStateException if a {@code fit} of this model is already running
     */
    void startTraining() {
        Thread current = Thread.currentThread();
        if (!trainer.compareAndSet(null, current)) {
            Thread other = trainer.get();
            throw new IllegalStateException("model '" + modelName + "' is already training"
                    + (other == null ? "" : other == current ? " on this thread (fit called from a listener?)"
                            : " on thread '" + other.getName() + "'")
                    + "; one model trains one fit at a time. Wait for that fit to return, or train a copy"
                    + " (Sequential.load of a saved model, or another build with the same seed).");
        }
    }

    void finishTraining() {
        trainer.set(null);
    }

    void lockForUpdate() {
        writeLock.lock();
    }

    void unlockAfterUpdate() {
        writeLock.unlock();
    }

    void lockForReading() {
        readLock.lock();
    }

    void unlockAfterReading() {
        readLock.unlock();
    }
}
