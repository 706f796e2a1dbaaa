package dev.synapse.core.model;

import java.util.Arrays;

/**
 * The loss of every epoch of one {@link Sequential#fit} call, in order, and why training stopped.
 */
public final class History {

    /** Why a {@link Sequential#fit} call ended. */
    public enum StopReason {
        /** The maximum number of epochs ran. */
        MAX_EPOCHS,
        /** An epoch's loss reached the target loss. */
        TARGET_LOSS_REACHED,
        /** An epoch's bit-fail count fell to the limit of {@link Training#stopWhenBitFailsAtMost(int)}. */
        BIT_FAILS_REACHED
    }

    private final double[] losses;
    private final StopReason stopReason;

    History(double[] losses, int epochs, StopReason stopReason) {
        this.losses = Arrays.copyOf(losses, epochs);
        this.stopReason = stopReason;
    }

    /** The number of epochs trained. */
    public int epochs() {
        return losses.length;
    }

    /** The loss of {@code epoch} (1-based), computed from that epoch's forward passes. */
    public double loss(int epoch) {
        if (epoch < 1 || epoch > losses.length) {
            throw new IndexOutOfBoundsException("epoch " + epoch + " is outside 1.." + losses.length);
        }
        return losses[epoch - 1];
    }

    /** The loss of the last epoch. */
    public double finalLoss() {
        if (losses.length == 0) {
            throw new IllegalStateException("no epoch was trained");
        }
        return losses[losses.length - 1];
    }

    /** A copy of all losses; element i belongs to epoch i + 1. */
    public double[] losses() {
        return losses.clone();
    }

    public StopReason stopReason() {
        return stopReason;
    }

    @Override
    public String toString() {
        return "History[epochs=" + losses.length + ", stop=" + stopReason
                + (losses.length > 0 ? ", final loss=" + finalLoss() : "") + "]";
    }
}
