package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (Over the house's 250 lines on purpose: the two .bbl formats, bibtex's \bibitem and biblatex's \entry, and the
 * hint for each special character belong to one mapping.)
 *
 * <p>Maps a line of the generated {@code .bbl} back to the .bib entry it was made from, so that a LaTeX error inside
 * the reference list ({@code main.bbl:43: Misplaced alignment tab character &}) is reported at the team's .bib:
 * the key of the {@code \bibitem} (or biblatex {@code \entry}) whose block holds the line, that entry's file and
 * line, and, when the entry has one, the field line with the unescaped special character that LaTeX choked on.
 */
public final class BblSourceMap {
    /**
     * Where a .bbl line came from.
     *
     * @param key       the entry's key as the .bbl has it
     * @param file      the .bib file holding the entry
     * @param entryLine the line of {@code @type{key,...}}
     * @param line      the line to show: the field line with the likely culprit, else {@code entryLine}
     * @param hint      a sentence saying what to change
     */
    public record Origin(String key, Path file, int entryLine, int line, String hint) { }

    /** A block of the .bbl: the lines from one {@code \bibitem} to the line before the next. */
    private record Block(int firstLine, int lastLine, String key) { }

    private static final Pattern ITEM = Pattern.compile("\\\\bibitem(?![A-Za-z@])|\\\\entry(?![A-Za-z@])");
    private static final Pattern END = Pattern.compile(
            "\\\\end\\{thebibliography}|\\\\endentry(?![A-Za-z@])|\\\\enddatalist(?![A-Za-z@])");
    /** Fields that styles print verbatim (with url or doi commands), where '_', '%', '#' and '&' are allowed. */
    private static final Set<String> VERBATIM_FIELDS = Set.of("url", "doi", "eprint", "file", "pdf", "urldate");
    private static final Pattern BIBDATA = Pattern.compile("^\\\\bibdata\\{([^}]*)}", Pattern.MULTILINE);
    private static final Pattern DATASOURCE = Pattern.compile("<bcf:datasource[^>]*>([^<]+)</bcf:datasource>");

    private final List<Block> blocks;
    private final int lineCount;
    private final BibFileIndex index;

    private BblSourceMap(List<Block> blocks, int lineCount, BibFileIndex index) {
        this.blocks = List.copyOf(blocks);
        this.lineCount = lineCount;
        this.index = index;
    }

    /** The map of {@code bbl}; an absent .bbl maps nothing. */
    public static BblSourceMap read(Path bbl, BibFileIndex index) throws IOException {
        String text = Files.isRegularFile(bbl) ? BibFileIndex.decode(Files.readAllBytes(bbl)) : "";
        return of(text, index);
    }

    /**
     * The map for a job: its {@code <jobName>.bbl}, and the .bib files its .aux names in {@code \bibdata} (or its
     * .bcf names as data sources), found as bibtex finds them.
     */
    public static BblSourceMap forJob(Path workDir, String jobName, Map<String, String> environment)
            throws IOException {
        BibSearchPath bibPath = BibSearchPath.forBib(workDir, environment);
        List<Path> files = new ArrayList<>();
        for (String name : databaseNames(workDir, jobName)) {
            bibPath.resolve(name).ifPresent(files::add);
        }
        return read(workDir.resolve(jobName + ".bbl"), BibFileIndex.read(files));
    }

