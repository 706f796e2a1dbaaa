package dev.synapse.fann;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes a {@link FannNetwork} as FANN 2.2's {@code fann_save} does ({@code fann_save_internal_fd}): the same keys in
 * the same order, floats with {@code %f} and weights and steepnesses with {@code %.20e}. The training settings FANN
 * stores are FANN's defaults, since a Synapse model does not carry them.
 */
final class FannNetWriter {

    /** fann_save's lines between network_type and layer_sizes, with FANN 2.2's default values; tests reuse them. */
    static final String TRAINING_DEFAULTS = """
            learning_momentum=0.000000
            training_algorithm=2
            train_error_function=1
            train_stop_function=0
            cascade_output_change_fraction=0.010000
            quickprop_decay=-0.000100
            quickprop_mu=1.750000
            rprop_increase_factor=1.200000
            rprop_decrease_factor=0.500000
            rprop_delta_min=0.000000
            rprop_delta_max=50.000000
            rprop_delta_zero=0.100000
            cascade_output_stagnation_epochs=12
            cascade_candidate_change_fraction=0.010000
            cascade_candidate_stagnation_epochs=12
            cascade_max_out_epochs=150
            cascade_min_out_epochs=50
            cascade_max_cand_epochs=150
            cascade_min_cand_epochs=50
            cascade_num_candidate_groups=2
            bit_fail_limit=3.49999999999999977796e-01
            cascade_candidate_limit=1.00000000000000000000e+03
            cascade_weight_multiplier=4.00000000000000022204e-01
            cascade_activation_functions_count=10
            cascade_activation_functions=3 5 7 8 10 11 14 15 16 17\s
            cascade_activation_steepnesses_count=4
            cascade_activation_steepnesses=2.50000000000000000000e-01 5.00000000000000000000e-01 \
            7.50000000000000000000e-01 1.00000000000000000000e+00\s
            """;

    private FannNetWriter() {}

    static void write(FannNetwork net, Writer out) throws IOException {
        out.write(net.version() + "\n");
        out.write("num_layers=" + net.layerSizes().length + "\n");
        out.write("learning_rate=0.700000\n");
        out.write("connection_rate=" + f(net.connectionRate()) + "\n");
        out.write("network_type=" + (net.shortcut() ? 1 : 0) + "\n");
        out.write(TRAINING_DEFAULTS);
        StringBuilder s = new StringBuilder("layer_sizes=");
        for (int size : net.layerSizes()) {
            s.append(size).append(' ');
        }
        out.write(s.append('\n').toString());
        FannNetwork.Scaling scaling = net.scaling();
        if (scaling == null) {
            out.write("scale_included=0\n");
        } else {
            out.write("scale_included=1\n");
            floats(out, "scale_mean_in", scaling.meanIn());
            floats(out, "scale_deviation_in", scaling.deviationIn());
            floats(out, "scale_new_min_in", scaling.newMinIn());
            floats(out, "scale_factor_in", scaling.factorIn());
            floats(out, "scale_mean_out", scaling.meanOut());
            floats(out, "scale_deviation_out", scaling.deviationOut());
            floats(out, "scale_new_min_out", scaling.newMinOut());
            floats(out, "scale_factor_out", scaling.factorOut());
        }
        out.write(FannNetReader.NEURONS + "=");
        for (int n = 0; n < net.neuronInputs().length; n++) {
            out.write("(" + net.neuronInputs()[n] + ", " + net.neuronFunctions()[n] + ", " + e(net.neuronSteepness()[n])
                    + ") ");
        }
        out.write("\n" + FannNetReader.CONNECTIONS + "=");
        StringBuilder line = new StringBuilder(40 * net.sources().length);
        for (int c = 0; c < net.sources().length; c++) {
            line.append('(').append(net.sources()[c]).append(", ").append(e(net.weights()[c])).append(") ");
        }
        out.write(line.append('\n').toString());
    }

    private static void floats(Writer out, String key, float[] values) throws IOException {
        StringBuilder s = new StringBuilder(key).append('=');
        for (float v : values) {
            s.append(f(v)).append(' ');
        }
        out.write(s.append('\n').toString());
    }

    /** C's {@code %f}. */
    private static String f(double v) {
        return String.format(Locale.ROOT, "%f", v);
    }

    /** FANN's FANNPRINTF, {@code %.20e}: more digits than a double needs, so it reads back exactly. */
    private static String e(double v) {
        return String.format(Locale.ROOT, "%.20e", v);
    }
}
