package dev.texreport.core.tex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * (Over the house's 250 lines on purpose: one reader per program's format, bibtex's and biber's, whose rules are
 * only readable side by side.)
 *
 * <p>Reads what bibtex or biber printed (the .blg, or the terminal output when there is no .blg) into messages located
 * where the cause is: a .bib file and line, the entry a warning is about, or no place with a sentence that says
 * what to change. Each message leads with the cause (a warning bibtex or biber words itself, such as
 * {@code bibtex: empty journal in x}, names the program); bibtex's statistics and the follow-on warnings about an entry
 * it could not read are left out. "I didn't find a database entry" is left out as well: the engine reports the same
 * key as an undefined citation, at the {@code \cite}.
 *
 * <p>bibtex 0.99d prints an error as {@code <what>---line <n> of file <f>} followed by two context lines
 * ({@code " : "} + what it had read, {@code " : "} + where it stopped), an error about the .aux as
 * {@code <what>---while reading file <f>}, and a warning as {@code Warning--<what>}, followed by
 * {@code --line <n> of file <f>} when it has a place. biber prints {@code ERROR - } and {@code WARN - } lines.
 * No library reads either format, hence the rules here.
 */
public final class BibtexLog {
    private static final Pattern LOCATED = Pattern.compile("^(.*)---line (\\d+) of file (.+)$");
    private static final Pattern WHILE_READING = Pattern.compile("^(.*)---while reading file (.+)$");
    private static final Pattern WARNING = Pattern.compile("^Warning--(.*)$");
    private static final Pattern WARNING_PLACE = Pattern.compile("^--line (\\d+) of file (.+)$");
    private static final Pattern WARNING_KEY = Pattern.compile(" in (\\S+)$");
    private static final Pattern COULD_NOT_OPEN = Pattern.compile("^I couldn't open (database|style) file (.+)$");
    private static final Pattern CONTEXT = Pattern.compile("^ : (.*)$");
    private static final Pattern DATABASE = Pattern.compile("^Database file #\\d+: (.+)$");
    private static final Pattern ENTRY_START = Pattern.compile("^\\s*@\\s*[^\\s{(]+\\s*[{(]\\s*(.*)$");
    private static final Pattern FIELD_START = Pattern.compile("^([^\\s=,{}]+)\\s*=");
    private static final Pattern QUOTED = Pattern.compile("`([^`']*)'");

    private static final Pattern BIBER = Pattern.compile("(?:^|> )(ERROR|WARN) - (.*)$");
    private static final Pattern BIBER_SOURCE = Pattern.compile("INFO - Found \\w+ data source '(.+)'$");
    private static final Pattern BIBER_SYNTAX = Pattern.compile(
            "^BibTeX subsystem: .*?, line (\\d+), (.*?)(?: \\(skipping to next \"@\"\\))?$");
    private static final Pattern BIBER_EXPECTED_END = Pattern.compile(
            "^syntax error: found \"([^\"]*)\", expected end of entry");
    private static final Pattern BIBER_CANNOT_FIND = Pattern.compile("^Cannot find '(.+)'!?$");
    private static final Pattern BIBER_DUPLICATE = Pattern.compile(
            "^Duplicate entry key: '(.+)' in file '(.+)', skipping");
    private static final Pattern BIBER_CASE = Pattern.compile("^Possible typo \\(case mismatch\\) between"
            + " datasource keys: '(.+)' and '(.+)' in file '(.+)'$");
    private static final Pattern BIBER_CITED_CASE = Pattern.compile("^Possible typo \\(case mismatch\\) between"
            + " citation and datasource keys: '(.+)' and '(.+)' in file '(.+)'$");
    private static final Pattern BIBER_ENTRY = Pattern.compile("^Entry '(.+?)' \\((.+?)\\): (.*)$");

    private final BibSearchPath bibPath;
    private final BibSearchPath bstPath;

    public BibtexLog(BibSearchPath bibPath, BibSearchPath bstPath) {
        this.bibPath = bibPath;
        this.bstPath = bstPath;
    }

    /** For a job run in {@code workDir} with {@code environment} (its BIBINPUTS and BSTINPUTS). */
    public static BibtexLog forJob(Path workDir, Map<String, String> environment) {
        return new BibtexLog(BibSearchPath.forBib(workDir, environment), BibSearchPath.forBst(workDir, environment));
    }

