package dev.synapse.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line at the bottom of a terminal, redrawn in place with a carriage return:
 * {@code [#########-----------]  45%  epoch 4500/10000  error 0.0000123456  bit fail 0}. Lines printed through
 * {@link #println} appear above it. Redraws at most every 100 ms, so a fast training is not slowed by the terminal.
 *
 * <p>The line never reaches the terminal's last column: a line that wraps leaves its first row behind at every
 * redraw, since a carriage return goes back only to the start of the current row. So the bar narrows, then the
 * text is cut, to fit {@code columns - 1} characters. Each state is drawn once: the final bar appears once.
 */
final class ProgressBar implements AutoCloseable {

    /** Terminal width assumed when it cannot be found out: a VT100's, still the default of most terminals. */
    static final int DEFAULT_COLUMNS = 80;

    private static final int BAR_WIDTH = 30;
    private static final int MIN_BAR_WIDTH = 10;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final int total;
    private final int columns;
    private long lastDraw = Long.MIN_VALUE;
    private String line = "";
    private int epoch;
    private double error;
    private long bitFails;
    /** The epoch whose state is on the screen, or 0 if none is. */
    private int drawnEpoch;

    ProgressBar(PrintWriter out, int total, int columns) {
        this.out = out;
        this.total = total;
        this.columns = columns > 1 ? columns : DEFAULT_COLUMNS;
    }

    /** Records an epoch's figures without drawing them: {@link #refresh} or {@link #println} draws. */
    void record(int epoch, double error, long bitFails) {
        this.epoch = epoch;
        this.error = error;
        this.bitFails = bitFails;
    }

    /** Draws the recorded figures if the last drawing is old enough. */
    void refresh() {
        long now = System.nanoTime();
        if (lastDraw == Long.MIN_VALUE || now - lastDraw >= REDRAW_NANOS) {
            draw();
            lastDraw = now;
        }
    }

    /** Prints a line above the bar: clears the bar, prints, draws the bar (with the recorded figures) below. */
    void println(String text) {
        clear();
        out.println(text);
        draw();
    }

    /** Draws the final state unless it is already on the screen, and moves below the bar. */
    @Override
    public void close() {
        if (epoch > 0) {
            if (drawnEpoch != epoch) {
                draw();
            }
            out.println();
            out.flush();
        }
    }

    /** The bar's text for these figures, at most {@code columns - 1} characters. */
    static String render(int epoch, int total, double error, long bitFails, int columns) {
        String figures = String.format(Locale.ROOT, " %3d%%  epoch %d/%d  error %.10f  bit fail %d",
                (int) (100L * epoch / total), epoch, total, error, bitFails);
        int room = columns - 1;
        int width = Math.max(MIN_BAR_WIDTH, Math.min(BAR_WIDTH, room - 2 - figures.length()));
        int filled = (int) ((long) width * epoch / total);
        String text = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]" + figures;
        return text.length() <= room ? text : text.substring(0, Math.max(0, room));
    }

    private void draw() {
        if (epoch == 0) {
            return;
        }
        clear();
        line = render(epoch, total, error, bitFails, columns);
        out.print(line);
        out.flush();
        drawnEpoch = epoch;
    }

    private void clear() {
        if (!line.isEmpty()) {
            out.print("\r" + " ".repeat(line.length()) + "\r");
            line = "";
            drawnEpoch = 0;
        }
    }
}