    /** The .bib names the job's .aux ({@code \bibdata{a,b}}) or .bcf asks for, with {@code .bib} added. */
    static List<String> databaseNames(Path workDir, String jobName) throws IOException {
        List<String> names = new ArrayList<>();
        Path aux = workDir.resolve(jobName + ".aux");
        if (Files.isRegularFile(aux)) {
            Matcher m = BIBDATA.matcher(Files.readString(aux, StandardCharsets.ISO_8859_1));
            while (m.find()) {
                for (String name : m.group(1).split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.strip().endsWith(".bib") ? name.strip() : name.strip() + ".bib");
                    }
                }
            }
        }
        Path bcf = workDir.resolve(jobName + ".bcf");
        if (Files.isRegularFile(bcf)) {
            Matcher m = DATASOURCE.matcher(Files.readString(bcf, StandardCharsets.UTF_8));
            while (m.find()) {
                names.add(m.group(1).strip());
            }
        }
        return names;
    }

    /** The map of a .bbl's text. */
    public static BblSourceMap of(String bbl, BibFileIndex index) {
        int[] lineStarts = lineStarts(bbl);
        List<Integer> starts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Matcher item = ITEM.matcher(bbl);
        while (item.find()) {
            String key = key(bbl, item.end());
            if (key != null) {
                starts.add(item.start());
                keys.add(key);
            }
        }
        List<Block> blocks = new ArrayList<>();
        Matcher end = END.matcher(bbl);
        for (int i = 0; i < starts.size(); i++) {
            int first = lineOf(lineStarts, starts.get(i));
            int next = i + 1 < starts.size() ? starts.get(i + 1) : bbl.length();
            int last = i + 1 < starts.size() ? lineOf(lineStarts, next) - 1 : lineStarts.length;
            if (end.find(starts.get(i)) && end.start() < next) {
                // biblatex's \endentry belongs to its entry; \end{thebibliography} follows the last item.
                last = end.group().startsWith("\\endentry") ? lineOf(lineStarts, end.start())
                        : lineOf(lineStarts, end.start()) - 1;
            }
            blocks.add(new Block(first, Math.max(first, last), keys.get(i)));
        }
        return new BblSourceMap(blocks, lineStarts.length, index);
    }

    /**
     * The key in {@code \bibitem[label]{key}} or {@code \entry{key}}, read from just after the command; the label
     * may span lines and hold braces and brackets of its own.
     */
    private static String key(String bbl, int from) {
        int i = skipWhite(bbl, from);
        if (i < bbl.length() && bbl.charAt(i) == '[') {
            int depth = 0;
            i++;
            while (i < bbl.length() && !(bbl.charAt(i) == ']' && depth == 0)) {
                char c = bbl.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
                i++;
            }
            i = skipWhite(bbl, i + 1);
        }
        if (i >= bbl.length() || bbl.charAt(i) != '{') {
            return null;
        }
        int close = bbl.indexOf('}', i);
        return close < 0 ? null : bbl.substring(i + 1, close).strip();
    }

    /** The key of the reference whose block holds {@code bblLine}. */
    public Optional<String> keyAt(int bblLine) {
        return blocks.stream().filter(b -> b.firstLine() <= bblLine && bblLine <= b.lastLine())
                .map(Block::key).findFirst();
    }

    /**
     * Where {@code bblLine} came from, with a hint fitted to the LaTeX error {@code errorText}; empty when the
     * line is outside every reference (the list's preamble) or the key is in no .bib file read.
     */
    public Optional<Origin> origin(int bblLine, String errorText) {
        Optional<String> key = keyAt(bblLine);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<BibFileIndex.Entry> entry = index.find(key.get());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        BibFileIndex.Entry e = entry.get();
        String suspects = suspects(errorText);
        for (BibFileIndex.Field field : e.fields()) {
            if (VERBATIM_FIELDS.contains(field.name())) {
                continue;
            }
            Optional<int[]> found = unescaped(field.value(), suspects);
            if (found.isPresent()) {
                char c = (char) found.get()[0];
                return Optional.of(new Origin(key.get(), e.file(), e.line(), field.line() + found.get()[1],
                        "its " + field.name() + " has an unescaped '" + c + "', which LaTeX reads as a command"
                                + " character; write " + escaped(c) + " in the .bib"));
            }
        }
        return Optional.of(new Origin(key.get(), e.file(), e.line(), e.line(), "LaTeX stopped inside the reference"
                + " made from this entry: look in its fields for a character that needs a backslash (& % # _"
                + " are written \\& \\% \\# \\_) or for a brace without its partner"));
    }

    /**
     * Warnings for a {@code %} in a field of a cited entry: LaTeX takes it as the start of a comment and silently
     * drops the rest of the .bbl line, so the reference list loses text without any error.
     *
     * @param bibPath how to name the .bib file in the message (relative to the working directory or absolute)
     */
    public List<TexMessage> silentLosses(BibSearchPath bibPath) {
        List<TexMessage> warnings = new ArrayList<>();
        for (Block block : blocks) {
            Optional<BibFileIndex.Entry> entry = index.find(block.key());
            if (entry.isEmpty()) {
                continue;
            }
            for (BibFileIndex.Field field : entry.get().fields()) {
                Optional<int[]> found = VERBATIM_FIELDS.contains(field.name()) ? Optional.empty()
                        : unescaped(field.value(), "%");
                if (found.isPresent()) {
                    warnings.add(new TexMessage(TexMessage.Kind.BIB_WARNING, bibPath.display(entry.get().file()),
                            field.line() + found.get()[1], "the " + field.name() + " of '" + block.key() + "' has an"
                            + " unescaped '%': LaTeX drops the rest of that line of the reference list; write \\%",
                            block.key()));
                    break;
                }
            }
        }
        return warnings;
    }

    /**
     * The messages, with those about the .bbl moved to the .bib entry they came from; others are unchanged.
     *
     * @param bblName the name the engine's log gives the .bbl (e.g. {@code main.bbl})
     * @param bibPath how to name the .bib file in the message (relative to the working directory or absolute)
     */
    public List<TexMessage> relocate(List<TexMessage> messages, String bblName, BibSearchPath bibPath) {
        List<TexMessage> relocated = new ArrayList<>();
        for (TexMessage message : messages) {
            Optional<Origin> origin = message.file().equals(bblName) && message.line() > 0
                    && message.line() <= lineCount ? origin(message.line(), message.text()) : Optional.empty();
            if (origin.isEmpty()) {
                relocated.add(message);
                continue;
            }
            Origin o = origin.get();
            relocated.add(new TexMessage(message.kind(), bibPath.display(o.file()), o.line(),
                    stripPeriod(message.text()) + " in the reference '" + o.key() + "' (" + bblName + " line "
                            + message.line() + "): " + o.hint() + ".", o.key()));
        }
        return relocated;
    }

    private static String stripPeriod(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Which characters a LaTeX error points at; all the usual ones when it does not say. */
    private static String suspects(String errorText) {
        if (errorText.contains("alignment tab")) {
            return "&";
        }
        if (errorText.contains("parameter character #") || errorText.contains("parameter number")) {
            return "#";
        }
        if (errorText.contains("Missing $ inserted") || errorText.contains("Double subscript")
                || errorText.contains("Double superscript")) {
            return "_^";
        }
        return "&%#_^";
    }

    private static String escaped(char c) {
        return switch (c) {
            case '^' -> "\\^{} (or put it in math, $x^2$)";
            case '_' -> "\\_ (or put it in math, $x_i$)";
            default -> "\\" + c;
        };
    }

    /**
     * The first of {@code suspects} in a field value that TeX would read as a special character: inside the
     * value's braces or quotes, not after a backslash, and for {@code _ ^} not in math. Returns the character and
     * how many lines into the value it is.
     */
    static Optional<int[]> unescaped(String value, String suspects) {
        int depth = 0;
        boolean quoted = false;
        boolean math = false;
        int line = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n') {
                line++;
                continue;
            }
            boolean escaped = backslashesBefore(value, i) % 2 == 1;
            if (escaped) {
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (depth > 0 || quoted) {
                if (c == '$') {
                    math = !math;
                } else if (suspects.indexOf(c) >= 0 && !(math && (c == '_' || c == '^'))) {
                    return Optional.of(new int[] {c, line});
                }
            }
        }
        return Optional.empty();
    }

    private static int backslashesBefore(String text, int i) {
        int n = 0;
        while (i - n - 1 >= 0 && text.charAt(i - n - 1) == '\\') {
            n++;
        }
        return n;
    }

    private static int skipWhite(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i + 1 < text.length()) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int i = java.util.Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
