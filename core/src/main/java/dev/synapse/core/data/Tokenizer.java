package dev.synapse.core.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a character stream into whitespace-separated tokens and remembers the line of each, reading a buffer at a
 * time so a file of any size streams through. Counts the tokens on every line, so an error can say "found 3 numbers"
 * about a line the reader has already left. {@code \n}, {@code \r\n} and {@code \r} each end a line.
 */
final class Tokenizer {

    /** Longer tokens are not numbers; cut them short rather than buffer a binary file. */
    private static final int MAX_TOKEN = 200;

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean afterCarriageReturn;
    private int line = 1;
    private int tokenLine;
    private final StringBuilder token = new StringBuilder();
    private int[] tokensPerLine = new int[64];

    Tokenizer(Reader in) {
        this.in = in;
    }

    /** The next token, or null at the end of the input. */
    String next() throws IOException {
        int c = read();
        while (c != -1 && isWhitespace(c)) {
            c = read();
        }
        if (c == -1) {
            return null;
        }
        tokenLine = line;
        token.setLength(0);
        while (c != -1 && !isWhitespace(c)) {
            if (token.length() < MAX_TOKEN) {
                token.append((char) c);
            } else if (token.length() == MAX_TOKEN) {
                token.append('…');
            }
            c = read();
        }
        countToken(tokenLine);
        return token.toString();
    }

    /** The line of the token {@link #next} returned last; 0 before the first. */
    int tokenLine() {
        return tokenLine;
    }

    /** The number of tokens read so far on {@code line}. */
    int tokensOn(int line) {
        return line < tokensPerLine.length ? tokensPerLine[line] : 0;
    }

    private void countToken(int line) {
        if (line >= tokensPerLine.length) {
            tokensPerLine = Arrays.copyOf(tokensPerLine, Math.max(line + 1, tokensPerLine.length * 2));
        }
        tokensPerLine[line]++;
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** The next character, counting lines as they end. */
    private int read() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        char c = buffer[position++];
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = false;
        } else if (c == '\r') {
            line++;
            afterCarriageReturn = true;
        } else {
            afterCarriageReturn = false;
        }
        return c;
    }

    /**
     * The token as a finite number, or NaN when it is not one. Accepts what C's {@code strtod} accepts for decimal
     * numbers ({@code 1}, {@code -0.5}, {@code .5}, {@code 1e-3}), but not Java-only forms ({@code 1d},
     * {@code 0x1p3}) nor infinities and NaN, which no data set should hold.
     */
    static double parseNumber(String token) {
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E') {
                return Double.NaN;
            }
        }
        if (!digit) {
            return Double.NaN;
        }
        try {
            double value = Double.parseDouble(token);
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
