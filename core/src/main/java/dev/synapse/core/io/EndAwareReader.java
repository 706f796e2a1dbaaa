package dev.synapse.core.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Remembers whether the input ended, and on which line, to tell a cut-off file from a damaged one. */
final class EndAwareReader extends FilterReader {
    private boolean reachedEnd;
    private int lines = 1;

    EndAwareReader(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            reachedEnd = true;
        }
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c < 0) {
            reachedEnd = true;
        } else if (c == '\n') {
            lines++;
        }
        return c;
    }

    boolean reachedEnd() {
        return reachedEnd;
    }

    int lastLine() {
        return lines;
    }
}
