/**
 * The {@code synapse} command line: {@link dev.synapse.cli.Synapse} with its subcommands {@code train}, {@code run},
 * {@code test} and {@code info}, FANN's semantics and defaults throughout. Packaged as {@code cli/target/synapse-cli.jar}
 * and started by {@code bin/synapse}. Nothing depends on this package; it is where the library's results are printed.
 */
package dev.synapse.cli;
