package dev.synapse.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.synapse.core.Matrix;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDataTest {

    private static final String XOR = "a,b,\"a xor b\",\"a and b\"\n0,0,0,0\n0,1,1,0\n1,0,1,0\n1,1,0,1\n";

    private static Dataset read(String content, String... targets) throws IOException {
        return CsvData.read(new StringReader(content), "xor.csv", targets);
    }

    private static void assertRejected(String content, String message, String... targets) {
        assertThatThrownBy(() -> read(content, targets))
                .isInstanceOf(MalformedDataException.class)
                .hasMessage(message);
    }

    @Test
    void choosesTargetColumnsByNameInTheOrderGiven() throws IOException {
        Dataset data = read(XOR, "a and b", "a xor b");

        assertThat(data.inputs()).isEqualTo(Matrix.of(
                new double[] {0, 0}, new double[] {0, 1}, new double[] {1, 0}, new double[] {1, 1}));
        assertThat(data.targets()).isEqualTo(Matrix.of(
                new double[] {0, 0}, new double[] {0, 1}, new double[] {0, 1}, new double[] {1, 0}));
    }

    @Test
    void keepsEveryOtherColumnAsAnInputInHeaderOrder(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("xor.csv"), XOR);

        Dataset data = CsvData.read(file, "a");

        assertThat(data.inputWidth()).isEqualTo(3);
        assertThat(data.input(3)).containsExactly(1, 0, 1);
        assertThat(data.target(3)).containsExactly(1);
    }

    @Test
    void skipsBlankLinesAndReadsQuotedNumbers() throws IOException {
        Dataset data = read("x,y\n\n\"1.5\", 2\n\n-3,4e1\n\n", "y");

        assertThat(data.inputs()).isEqualTo(Matrix.columnVector(1.5, -3));
        assertThat(data.targets()).isEqualTo(Matrix.columnVector(2, 40));
    }

    @Test
    void ignoresTheByteOrderMarkSpreadsheetsWrite() throws IOException {
        Dataset data = read("\uFEFFx,y\n1,2\n", "y");

        assertThat(data.input(0)).containsExactly(1);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertRejected("", "xor.csv line 1: expected a header row naming the columns, found an empty file", "y");
    }

    @Test
    void rejectsAMissingTargetColumnListingTheColumns() {
        assertRejected(XOR, "xor.csv line 1: expected a column named 'a or b' (a target), found only a, b, a xor b,"
                + " a and b; check the spelling of the target column", "a or b");
    }

    @Test
    void rejectsDuplicateColumnNames() {
        assertRejected("x,y,x\n1,2,3\n", "xor.csv line 1: expected unique column names in the header, found 'x'"
                + " twice (columns 1 and 3)", "y");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() {
        assertRejected(XOR.replace("1,0,1,0", "1,0,1"), "xor.csv line 4: expected 4 fields as the header (line 1)"
                + " has, found 3", "a xor b");
    }

    @Test
    void rejectsAFieldThatIsNotANumber() {
        assertRejected(XOR.replace("0,1,1,0", "0,one,1,0"), "xor.csv line 3: expected a finite number in column 'b'"
                + " (column 2), found 'one'", "a xor b");
        assertRejected(XOR.replace("0,1,1,0", "0,,1,0"), "xor.csv line 3: expected a finite number in column 'b'"
                + " (column 2), found an empty field", "a xor b");
    }

    @Test
    void rejectsAHeaderWithoutRows() {
        assertRejected("x,y\n", "xor.csv line 1: expected at least one row of numbers after the header,"
                + " found the end of the file", "y");
    }

    @Test
    void rejectsAnUnclosedQuote() {
        assertRejected("x,\"y\n1,2\n", "xor.csv line 1: expected a closing quote in field 2, found the end of"
                + " the line", "y");
    }
}
