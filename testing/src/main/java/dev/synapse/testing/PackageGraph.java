package dev.synapse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
 * Which packages of one package tree use which, read from the source files: an import or a fully qualified name in
 * code makes an edge; comments (Javadoc links included) and string literals do not, since they compile to no
 * dependency. Packages are named from the tree's last segment on ({@code core}, {@code core.io} for the tree
 * {@code dev.synapse.core}); each edge keeps the files that make it, so a failing test can name them.
 *
 * <pre>{@code
 * PackageGraph core = PackageGraph.of(Path.of("src/main/java/dev/synapse/core"), "dev.synapse.core");
 * assertThat(core.uses("core.io")).doesNotContainKey("core.model");
 * assertThat(core.cycle()).isEmpty();
 * }</pre>
 */
public final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    /** The tree's package, e.g. {@code dev.synapse.core}. */
    private final String tree;
    /** A package of the tree followed by a type name or {@code *}. */
    private final Pattern reference;
    /** From package to the packages it uses, each with the files (relative to the source folder) that use it. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();
    private int files;

    private PackageGraph(String tree) {
        this.tree = tree;
        this.reference = Pattern.compile("(?<![\\w.])(" + Pattern.quote(tree) + "(?:\\.[a-z]\\w*)*)\\.[A-Z*]");
    }

    /**
     * A graph with no file read yet, to add sources to one by one.
     *
     * @param tree the package whose subpackages are the graph's nodes, e.g. {@code dev.synapse.core}
     * @return an empty graph
     */
    public static PackageGraph empty(String tree) {
        return new PackageGraph(tree);
    }

    /**
     * Reads every {@code .java} file under {@code folder}.
     *
     * @param folder the source folder of the tree, e.g. {@code src/main/java/dev/synapse/core}
     * @param tree the tree's package, e.g. {@code dev.synapse.core}
     * @return the packages of the tree and what they use
     * @throws UncheckedIOException if a file cannot be read
     */
    public static PackageGraph of(Path folder, String tree) {
        PackageGraph graph = new PackageGraph(tree);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                graph.add(folder.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /**
     * Adds one source file's references; a file outside the tree is skipped.
     *
     * @param name what messages call the file, e.g. {@code io/ModelWriter.java}
     * @param source the file's text
     */
    public void add(String name, String source) {
        String code = codeOnly(source);
        Matcher own = PACKAGE.matcher(code);
        if (!own.find() || !(own.group(1).equals(tree) || own.group(1).startsWith(tree + "."))) {
            return;
        }
        files++;
        String from = shortName(own.group(1));
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        Matcher used = reference.matcher(code);
        while (used.find()) {
            String to = shortName(used.group(1));
            if (!to.equals(from)) {
                edges.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(name);
            }
        }
    }

    /** {@code dev.synapse.core.io} as {@code core.io}: the name from the tree's last segment on. */
    private String shortName(String pkg) {
        return pkg.substring(tree.lastIndexOf('.') + 1);
    }

    /**
     * How many files of the tree were read.
     *
     * @return the number of source files in the tree's packages
     */
    public int files() {
        return files;
    }

    /**
     * The packages one package uses.
     *
     * @param from a package, named as {@link PackageGraph} names them ({@code core.io})
     * @return each package it uses, with the files that use it; empty for a package with no file
     */
    public Map<String, Set<String>> uses(String from) {
        return edges.getOrDefault(from, Map.of());
    }

    /**
     * The packages read, the ones that use nothing else of the tree included.
     *
     * @return the package names, sorted
     */
    public Set<String> packages() {
        return Collections.unmodifiableSet(edges.keySet());
    }

    /**
     * A cycle of packages, if any.
     *
     * @return the packages of one cycle with the first repeated at the end ({@code [a, b, a]}), or empty
     */
    public Optional<List<String>> cycle() {
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

    /** Every edge as {@code from -> to [files]}, one a line, for messages. */
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
    private static String codeOnly(String source) {
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
