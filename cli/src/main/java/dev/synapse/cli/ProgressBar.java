package dev.synapse.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line at the bottom of a terminal, redrawn in place with a carriage return:
 * {@code [#########-----------]  45%  epoch 4500/10000  error 0.0000123456  bit fail 0}. Lines printed through
 * {@link #println} appear above it. Redraws at most every 100 ms, so a fast training is not slowed by the terminal.
 */
final class ProgressBar implements AutoCloseable {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final int total;
    private long lastDraw = Long.MIN_VALUE;
    private String line = "";
    private int epoch;
    private double error;
    private long bitFails;

    ProgressBar(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    /** Records an epoch's figures; redraws if the last drawing is old enough or this is the last epoch. */
    void update(int epoch, double error, long bitFails) {
        this.epoch = epoch;
        this.error = error;
        this.bitFails = bitFails;
        long now = System.nanoTime();
        if (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS || epoch == total) {
            draw();
            lastDraw = now;
        }
    }

    /** Prints a line above the bar: clears the bar, prints, draws the bar again below. */
    void println(String text) {
        clear();
        out.println(text);
        draw();
    }

    /** Draws the final state and moves below the bar. */
    @Override
    public void close() {
        if (epoch > 0) {
            draw();
            out.println();
            out.flush();
        }
    }

    static String render(int epoch, int total, double error, long bitFails) {
        int filled = (int) ((long) WIDTH * epoch / total);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  epoch %d/%d  error %.10f  bit fail %d",
                "#".repeat(filled), "-".repeat(WIDTH - filled), (int) (100L * epoch / total), epoch, total, error,
                bitFails);
    }

    private void draw() {
        if (epoch == 0) {
            return;
        }
        clear();
        line = render(epoch, total, error, bitFails);
        out.print(line);
        out.flush();
    }

    private void clear() {
        if (!line.isEmpty()) {
            out.print("\r" + " ".repeat(line.length()) + "\r");
            line = "";
        }
    }
}
