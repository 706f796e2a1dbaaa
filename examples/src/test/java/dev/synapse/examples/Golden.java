package dev.synapse.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

/** Comparisons for golden numbers: numerically, never as strings (see shared/tutorials.md, "Comparing numbers"). */
final class Golden {

    /** Ten significant digits and more: the bar every printed tutorial number must clear. */
    static final double RELATIVE = 1e-10;

    private Golden() {}

    static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
    }

    static void assertClose(double[] actual, double... expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %s", i).isCloseTo(expected[i], within(Math.abs(expected[i]) * RELATIVE));
        }
    }

    /** The numbers in a line of printed output, in order, e.g. {@code [[0.25]} gives 0.25. */
    static List<Double> numbersIn(String text) {
        return java.util.regex.Pattern.compile("-?\\d+\\.\\d+(?:E-?\\d+)?").matcher(text).results()
                .map(m -> Double.parseDouble(m.group())).toList();
    }
}
