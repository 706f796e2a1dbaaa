package dev.synapse.cli;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Whether standard output is a terminal a person watches, so a progress bar may redraw itself there, and its width. */
final class Terminals {

    private Terminals() {}

    /**
     * Up to Java 21 {@code System.console()} is null unless standard input and output are a terminal; from Java 22 on
     * it also exists for redirected streams, and {@code Console.isTerminal()} (not in Java 17's API, so looked up
     * by name) tells them apart.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return true;    // Java 17 to 21: a console exists only for a terminal
        }
    }

    /**
     * The terminal's width in columns: {@code COLUMNS} when the shell exports it, else what {@code stty size} says
     * of the controlling terminal (Java has no API for it), else {@link ProgressBar#DEFAULT_COLUMNS}.
     */
    static int columns() {
        Integer fromEnvironment = positive(System.getenv("COLUMNS"));
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        File tty = new File("/dev/tty");
        if (tty.exists()) {
            try {
                Process stty = new ProcessBuilder("stty", "size").redirectInput(tty)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                    String[] rowsAndColumns = answer.split("\\s+");
                    Integer columns = rowsAndColumns.length == 2 ? positive(rowsAndColumns[1]) : null;
                    if (columns != null) {
                        return columns;
                    }
                }
            } catch (IOException e) {
                // no stty: the default below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ProgressBar.DEFAULT_COLUMNS;
    }

    private static Integer positive(String text) {
        if (text == null || !text.matches("\\d{1,5}")) {
            return null;
        }
        int value = Integer.parseInt(text);
        return value > 0 ? value : null;
    }
}
