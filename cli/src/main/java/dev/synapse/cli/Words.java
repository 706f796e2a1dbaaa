package dev.synapse.cli;

/** Small text helpers for the command line's messages. */
final class Words {

    private Words() {}

    /** {@code "1 output"}, {@code "2 outputs"}: a count with its noun, plural unless the count is one. */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
