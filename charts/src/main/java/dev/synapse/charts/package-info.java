/**
 * Charts for the programs around the library, as PNG files drawn off-screen with XChart:
 * {@link dev.synapse.charts.LossChart} draws a loss curve, {@link dev.synapse.charts.TrainingCurvesChart} a
 * classifier's training and validation loss and accuracy per epoch, and
 * {@link dev.synapse.charts.ConfusionMatrixChart} a {@link dev.synapse.charts.ConfusionMatrix} as a heat map. The
 * tutorial gallery and the command line share them; the library modules do not depend on this module.
 */
package dev.synapse.charts;
