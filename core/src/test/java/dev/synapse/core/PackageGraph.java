package dev.synapse.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which packages of {@code dev.synapse.core} use which, read from the source files: an import or a fully qualified
 * name in code makes an edge; comments (Javadoc links included) and string literals do not, since they compile to
 * no dependency. Each edge keeps the files that make it, so a failing test can name them.
 */
final class PackageGraph {

    /** A package name after {@code dev.synapse.core} followed by a type name or {@code *}. */
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.synapse\\.(core(?:\\.[a-z]\\w*)*)\\.[A-Z*]");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+dev\\.synapse\\.(core[\\w.]*)\\s*;",
            Pattern.MULTILINE);

    /** From package to the packages it uses, each with the files (relative to the source root) that use it. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
    private int files;

    private PackageGraph() {}

    /** Reads every {@code .java} file under {@code root}, a source folder such as {@code src/main/java}. */
    static PackageGraph of(Path root) {
        PackageGraph graph = new PackageGraph();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                graph.add(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** Adds one source file's references; {@code name} is what messages call it. */
    void add(String name, String source) {
        String code = codeOnly(source);
        Matcher own = PACKAGE.matcher(code);
        if (!own.find()) {
            return;
        }
        files++;
        String from = own.group(1);
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher used = REFERENCE.matcher(code);
        while (used.find()) {
            String to = used.group(1);
            if (!to.equals(from)) {
                edges.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
            }
        }
    }

    /** Empty graph, for checking single files. */
    static PackageGraph empty() {
        return new PackageGraph();
    }

    /** How many files declared a package of core. */
    int files() {
        return files;
    }

    /** The packages {@code from} uses, each with the files that use it. */
    Map<String, Set<String>> uses(String from) {
        return edges.getOrDefault(from, Map.of());
    }

    /** One cycle of packages, the first repeated at the end ({@code a -> b -> a}), or empty when there is none. */
    Optional<List<String>> cycle() {
        Set<String> done = new TreeSet<>();
        for (String start : edges.keySet()) {
            Optional<List<String>> found = cycleFrom(start, new ArrayDeque<>(), done);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Depth-first search; {@code path} holds the packages on the way to {@code at}. */
    private Optional<List<String>> cycleFrom(String at, Deque<String> path, Set<String> done) {
        if (path.contains(at)) {
            List<String> onPath = new ArrayList<>(path);
            List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(at), onPath.size()));
            cycle.add(at);
            return Optional.of(cycle);
        }
        if (!done.add(at)) {
            return Optional.empty();
        }
        path.addLast(at);
        for (String next : uses(at).keySet()) {
            Optional<List<String>> found = cycleFrom(next, path, done);
            if (found.isPresent()) {
                return found;
            }
        }
        path.removeLast();
        return Optional.empty();
    }

    /** Every edge as {@code from -> to (files)}, one a line, for messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        edges.forEach((from, to) -> to.forEach((target, names) ->
                text.append(from).append(" -> ").append(target).append(" ").append(names).append('\n')));
        return text.toString();
    }

    /**
     * The source with comments and string, text-block and character literals replaced by spaces (newlines kept),
     * so only code is left to search.
     */
    static String codeOnly(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            String end = source.startsWith("//", i) ? "\n"
                    : source.startsWith("/*", i) ? "*/"
                    : source.startsWith("\"\"\"", i) ? "\"\"\""
                    : source.charAt(i) == '"' ? "\""
                    : source.charAt(i) == '\'' ? "'"
                    : null;
            if (end == null) {
                code.append(source.charAt(i++));
                continue;
            }
            int from = i;
            i += end.equals("\n") || end.equals("*/") ? 2 : end.length();
            while (i < n && !source.startsWith(end, i)) {
                i += source.charAt(i) == '\\' && !end.equals("\n") && !end.equals("*/") ? 2 : 1;
            }
            i = Math.min(n, i + (end.equals("\n") ? 0 : end.length()));
            for (int k = from; k < i; k++) {
                code.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
        }
        return code.toString();
    }
}
