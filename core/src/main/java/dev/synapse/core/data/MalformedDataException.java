package dev.synapse.core.data;

import java.io.IOException;

/**
 * A data file that cannot be read as its format says: the message names the file, the line and what was expected
 * there, e.g. {@code "xor.data line 4: expected 2 inputs for sample 2, found 3 numbers"}.
 */
public final class MalformedDataException extends IOException {

    private final String fileName;
    private final int line;

    MalformedDataException(String fileName, int line, String problem) {
        super(fileName + " line " + line + ": " + problem);
        this.fileName = fileName;
        this.line = line;
    }

    /** The name of the file (without its folder), as the message shows it. */
    public String fileName() {
        return fileName;
    }

    /** The 1-based line the problem is on. */
    public int line() {
        return line;
    }
}