    /**
     * bibtex's messages. Files are named relative to the working directory when inside it, else absolute.
     *
     * @param blg      the .blg's lines (empty when bibtex wrote none)
     * @param terminal what bibtex printed, used when there is no .blg
     */
    public List<TexMessage> bibtex(List<String> blg, List<String> terminal) {
        List<String> lines = blg.isEmpty() ? terminal : blg;
        List<Path> databases = new ArrayList<>();
        for (String line : lines) {
            Matcher m = DATABASE.matcher(line);
            if (m.matches()) {
                bibPath.resolve(m.group(1).strip()).ifPresent(databases::add);
            }
        }
        BibFileIndex index = BibFileIndex.read(databases);
        Set<TexMessage> messages = new LinkedHashSet<>();
        Set<String> brokenKeys = new HashSet<>();
        boolean styleMissing = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = COULD_NOT_OPEN.matcher(line)).matches()) {
                i = skipDetails(lines, i + 1, true) - 1;
                boolean database = m.group(1).equals("database");
                styleMissing |= !database;
                messages.add(couldNotOpen(database, m.group(2).strip()));
            } else if ((m = LOCATED.matcher(line)).matches()) {
                String what = m.group(1).strip();
                if (what.isEmpty() || what.equals("while executing")) {
                    what = i > 0 ? lines.get(i - 1).strip() : "bibtex error";
                }
                String before = i + 1 < lines.size() ? context(lines.get(i + 1)) : null;
                String rest = before != null && i + 2 < lines.size() ? context(lines.get(i + 2)) : null;
                boolean previousLine = i + 3 < lines.size()
                        && lines.get(i + 3).equals("(Error may have been on previous line)");
                i = skipDetails(lines, i + 1, false) - 1;
                TexMessage message = located(readable(what), Integer.parseInt(m.group(2)), m.group(3).strip(),
                        before == null ? "" : before, rest == null ? "" : restOf(before, rest), previousLine,
                        index, brokenKeys);
                messages.add(message);
            } else if ((m = WHILE_READING.matcher(line)).matches()) {
                String what = m.group(1).strip();
                if (what.equals("I found no style file") && styleMissing) {
                    continue;
                }
                messages.add(new TexMessage(TexMessage.Kind.ERROR, "", 0, explainAux(readable(what)), ""));
            } else if ((m = WARNING.matcher(line)).matches()) {
                String what = readable(m.group(1).strip());
                Matcher place = i + 1 < lines.size() ? WARNING_PLACE.matcher(lines.get(i + 1)) : null;
                if (what.startsWith("I didn't find a database entry for")) {
                    continue;
                }
                if (place != null && place.matches()) {
                    i++;
                    Optional<Path> file = resolve(place.group(2).strip());
                    messages.add(new TexMessage(TexMessage.Kind.BIB_WARNING,
                            file.map(bibPath::display).orElse(place.group(2).strip()),
                            Integer.parseInt(place.group(1)), "bibtex: " + what, ""));
                    continue;
                }
                Matcher key = WARNING_KEY.matcher(what);
                String subject = key.find() ? key.group(1) : "";
                if (!subject.isEmpty() && brokenKeys.contains(subject.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                Optional<BibFileIndex.Entry> entry = subject.isEmpty() ? Optional.empty() : index.find(subject);
                messages.add(new TexMessage(TexMessage.Kind.BIB_WARNING,
                        entry.map(e -> bibPath.display(e.file())).orElse(""), entry.map(BibFileIndex.Entry::line)
                        .orElse(0), "bibtex: " + what, subject));
            } else if (line.startsWith("Sorry---")) {
                messages.add(new TexMessage(TexMessage.Kind.ERROR, "", 0, "bibtex ran out of room: "
                        + readable(line.substring("Sorry---".length())), ""));
            }
        }
        return List.copyOf(messages);
    }

    /** The lines after an error that only repeat it: context, "may have been", "I'm skipping ...". */
    private static int skipDetails(List<String> lines, int from, boolean withPlace) {
        int i = from;
        if (withPlace && i < lines.size() && LOCATED.matcher(lines.get(i)).matches()) {
            i++;
        }
        while (i < lines.size() && (CONTEXT.matcher(lines.get(i)).matches()
                || lines.get(i).equals("(Error may have been on previous line)")
                || lines.get(i).startsWith("I'm skipping whatever remains of this"))) {
            i++;
        }
        return i;
    }

    private static String context(String line) {
        Matcher m = CONTEXT.matcher(line);
        return m.matches() ? m.group(1) : null;
    }

    /** bibtex's second context line repeats the first one's width in spaces, then shows where it stopped. */
    private static String restOf(String before, String rest) {
        return rest.length() >= before.length() ? rest.substring(before.length()).strip() : rest.strip();
    }

    private TexMessage couldNotOpen(boolean database, String name) {
        if (database) {
            String base = name.endsWith(".bib") ? name.substring(0, name.length() - 4) : name;
            return new TexMessage(TexMessage.Kind.ERROR, "", 0, "I couldn't open database file " + name
                    + ": the document's \\bibliography names '" + base + "', but there is no " + name + " in "
                    + bibPath.describe() + ". Fix the name or add the file.", name);
        }
        String base = name.endsWith(".bst") ? name.substring(0, name.length() - 4) : name;
        return new TexMessage(TexMessage.Kind.ERROR, "", 0, "I couldn't open style file " + name
                + ": \\bibliographystyle{" + base + "} names a style that is neither in " + bstPath.describe()
                + " nor in the TeX installation.", name);
    }

    private static String explainAux(String what) {
        if (what.startsWith("I found no \\citation commands")) {
            return what + ": the document has a bibliography but cites nothing; cite an entry with \\cite{key}"
                    + " (or \\nocite{key}), or remove the bibliography.";
        }
        if (what.startsWith("I found no \\bibdata command")) {
            return what + ": the document cites entries but has no \\bibliography{...} naming the .bib file.";
        }
        if (what.startsWith("I found no \\bibstyle command")) {
            return what + ": the document has a \\bibliography but no \\bibliographystyle{...}.";
        }
        return what;
    }

    private TexMessage located(String what, int line, String fileName, String before, String rest,
                               boolean previousLine, BibFileIndex index, Set<String> brokenKeys) {
        if (fileName.endsWith(".aux")) {
            // A place in the generated .aux means nothing to the team; the sentence names the command.
            return new TexMessage(TexMessage.Kind.ERROR, "", 0, what + " (in the document's bibliography"
                    + " commands)", "");
        }
        Optional<Path> file = resolve(fileName);
        String shown = file.map(bibPath::display).orElse(fileName);
        if (file.isEmpty() || !fileName.endsWith(".bib")) {
            return new TexMessage(TexMessage.Kind.ERROR, shown, line, what + stoppedAt(rest), "");
        }
        Optional<BibFileIndex.Entry> entry = index.around(file.get(), line);
        String key = entry.map(BibFileIndex.Entry::key).orElse("");
        if (what.startsWith("Repeated entry")) {
            Matcher start = ENTRY_START.matcher(before);
            String repeated = start.matches() ? start.group(1).strip() : key;
            Optional<BibFileIndex.Entry> first = index.findAll(repeated).stream()
                    .filter(e -> !(e.file().equals(file.get()) && e.line() == entry.map(BibFileIndex.Entry::line)
                            .orElse(-1)))
                    .findFirst();
            String where = first.map(e -> " is already used at "
                    + (e.file().equals(file.get()) ? "line " : bibPath.display(e.file()) + ":") + e.line()
                    + (e.key().equals(repeated) ? "" : " as '" + e.key() + "' (bibtex ignores the case of keys)"))
                    .orElse(" is used twice");
            return new TexMessage(TexMessage.Kind.ERROR, shown, line, "Repeated entry: the key '" + repeated + "'"
                    + where + "; bibtex keeps the first entry. Give this one another key or delete it.", repeated);
        }
        // bibtex skips the rest of a broken entry, then warns about its missing fields: consequences, not causes.
        entry.ifPresent(e -> brokenKeys.add(e.key().toLowerCase(Locale.ROOT)));
        boolean expectingEnd = what.startsWith("I was expecting a ',' or a");
        if (what.startsWith("Illegal end of database file") || expectingEnd && rest.startsWith("@")) {
            // A brace without its partner: bibtex read on to the end of the file, or into the next entry.
            Optional<BibFileIndex.Entry> open = expectingEnd ? index.around(file.get(), line - 1) : entry;
            if (open.isPresent()) {
                BibFileIndex.Entry e = open.get();
                brokenKeys.add(e.key().toLowerCase(Locale.ROOT));
                Optional<BibFileIndex.Field> field = e.swallowingField();
                int at = field.map(BibFileIndex.Field::line).orElse(e.brokenAt() > 0 ? e.brokenAt() : e.line());
                String where = field.map(f -> "the " + f.name() + " field of '" + e.key() + "'")
                        .orElse("the entry '" + e.key() + "'");
                return new TexMessage(TexMessage.Kind.ERROR, shown, at, "a '{' in " + where + " has no closing '}',"
                        + " so bibtex read on " + (expectingEnd ? "into the next entry" : "to the end of the file")
                        + " (bibtex: " + what + " at line " + line + ")", e.key());
            }
        }
        if (expectingEnd && previousLine && before.isBlank()) {
            Matcher field = FIELD_START.matcher(rest);
            Optional<Integer> previous = previousNonBlank(file.get(), line);
            if (field.find() && previous.isPresent()) {
                return new TexMessage(TexMessage.Kind.ERROR, shown, previous.get(), "missing ',' at the end of this"
                        + " line: bibtex expected a ',' or the end of the entry before \"" + rest + "\" (line " + line
                        + ")", key);
            }
        }
        return new TexMessage(TexMessage.Kind.ERROR, shown, line, what + stoppedAt(rest), key);
    }

    private static String stoppedAt(String rest) {
        return rest.isEmpty() ? "" : " (bibtex stopped at \"" + rest + "\")";
    }

    /** The line before {@code line} that has text on it and does not already end with a comma. */
    private static Optional<Integer> previousNonBlank(Path file, int line) {
        try {
            List<String> lines = BibFileIndex.decode(Files.readAllBytes(file)).lines().toList();
            for (int i = Math.min(line - 2, lines.size() - 1); i >= 0; i--) {
                String text = lines.get(i).strip();
                if (!text.isEmpty()) {
                    return text.endsWith(",") ? Optional.empty() : Optional.of(i + 1);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private Optional<Path> resolve(String name) {
        return name.endsWith(".bst") ? bstPath.resolve(name) : bibPath.resolve(name);
    }

    /** bibtex quotes as {@code `,'}; the messages use plain quotes. */
    private static String readable(String text) {
        return QUOTED.matcher(text).replaceAll("'$1'");
    }

    /**
     * biber's messages.
     *
     * @param blg      the .blg's lines (empty when biber wrote none)
     * @param terminal what biber printed, used when there is no .blg
     * @param workDir  where biber ran: it names data sources relative to it
     */
    public List<TexMessage> biber(List<String> blg, List<String> terminal, Path workDir) {
        List<String> lines = blg.isEmpty() ? terminal : blg;
        List<Path> sources = new ArrayList<>();
        for (String line : lines) {
            Matcher m = BIBER_SOURCE.matcher(line);
            if (m.find()) {
                sources.add(workDir.resolve(m.group(1)).toAbsolutePath().normalize());
            }
        }
        BibFileIndex index = BibFileIndex.read(sources);
        Set<TexMessage> messages = new LinkedHashSet<>();
        Set<String> casePairs = new HashSet<>();
        Path current = null;
        for (String line : lines) {
            Matcher source = BIBER_SOURCE.matcher(line);
            if (source.find()) {
                current = workDir.resolve(source.group(1)).toAbsolutePath().normalize();
                continue;
            }
            Matcher m = BIBER.matcher(line);
            if (!m.find()) {
                continue;
            }
            boolean error = m.group(1).equals("ERROR");
            String text = m.group(2).strip();
            TexMessage.Kind kind = error ? TexMessage.Kind.ERROR : TexMessage.Kind.BIB_WARNING;
            Matcher d;
            if (text.startsWith("I didn't find a database entry for")) {
                continue;
            } else if ((d = BIBER_SYNTAX.matcher(text)).matches() && current != null) {
                int at = Integer.parseInt(d.group(1));
                String what = d.group(2);
                Matcher end = BIBER_EXPECTED_END.matcher(what);
                Optional<Integer> previous = end.find() ? previousNonBlank(current, at) : Optional.empty();
                String key = index.around(current, at).map(BibFileIndex.Entry::key).orElse("");
                if (previous.isPresent()) {
                    messages.add(new TexMessage(kind, bibPath.display(current), previous.get(), "missing ',' at the"
                            + " end of this line: biber expected a ',' or the end of the entry before \""
                            + end.group(1) + "\" (line " + at + ")", key));
                } else {
                    messages.add(new TexMessage(kind, bibPath.display(current), at, what, key));
                }
            } else if ((d = BIBER_CANNOT_FIND.matcher(text)).matches()) {
                messages.add(new TexMessage(kind, "", 0, "Cannot find '" + d.group(1) + "': the document's"
                        + " \\addbibresource names a file that is not in " + bibPath.describe() + ". Fix the name or"
                        + " add the file.", d.group(1)));
            } else if ((d = BIBER_DUPLICATE.matcher(text)).find()) {
                String key = d.group(1);
                Path file = workDir.resolve(d.group(2)).toAbsolutePath().normalize();
                List<BibFileIndex.Entry> same = index.entries().stream()
                        .filter(e -> e.key().equals(key) && e.file().equals(file)).toList();
                Optional<BibFileIndex.Entry> skipped = same.size() > 1 ? Optional.of(same.get(1)) : Optional.empty();
                messages.add(new TexMessage(kind, bibPath.display(file), skipped.map(BibFileIndex.Entry::line)
                        .orElse(0), "Duplicate entry key '" + key + "': biber keeps the first one"
                        + (same.isEmpty() ? "" : " (line " + same.get(0).line() + ")") + " and skips this one; give"
                        + " it another key or delete it.", key));
            } else if ((d = BIBER_CASE.matcher(text)).matches()) {
                // biber prints the pair twice, in an order that changes from run to run: report it once, at the
                // later of the two entries.
                Path file = workDir.resolve(d.group(3)).toAbsolutePath().normalize();
                String one = d.group(1);
                String other = d.group(2);
                List<BibFileIndex.Entry> pair = index.entries().stream().filter(e -> e.file().equals(file)
                        && (e.key().equals(one) || e.key().equals(other))).toList();
                String first = pair.isEmpty() ? d.group(1) : pair.get(0).key();
                String second = first.equals(d.group(1)) ? d.group(2) : d.group(1);
                if (!casePairs.add(first + "\n" + second)) {
                    continue;
                }
                Optional<BibFileIndex.Entry> later = pair.stream().filter(e -> e.key().equals(second)).findFirst();
                messages.add(new TexMessage(kind, bibPath.display(file), later.map(BibFileIndex.Entry::line).orElse(0),
                        "the key '" + second + "' differs from '" + first + "'" + (pair.isEmpty() ? ""
                                : " (line " + pair.get(0).line() + ")") + " only in case: a typo?", second));
            } else if ((d = BIBER_CITED_CASE.matcher(text)).matches()) {
                Path file = workDir.resolve(d.group(3)).toAbsolutePath().normalize();
                String key = d.group(2);
                Optional<BibFileIndex.Entry> entry = index.entries().stream()
                        .filter(e -> e.key().equals(key) && e.file().equals(file)).findFirst();
                messages.add(new TexMessage(kind, bibPath.display(file), entry.map(BibFileIndex.Entry::line).orElse(0),
                        "the document cites '" + d.group(1) + "', which differs from this entry's key '" + key
                                + "' only in case; biber matches keys exactly", key));
            } else if ((d = BIBER_ENTRY.matcher(text)).matches()) {
                String key = d.group(1);
                Path file = workDir.resolve(d.group(2)).toAbsolutePath().normalize();
                Optional<BibFileIndex.Entry> entry = index.entries().stream()
                        .filter(e -> e.key().equals(key) && e.file().equals(file)).findFirst();
                messages.add(new TexMessage(kind, bibPath.display(file), entry.map(BibFileIndex.Entry::line).orElse(0),
                        "biber: " + d.group(3) + " (entry '" + key + "')", key));
            } else {
                messages.add(new TexMessage(kind, "", 0, "biber: " + text, ""));
            }
        }
        return List.copyOf(messages);
    }

    /**
     * The .blg without bibtex's statistics (the count of each built-in function it called), for a failure no rule
     * above recognised: what remains is the part that says what went wrong.
     */
    public static List<String> withoutStatistics(List<String> blg) {
        List<String> kept = new ArrayList<>();
        boolean statistics = false;
        for (String line : blg) {
            if (line.startsWith("You've used ")) {
                statistics = true;
            } else if (statistics && line.startsWith("(There w")) {
                statistics = false;
            }
            if (!statistics && !line.startsWith("Capacity: ")) {
                kept.add(line);
            }
        }
        return kept;
    }
}
