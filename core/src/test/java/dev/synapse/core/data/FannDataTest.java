package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FannDataTest {

    /** FANN's own examples/xor.data. */
    private static final String XOR = "4 2 1\n-1 -1\n-1\n-1 1\n1\n1 -1\n1\n1 1\n-1\n";

    private static Dataset read(String content) throws IOException {
        return FannData.read(new StringReader(content), "xor.data");
    }

    private static void assertRejected(String content, String message) {
        assertThatThrownBy(() -> read(content))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(message);
    }

    @Test
    void readsFannsXorData() throws IOException {
        Dataset xor = read(XOR);

        assertThat(xor.size()).isEqualTo(4);
        assertThat(xor.inputWidth()).isEqualTo(2);
        assertThat(xor.targetWidth()).isEqualTo(1);
        assertThat(xor.inputs()).isEqualTo(Matrix.of(
                new double[] {-1, -1}, new double[] {-1, 1}, new double[] {1, -1}, new double[] {1, 1}));
        assertThat(xor.targets()).isEqualTo(Matrix.columnVector(-1, 1, 1, -1));
    }

    @Test
    void readsXorDataFromAFileOnDisk(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("xor.data"), XOR);

        Dataset xor = FannData.read(file);

        assertThat(xor.targets()).isEqualTo(Matrix.columnVector(-1, 1, 1, -1));
    }

    @Test
    void acceptsNumbersThatSpanAndShareLinesAsFannsScanfDoes() throws IOException {
        String free = "4 2\t1 -1\n-1 -1   -1 1 1\r\n1\n-1 1 1 1\n\n  -1";

        Dataset xor = read(free);

        assertThat(xor).isEqualTo(read(XOR));
    }

    @Test
    void acceptsSamplesWrittenOneLineEach() throws IOException {
        Dataset xor = read("4 2 1\n-1 -1 -1\n-1 1 1\n1 -1 1\n1 1 -1\n");

        assertThat(xor).isEqualTo(read(XOR));
    }

    @Test
    void readsDecimalsAndExponentsAsCsStrtodDoes() throws IOException {
        Dataset data = read("1 3 1\n0.5 -.25 1e-3\n+2.5E2\n");

        assertThat(data.input(0)).containsExactly(0.5, -0.25, 0.001);
        assertThat(data.target(0)).containsExactly(250.0);
    }

    @Test
    void writesFannsOwnLayout() throws IOException {
        StringWriter out = new StringWriter();

        FannData.write(read(XOR), out);

        assertThat(out.toString()).isEqualTo(XOR);
    }

    @Test
    void writeThenReadGivesBitIdenticalValues(@TempDir Path dir) throws IOException {
        Dataset data = Dataset.of(
                Matrix.of(new double[] {0.1, -0.0, Math.PI}, new double[] {1e-300, -7, 123456.789e10}),
                Matrix.of(new double[] {Double.MIN_VALUE, 2}, new double[] {-Double.MAX_VALUE, 1.0 / 3}));
        Path file = dir.resolve("round-trip.data");

        FannData.write(data, file);
        Dataset back = FannData.read(file);

        assertThat(back).isEqualTo(data);
        assertThat(Double.doubleToRawLongBits(back.input(0)[1])).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void rejectsAnEmptyFile() {
        assertRejected("", "xor.data line 1: expected the header 'samples inputs outputs' (e.g. '4 2 1'),"
                + " found an empty file");
        assertRejected(" \n\n", "xor.data line 1: expected the header 'samples inputs outputs' (e.g. '4 2 1'),"
                + " found an empty file");
    }

    @Test
    void aHeaderAnnouncingBillionsOfInputsIsRefusedForWhatIsMissingWithoutAllocatingThem() {
        // A fuzzing seed: this reader once allocated what the header announced and ran out of memory.
        assertRejected("1 2147483646 1\n1\n", "xor.data line 2: expected inputs 2 to 2147483646 and 1 output for"
                + " sample 1, found the end of the file; the last sample is cut short");
    }

    @Test
    void rejectsAHeaderWhoseSamplesWouldNotFitInOneArray() {
        assertRejected("2 2147483647 0\n", "xor.data line 1: expected at least 1 for the number of outputs per"
                + " sample in the header, found 0");
        assertRejected("1 2147483647 1\n", "xor.data line 1: expected at most 2^31-1 numbers per sample, but the"
                + " header announces 2147483647 inputs and 1 output per sample");
        assertRejected("3 1000000000 1\n", "xor.data line 1: expected at most 2^31-1 values per matrix, but the"
                + " header announces 3 samples of 1000000000 inputs and 1 output; split the file");
    }

    @Test
    void rejectsAHeaderThatIsNotThreeWholeNumbers() {
        assertRejected("4 two 1\n", "xor.data line 1: expected the number of inputs per sample in the header"
                + " 'samples inputs outputs', a whole number, found 'two'");
        assertRejected("4 2\n", "xor.data line 1: expected the number of outputs per sample in the header"
                + " 'samples inputs outputs', found the end of the file");
        assertRejected("0 2 1\n", "xor.data line 1: expected at least 1 for the number of samples in the header,"
                + " found 0");
    }

    @Test
    void rejectsALineWithTooManyNumbersAtThatLine() {
        String extra = XOR.replace("-1 1\n1\n", "-1 1 0\n1\n");

        assertRejected(extra, "xor.data line 4: expected 2 inputs for sample 2, found 3 numbers; from there on the"
                + " numbers no longer line up, and the file holds 1 number more than the header's 4 samples of"
                + " 2 inputs and 1 output (from line 9)");
    }

    @Test
    void rejectsALineWithTooFewNumbersAtThatLine() {
        String missing = XOR.replace("-1 1\n1\n", "-1\n1\n");

        assertRejected(missing, "xor.data line 4: expected 2 inputs for sample 2, found 1 number; from there on the"
                + " numbers no longer line up, and the file ends 1 number short of the header's 4 samples of"
                + " 2 inputs and 1 output");
    }

    @Test
    void rejectsANonNumberNamingWhatWasExpected() {
        String word = XOR.replace("-1 1\n1\n", "-1 1\none\n");

        assertRejected(word, "xor.data line 5: expected output 1 of sample 2, a finite number, found 'one'");
        assertRejected(XOR.replace("\n1 -1\n", "\n1 nan\n"),
                "xor.data line 6: expected input 2 of sample 3, a finite number, found 'nan'");
    }

    @Test
    void countsWindowsAndOldMacLineEndings() {
        assertRejected("4 2 1\r\n-1 -1\r\n-1\r\n-1 x\r\n", "xor.data line 4: expected input 2 of sample 2,"
                + " a finite number, found 'x'");
        assertRejected("4 2 1\r-1 -1\r-1\r-1 x\r", "xor.data line 4: expected input 2 of sample 2,"
                + " a finite number, found 'x'");
    }

    @Test
    void rejectsATruncatedLastSample() {
        String truncated = XOR.substring(0, XOR.length() - "-1\n".length());

        assertRejected(truncated, "xor.data line 8: expected 1 output for sample 4, found the end of the file;"
                + " the last sample is cut short");
        assertRejected("4 2 1\n-1 -1\n-1\n-1 1\n1\n1 -1\n1\n1", "xor.data line 8: expected input 2 and 1 output"
                + " for sample 4, found the end of the file; the last sample is cut short");
    }

    @Test
    void rejectsAHeaderThatPromisesMoreSamplesThanTheFileHolds() {
        assertRejected(XOR.replaceFirst("4 2 1", "5 2 1"), "xor.data line 9: expected sample 5 of the 5 the header"
                + " (line 1) announces, found the end of the file after 4 samples; correct the sample count in the"
                + " header or add the missing samples");
    }

    @Test
    void rejectsTrailingExtraNumbers() {
        assertRejected(XOR + "0 0\n", "xor.data line 10: expected the end of the file after the 4 samples the header"
                + " (line 1) announces, found another number '0' and 1 more; correct the sample count in the header"
                + " or remove the extra numbers");
    }

    @Test
    void namesTheFileWithoutItsFolder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("broken.data"), "1 1 1\n0.5\n");

        assertThatThrownBy(() -> FannData.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith("broken.data line 2: expected 1 output for sample 1")
                .satisfies(e -> {
                    MalformedDataException m = (MalformedDataException) e;
                    assertThat(m.fileName()).isEqualTo("broken.data");
                    assertThat(m.line()).isEqualTo(2);
                });
    }
}
