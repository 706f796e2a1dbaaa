package dev.synapse.cli;

import dev.synapse.core.model.EpochReport;
import dev.synapse.core.model.TrainingListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hears every epoch; prints FANN's report lines at epochs 1, N, 2N, ... and the last (fann_train_on_data's
 * schedule), and keeps a progress bar current on a terminal.
 */
final class TrainingProgress implements TrainingListener, AutoCloseable {

    private final PrintWriter out;
    private final ProgressBar bar;
    private final int reportEvery;
    private final int maxEpochs;
    private final List<EpochReport> last = new ArrayList<>(1);
    private int printed;
    /** {@link System#nanoTime()} when epoch 1 and the first epoch of the timed second half started. */
    private final long started = System.nanoTime();
    private long secondHalfStarted;

    /**
     * Prints to {@code out} at epochs 1, {@code reportEvery}, 2·{@code reportEvery}, ... (none for 0) of at most
     * {@code maxEpochs}, and draws {@code bar} when it is not null.
     */
    TrainingProgress(PrintWriter out, ProgressBar bar, int reportEvery, int maxEpochs) {
        this.out = out;
        this.bar = bar;
        this.reportEvery = reportEvery;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void onEpoch(EpochReport report) {
        if (report.epoch() == maxEpochs / 2) {
            secondHalfStarted = System.nanoTime();
        }
        last.clear();
        last.add(report);
        // The bar learns the epoch before a report line is printed above it, so both show the same epoch.
        if (bar != null) {
            bar.record(report.epoch(), report.loss(), report.bitFails());
        }
        if (reportEvery > 0 && (report.epoch() == 1 || report.epoch() % reportEvery == 0)) {
            print(report);
        } else if (bar != null) {
            bar.refresh();
        }
    }

    private void print(EpochReport report) {
        String line = String.format(Locale.ROOT, "Epochs     %8d. Current error: %.10f. Bit fail %d.",
                report.epoch(), report.loss(), report.bitFails());
        if (report.validation().isPresent()) {
            line += String.format(Locale.ROOT, " Validation error: %.10f.", report.validationLoss());
        }
        if (bar != null) {
            bar.println(line);
        } else {
            out.println(line);
            out.flush();
        }
        printed = report.epoch();
    }

    /** The --timing line; the second half is timed only when training ran all --max-epochs. */
    void printTiming() {
        long now = System.nanoTime();
        int epochs = last.isEmpty() ? 0 : last.get(0).epoch();
        String line = String.format(Locale.ROOT, "Timing: %d epochs in %.1f ms", epochs, (now - started) / 1e6);
        if (epochs == maxEpochs && maxEpochs >= 2) {
            line += String.format(Locale.ROOT, "; epochs %d-%d: %.4f ms per epoch", maxEpochs / 2 + 1,
                    maxEpochs, (now - secondHalfStarted) / 1e6 / (maxEpochs - maxEpochs / 2));
        }
        out.println(line + ".");
    }

    /** FANN reports the epoch training stopped at, too. */
    void finish() {
        if (reportEvery > 0 && !last.isEmpty() && last.get(0).epoch() != printed) {
            print(last.get(0));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
