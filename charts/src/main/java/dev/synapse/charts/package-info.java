/**
 * Charts for the programs around the library: {@link dev.synapse.charts.LossChart} draws a loss curve as a PNG. The
 * tutorial gallery and the command line share it; the library modules do not depend on it.
 */
package dev.synapse.charts;
