package dev.synapse.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the two sides of every snippet: the compiled copy, between {@code // snippet:NAME} and {@code // end-snippet}
 * in docs/src/test/java, and the shown copy, the {@code ```java} block right after {@code <!-- snippet:NAME -->} in a
 * page (docs/*.md and the project's README.md).
 */
final class Snippets {

    private static final Pattern SOURCE_START = Pattern.compile("^\\s*// snippet:([A-Za-z0-9-]+)\\s*$");
    private static final Pattern SOURCE_END = Pattern.compile("^\\s*// end-snippet\\s*$");
    private static final Pattern PAGE_MARKER = Pattern.compile("^<!-- snippet:([A-Za-z0-9-]+) -->\\s*$");
    private static final Pattern FENCE_START = Pattern.compile("^\\s*```\\s*(\\w*).*$");

    private Snippets() {}

    /** The docs module's folder: the surefire property {@code docs.dir}, else the working directory. */
    static Path docsDir() {
        return Path.of(System.getProperty("docs.dir", "")).toAbsolutePath();
    }

    /** The pages whose snippets must compile: docs/*.md and ../README.md. */
    static List<Path> pages() {
        Path docs = docsDir();
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(docs)) {
            files.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.add(docs.resolveSibling("README.md"));
        return pages;
    }

    /** Every marked block of the test sources, by name; a name marked twice is an error. */
    static Map<String, String> compiled() {
        Map<String, String> snippets = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(docsDir().resolve("src/test/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher start = SOURCE_START.matcher(lines.get(i));
                    if (!start.matches()) {
                        continue;
                    }
                    String name = start.group(1);
                    int end = i + 1;
                    while (end < lines.size() && !SOURCE_END.matcher(lines.get(end)).matches()) {
                        if (SOURCE_START.matcher(lines.get(end)).matches()) {
                            throw new AssertionError(file + " line " + (end + 1) + ": snippet '" + name
                                    + "' (line " + (i + 1) + ") has no // end-snippet before the next snippet starts");
                        }
                        end++;
                    }
                    if (end == lines.size()) {
                        throw new AssertionError(file + " line " + (i + 1) + ": snippet '" + name
                                + "' has no // end-snippet");
                    }
                    String previous = snippets.put(name, normalize(lines.subList(i + 1, end)));
                    if (previous != null) {
                        throw new AssertionError(file + " line " + (i + 1) + ": snippet '" + name
                                + "' is marked twice; names must be unique");
                    }
                    i = end;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    /** A Java block shown in a page. */
    record Shown(Path page, int line, String name, String code) {
        String where() {
            return page.getFileName() + " line " + line;
        }
    }

    /**
     * Every ```java block of a page, with the snippet name its marker gives (null when the block has no marker), and
     * every marker not followed by a ```java block (code null).
     */
    static List<Shown> shown(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Shown> shown = new ArrayList<>();
        String pendingName = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = PAGE_MARKER.matcher(line);
            Matcher fence = FENCE_START.matcher(line);
            if (marker.matches()) {
                if (pendingName != null) {
                    shown.add(new Shown(page, pendingLine, pendingName, null));
                }
                pendingName = marker.group(1);
                pendingLine = i + 1;
            } else if (fence.matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                    end++;
                }
                if (fence.group(1).equals("java")) {
                    shown.add(new Shown(page, i + 1, pendingName, normalize(lines.subList(i + 1, end))));
                } else if (pendingName != null) {
                    shown.add(new Shown(page, pendingLine, pendingName, null));
                }
                pendingName = null;
                i = end;
            } else if (!line.isBlank() && pendingName != null) {
                shown.add(new Shown(page, pendingLine, pendingName, null));
                pendingName = null;
            }
        }
        if (pendingName != null) {
            shown.add(new Shown(page, pendingLine, pendingName, null));
        }
        return shown;
    }

    /** Drops trailing spaces, leading and trailing blank lines and the indentation all lines share. */
    static String normalize(List<String> lines) {
        List<String> trimmed = lines.stream().map(String::stripTrailing).toList();
        int from = 0;
        int to = trimmed.size();
        while (from < to && trimmed.get(from).isEmpty()) {
            from++;
        }
        while (to > from && trimmed.get(to - 1).isEmpty()) {
            to--;
        }
        List<String> body = trimmed.subList(from, to);
        int indent = body.stream().filter(l -> !l.isEmpty())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder s = new StringBuilder();
        for (String line : body) {
            s.append(line.isEmpty() ? "" : line.substring(indent)).append('\n');
        }
        return s.toString();
    }
}
