package dev.texreport.core.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a generated milestone ({@code main.tex} and the files it inputs) into one file for latexdiff, and puts the
 * reference list TeX already built ({@code main.bbl}) where {@code \bibliography} was, so the change view needs no
 * bibtex run.
 *
 * <p>Written here rather than using latexdiff's own {@code --flatten} because that option inlines any file the
 * sources name, {@code \input{/etc/passwd}} included, and the change view would then print it: TeX's own rule for
 * the team's documents ({@code openin_any=p}: no absolute paths, no {@code ..}, no hidden files) is kept here. A name
 * that breaks the rule, or that is not found in the working directory or on the milestone's search path, stays an
 * {@code \input} for TeX to resolve (or refuse) itself under that same rule.
 */
final class TexFlattener {
    private static final Pattern INPUT = Pattern.compile("\\\\(input|include)\\s*\\{([^{}]*)\\}");
    private static final Pattern BIBLIOGRAPHY = Pattern.compile("\\\\bibliography\\s*\\{[^{}]*\\}");
    private static final int MAX_DEPTH = 16;

    private final Path workDir;
    private final List<Path> searchDirs;

    /**
     * @param workDir    the milestone's working directory (main.tex, the rendered sections, main.bbl)
     * @param searchDirs where TeX also looks for inputs (the milestone's search path), in order
     */
    TexFlattener(Path workDir, List<Path> searchDirs) {
        this.workDir = workDir;
        this.searchDirs = List.copyOf(searchDirs);
    }

    String flatten(String mainFile) throws IOException {
        Path main = workDir.resolve(mainFile);
        String text = expand(Files.readString(main, StandardCharsets.UTF_8), new ArrayDeque<>(List.of(main)));
        Path bbl = workDir.resolve(mainFile.replaceFirst("\\.tex$", "") + ".bbl");
        if (Files.isRegularFile(bbl)) {
            String references = Files.readString(bbl, StandardCharsets.UTF_8);
            text = replaceOutsideComments(text, BIBLIOGRAPHY, m -> references.strip());
        }
        return text;
    }

    private String expand(String text, Deque<Path> stack) throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comment = commentStart(line);
            String code = line.substring(0, comment);
            Matcher m = INPUT.matcher(code);
            int last = 0;
            while (m.find()) {
                out.append(code, last, m.start());
                Path file = stack.size() > MAX_DEPTH ? null : resolve(m.group(2).strip());
                if (file == null || stack.contains(file)) {
                    out.append(m.group());
                } else {
                    stack.push(file);
                    String inner = expand(Files.readString(file, StandardCharsets.UTF_8), stack);
                    stack.pop();
                    boolean include = m.group(1).equals("include");
                    out.append(include ? "\\clearpage\n" : "").append(inner.endsWith("\n") ? inner : inner + "\n")
                            .append(include ? "\\clearpage\n" : "");
                }
                last = m.end();
            }
            out.append(code, last, code.length()).append(line, comment, line.length()).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** The file TeX would read for {@code name}, when the name keeps TeX's paranoid rule; else null. */
    Path resolve(String name) throws IOException {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains(":")
                || name.contains("\\")) {
            return null;
        }
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.startsWith(".")) {
                return null;
            }
        }
        for (Path dir : prepend(workDir)) {
            for (String candidate : name.endsWith(".tex") ? List.of(name) : List.of(name + ".tex", name)) {
                Path file = dir.resolve(candidate).normalize();
                if (file.startsWith(dir) && Files.isRegularFile(file)
                        && file.toRealPath().startsWith(dir.toRealPath())) {
                    return file;
                }
            }
        }
        return null;
    }

    private List<Path> prepend(Path first) {
        List<Path> dirs = new java.util.ArrayList<>();
        dirs.add(first);
        searchDirs.stream().filter(Files::isDirectory).forEach(dirs::add);
        return dirs;
    }

    /** Where a line's comment starts: the first % not escaped by a backslash (the line's length when none). */
    static int commentStart(String line) {
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '%' && backslashes % 2 == 0) {
                return i;
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return line.length();
    }

    private static String replaceOutsideComments(String text, Pattern pattern,
                                                 java.util.function.Function<Matcher, String> replacement) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comment = commentStart(line);
            String code = line.substring(0, comment);
            Matcher m = pattern.matcher(code);
            int last = 0;
            while (m.find()) {
                out.append(code, last, m.start()).append(replacement.apply(m));
                last = m.end();
            }
            out.append(code, last, code.length()).append(line, comment, line.length()).append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }
}
