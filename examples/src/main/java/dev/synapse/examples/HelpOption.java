package dev.synapse.examples;

import picocli.CommandLine.Option;

/** {@code -h, --help} for an example: picocli's standard mixin would also add a {@code --version} they do not have. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;
}
