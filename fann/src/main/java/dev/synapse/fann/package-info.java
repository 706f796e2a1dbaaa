/**
 * FANN 2.x in Synapse: {@link dev.synapse.fann.FannNetFile} reads a {@code .net} file (float, double or fixed
 * point; layered, sparse or shortcut; with its scaling) into a {@link dev.synapse.core.model.ModelFile} whose model
 * predicts as FANN's {@code fann_run}, or a fixed-point file into a {@link dev.synapse.fann.FixedPointNetwork}
 * that computes libfixedfann's {@code fann_run} integer for integer, and writes one back that FANN's
 * {@code fann_create_from_file} loads;
 * {@link dev.synapse.fann.ModelFiles} loads either a Synapse model file or a FANN one. The format is FANN's own,
 * described in docs/fann-files.md. {@link dev.synapse.fann.CascadeTraining} is FANN's Cascade2
 * ({@code fann_cascadetrain_on_data}): it grows a shortcut network one candidate-selected unit at a time and hands
 * back a {@link dev.synapse.fann.CascadeResult}, described in docs/fann-comparison.md.
 */
package dev.synapse.fann;
