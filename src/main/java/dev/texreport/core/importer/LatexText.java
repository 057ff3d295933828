package dev.texreport.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX source with a mask: the same text in which comments and verbatim material are blanked out (same length,
 * line breaks kept), so the importer finds {@code \section} or {@code \appendix} only where TeX would see them, yet
 * cuts the paper into files from the original text, comments included.
 *
 * <p>Written by hand: no Java library parses LaTeX reliably (TeX's syntax is defined by the macros a document
 * loads, so only TeX itself can parse it), and the importer needs only a paper's outline: a few commands and
 * environments at their usual places, braces balanced, comments and verbatim skipped.
 */
final class LatexText {
    private static final Pattern VERBATIM = Pattern.compile(
            "\\\\begin\\{(verbatim\\*?|lstlisting|minted|comment|Verbatim)}");

    private final String text;
    private final String mask;

    LatexText(String text) {
        this.text = text;
        this.mask = mask(text);
    }

    String text() {
        return text;
    }

    String mask() {
        return mask;
    }

    int length() {
        return text.length();
    }

    /** The original text (comments included) between two offsets. */
    String slice(int from, int to) {
        return text.substring(from, to);
    }

    /** The 1-based line of an offset. */
    int line(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Occurrences of a command (a control word not followed by another letter) outside comments, from
     * {@code from} to {@code to}, as offsets of its backslash.
     */
    List<Integer> commands(String name, int from, int to) {
        List<Integer> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\\\" + Pattern.quote(name) + "(?![A-Za-z@])").matcher(mask);
        m.region(from, to);
        while (m.find()) {
            found.add(m.start());
        }
        return found;
    }

    Optional<Integer> first(String name, int from, int to) {
        List<Integer> all = commands(name, from, to);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** {@code \begin{env}} outside comments, as the offset of its backslash. */
    Optional<Integer> begin(String env, int from, int to) {
        Matcher m = Pattern.compile("\\\\begin\\s*\\{" + Pattern.quote(env) + "}").matcher(mask);
        m.region(from, to);
        return m.find() ? Optional.of(m.start()) : Optional.empty();
    }

    /** The offset just after the matching {@code \end{env}}, if any. */
    Optional<int[]> end(String env, int from, int to) {
        Matcher m = Pattern.compile("\\\\end\\s*\\{" + Pattern.quote(env) + "}").matcher(mask);
        m.region(from, to);
        return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
    }

    /** Skips spaces, then an optional {@code [...]} argument; returns where the next argument may start. */
    int skipOptional(int at) {
        int i = skipSpaces(at);
        if (i < mask.length() && mask.charAt(i) == '[') {
            int depth = 0;
            for (; i < mask.length(); i++) {
                char c = mask.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (c == ']' && depth == 0) {
                    return i + 1;
                }
            }
        }
        return at;
    }

    /** The optional argument's text at {@code at} (after spaces), or empty. */
    Optional<Argument> optional(int at) {
        int i = skipSpaces(at);
        int end = skipOptional(i);
        return end == at || end <= i ? Optional.empty() : Optional.of(new Argument(i + 1, end - 1, end));
    }

    /** The braced argument at {@code at} (after spaces), with its braces balanced, or empty when none is there. */
    Optional<Argument> braced(int at) {
        int i = skipSpaces(at);
        if (i >= mask.length() || mask.charAt(i) != '{') {
            return Optional.empty();
        }
        int depth = 0;
        for (int j = i; j < mask.length(); j++) {
            char c = mask.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return Optional.of(new Argument(i + 1, j, j + 1));
            }
        }
        return Optional.empty();
    }

    /** An argument's content ({@code from} to {@code to}, without braces) and where the text after it starts. */
    record Argument(int from, int to, int next) { }

    private int skipSpaces(int at) {
        int i = at;
        while (i < mask.length() && Character.isWhitespace(mask.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the line holding {@code offset}, after its line break (or the end of the text). */
    int endOfLine(int offset) {
        int nl = text.indexOf('\n', offset);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** Whether the text between two offsets is blank once comments are left out. */
    boolean blank(int from, int to) {
        return mask.substring(from, to).isBlank();
    }

    /** The text without comments, for values such as a title. */
    String uncommented(int from, int to) {
        return mask.substring(from, to);
    }

    private static String mask(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                Matcher verbatim = VERBATIM.matcher(text);
                if (verbatim.find(i) && verbatim.start() == i) {
                    String end = "\\end{" + verbatim.group(1) + "}";
                    int close = text.indexOf(end, verbatim.end());
                    int stop = close < 0 ? text.length() : close;
                    blank(out, verbatim.end(), stop);
                    i = close < 0 ? text.length() : close + end.length();
                    continue;
                }
                if (text.startsWith("\\verb", i) && i + 5 < text.length()
                        && !Character.isLetter(text.charAt(i + 5))) {
                    char delimiter = text.charAt(i + 5 + (text.charAt(i + 5) == '*' ? 1 : 0));
                    int open = text.indexOf(delimiter, i + 5);
                    int close = text.indexOf(delimiter, open + 1);
                    if (close > 0) {
                        blank(out, open + 1, close);
                        i = close + 1;
                        continue;
                    }
                }
                i += 2;
            } else if (c == '%') {
                int nl = text.indexOf('\n', i);
                int stop = nl < 0 ? text.length() : nl;
                blank(out, i, stop);
                i = stop;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int j = from; j < to; j++) {
            if (out.charAt(j) != '\n') {
                out.setCharAt(j, ' ');
            }
        }
    }
}
