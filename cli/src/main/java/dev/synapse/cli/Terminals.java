package dev.synapse.cli;

import java.io.Console;

/** Whether standard output is a terminal a person watches, so a progress bar may redraw itself there. */
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
}
