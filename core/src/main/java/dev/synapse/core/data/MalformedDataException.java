package dev.synapse.core.data;

import java.io.IOException;

/**
 * A data file that cannot be read as its format says. For a text format the message names the file, the line and
 * what was expected there, e.g. {@code "xor.data line 4: expected 2 inputs for sample 2, found 3 numbers"}; for a
 * binary format (IDX) the file and what is wrong, e.g. {@code "train-labels-idx1-ubyte.gz: ..."}.
 */
public final class MalformedDataException extends IOException {

    /** The file's name, without its folder. */
    private final String fileName;
    /** The 1-based line of the problem; 0 for a binary file. */
    private final int line;

    MalformedDataException(String fileName, int line, String problem) {
        super(fileName + " line " + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
    }

    /** A problem in a binary file, which has no lines: {@link #line()} is 0. */
    MalformedDataException(String fileName, String problem) {
        super(fileName + ": " + problem);
        this.fileName = fileName;
        this.line = 0;
    }

    /**
     * The name of the file (without its folder), as the message shows it.
     *
     * @return the file's name as the user gave it, without its folder
     */
    public String fileName() {
        return fileName;
    }

    /**
     * The 1-based line the problem is on; 0 for a binary file.
     *
     * @return the line number, counted from 1; 0 when the file is binary
     */
    public int line() {
        return line;
    }
}
