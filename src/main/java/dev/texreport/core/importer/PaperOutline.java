package dev.texreport.core.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outline of a single-file paper, cut from its text: the preamble (without the conference style, title and
 * authors), the style and its options, title and author block, abstract, sections, acknowledgements, bibliography,
 * checklist and appendix. Section texts are the paper's own, verbatim from their {@code \section} line to the next;
 * whatever the importer cannot place is listed in {@link #unmapped()}.
 */
record PaperOutline(String documentClass, String classOptions, String preamble, Optional<String> style,
                    String styleOptions, String title, String authors, Optional<String> abstractText,
                    Optional<String> opening, List<Part> sections, Optional<String> acknowledgements,
                    List<String> bibliographies, Optional<String> bibliographyStyle, Optional<String> checklist,
                    List<Part> appendix, List<String> unmapped) {

    /** A section of the paper: its heading's text and its verbatim source, heading included. */
    record Part(String title, String text) { }

    /** A conference style: neurips_2024, nips_2017, nips15submit_e ... */
    static final Pattern CONFERENCE_STYLE = Pattern.compile("(?:neurips|nips)[_A-Za-z0-9-]*");
    /** Commands between the parts of the back matter that place nothing (page breaks, spacing, font size). */
    private static final Pattern TRIVIAL = Pattern.compile(
            "\\\\(?:newpage|clearpage|cleardoublepage|pagebreak|medskip|bigskip|smallskip|vfill|small|footnotesize"
                    + "|normalsize|onecolumn|balance|newline)(?![A-Za-z])|[{}\\s]");
    private static final Pattern PAGE_BREAK_AT_END = Pattern.compile("\\\\(?:clearpage|newpage)\\s*$");
    private static final Pattern CHECKLIST = Pattern.compile("(?i).*check\\s*list.*");

    static PaperOutline parse(LatexText t) throws IllegalArgumentException {
        int end = t.length();
        List<String> unmapped = new ArrayList<>();
        int classAt = t.first("documentclass", 0, end).orElseThrow(() -> new IllegalArgumentException(
                "has no \\documentclass: it is not the main file of a LaTeX paper"));
        int afterName = classAt + "\\documentclass".length();
        String classOptions = t.optional(afterName).map(a -> t.uncommented(a.from(), a.to()).strip()).orElse("");
        LatexText.Argument cls = t.braced(t.skipOptional(afterName)).orElseThrow(() -> new IllegalArgumentException(
                "has \\documentclass without a class name"));
        int beginDoc = t.begin("document", cls.next(), end).orElseThrow(() -> new IllegalArgumentException(
                "has no \\begin{document}"));
        int docStart = t.mask().indexOf('}', beginDoc) + 1;
        int docEnd = t.end("document", docStart, end).map(e -> e[0]).orElse(end);

        // The preamble, less what moves elsewhere: the conference style (the pack loads it), title and authors.
        Cuts preambleCuts = new Cuts(t);
        Optional<String> style = Optional.empty();
        String styleOptions = "";
        for (int at : t.commands("usepackage", cls.next(), beginDoc)) {
            int afterCommand = at + "\\usepackage".length();
            Optional<LatexText.Argument> options = t.optional(afterCommand);
            Optional<LatexText.Argument> names = t.braced(t.skipOptional(afterCommand));
            if (names.isEmpty()) {
                continue;
            }
            String name = t.uncommented(names.get().from(), names.get().to()).strip();
            if (CONFERENCE_STYLE.matcher(name).matches() && style.isEmpty()) {
                style = Optional.of(name);
                styleOptions = options.map(a -> t.uncommented(a.from(), a.to()).strip()).orElse("");
                preambleCuts.add(at, names.get().next());
            }
        }
        String title = argument(t, "title", cls.next(), beginDoc, preambleCuts)
                .or(() -> argument(t, "title", docStart, docEnd, null)).orElse("");
        String authors = argument(t, "author", cls.next(), beginDoc, preambleCuts)
                .or(() -> argument(t, "author", docStart, docEnd, null)).orElse("");
        String preamble = preambleCuts.apply(t.endOfLine(cls.next()), beginDoc);

        // The body: after \maketitle (or \begin{document}) up to the first part of the back matter.
        Optional<Integer> maketitle = t.first("maketitle", docStart, docEnd);
        int bodyStart = maketitle.map(m -> m + "\\maketitle".length()).orElse(docStart);
        if (maketitle.isPresent()) {
            Cuts titleCuts = new Cuts(t);
            for (String moved : List.of("title", "author")) {
                t.first(moved, docStart, maketitle.get()).ifPresent(at -> t.braced(at + moved.length() + 1)
                        .ifPresent(a -> titleCuts.add(at, a.next())));
            }
            String before = titleCuts.apply(docStart, maketitle.get());
            if (!new LatexText(before).blank(0, before.length())) {
                unmapped.add("line " + t.line(docStart) + ": " + "text between \\begin{document} and \\maketitle: "
                        + abbreviate(new LatexText(before).mask()));
            }
        }
        int appendixAt = t.first("appendix", bodyStart, docEnd).orElse(docEnd);
        int mainEnd = earliest(appendixAt, t.begin("ack", bodyStart, appendixAt), t.first("bibliographystyle",
                bodyStart, appendixAt), t.first("bibliography", bodyStart, appendixAt), t.first("printbibliography",
                bodyStart, appendixAt), t.begin("thebibliography", bodyStart, appendixAt));
        Cuts bodyCuts = new Cuts(t);
        Optional<String> abstractText = Optional.empty();
        int firstSection = t.first("section", bodyStart, mainEnd).orElse(mainEnd);
        Optional<Integer> abstractAt = t.begin("abstract", bodyStart, firstSection);
        if (abstractAt.isPresent()) {
            int innerStart = t.mask().indexOf('}', abstractAt.get()) + 1;
            Optional<int[]> abstractEnd = t.end("abstract", innerStart, mainEnd);
            if (abstractEnd.isPresent()) {
                abstractText = Optional.of(trimmed(t.slice(innerStart, abstractEnd.get()[0])));
                bodyCuts.add(abstractAt.get(), abstractEnd.get()[1]);
            }
        }
        List<Part> sections = parts(t, bodyStart, mainEnd, firstSection);
        String openingText = bodyCuts.apply(bodyStart, firstSection);
        Optional<String> opening = new LatexText(openingText).blank(0, openingText.length()) ? Optional.empty()
                : Optional.of(trimmed(openingText));

        // The back matter before the appendix: acknowledgements, bibliography, a checklist; the rest is reported.
        Cuts backCuts = new Cuts(t);
        Optional<String> ack = Optional.empty();
        Optional<Integer> ackAt = t.begin("ack", mainEnd, appendixAt);
        if (ackAt.isPresent()) {
            int innerStart = t.mask().indexOf('}', ackAt.get()) + 1;
            Optional<int[]> ackEnd = t.end("ack", innerStart, appendixAt);
            if (ackEnd.isPresent()) {
                ack = Optional.of(trimmed(t.slice(innerStart, ackEnd.get()[0])));
                backCuts.add(ackAt.get(), ackEnd.get()[1]);
            }
        }
        List<String> bibliographies = new ArrayList<>();
        Optional<String> bibliographyStyle = Optional.empty();
        for (int at : t.commands("bibliography", mainEnd, appendixAt)) {
            Optional<LatexText.Argument> a = t.braced(at + "\\bibliography".length());
            if (a.isPresent()) {
                for (String name : t.uncommented(a.get().from(), a.get().to()).split(",")) {
                    if (!name.isBlank()) {
                        bibliographies.add(name.strip());
                    }
                }
                backCuts.add(at, a.get().next());
            }
        }
        for (int at : t.commands("bibliographystyle", mainEnd, appendixAt)) {
            Optional<LatexText.Argument> a = t.braced(at + "\\bibliographystyle".length());
            if (a.isPresent()) {
                bibliographyStyle = Optional.of(t.uncommented(a.get().from(), a.get().to()).strip());
                backCuts.add(at, a.get().next());
            }
        }
        Optional<String> checklist = Optional.empty();
        int backSection = t.first("section", mainEnd, appendixAt).orElse(appendixAt);
        for (Part part : parts(t, mainEnd, appendixAt, backSection)) {
            if (CHECKLIST.matcher(part.title()).matches() && checklist.isEmpty()) {
                checklist = Optional.of(part.text());
            } else {
                unmapped.add("a section after the references, \"" + part.title() + "\" (it is not an appendix);"
                        + " move it into the appendix/ folder or the body");
            }
        }
        String rest = backCuts.apply(mainEnd, backSection);
        String restMask = new LatexText(rest).mask();
        if (!TRIVIAL.matcher(restMask).replaceAll("").isEmpty()) {
            unmapped.add("line " + t.line(mainEnd) + ": " + "text among the acknowledgements and references: "
                    + abbreviate(restMask));
        }
        // The appendix, one file per section; a checklist written among them goes to its own slot.
        List<Part> appendix = new ArrayList<>();
        if (appendixAt < docEnd) {
            int start = appendixAt + "\\appendix".length();
            int firstAppendixSection = t.first("section", start, docEnd).orElse(docEnd);
            String lead = t.slice(start, firstAppendixSection);
            for (Part part : parts(t, start, docEnd, firstAppendixSection)) {
                if (CHECKLIST.matcher(part.title()).matches() && checklist.isEmpty()) {
                    checklist = Optional.of(part.text());
                } else {
                    appendix.add(part);
                }
            }
            // A page break the paper put just before \appendix starts the appendix file, as it started the appendix.
            boolean pageBreak = PAGE_BREAK_AT_END.matcher(t.uncommented(mainEnd, appendixAt)).find() && lead.isBlank();
            lead = pageBreak ? "\\clearpage" : lead;
            if (pageBreak || !TRIVIAL.matcher(new LatexText(lead).mask()).replaceAll("").isEmpty()) {
                if (appendix.isEmpty()) {
                    appendix.add(new Part("Appendix", trimmed(lead)));
                } else {
                    appendix.set(0, new Part(appendix.get(0).title(), trimmed(lead) + "\n" + appendix.get(0).text()));
                }
            }
        }
        if (t.end("document", docStart, end).isEmpty()) {
            unmapped.add("the paper has no \\end{document}");
        }
        return new PaperOutline(t.uncommented(cls.from(), cls.to()).strip(), classOptions, preamble, style,
                styleOptions, title, authors, abstractText, opening, sections, ack, bibliographies,
                bibliographyStyle, checklist, appendix, unmapped);
    }

    /** The paper's sections between {@code from} and {@code to}, cut at every {@code \section} and {@code \section*}. */
    private static List<Part> parts(LatexText t, int from, int to, int first) {
        List<Integer> starts = t.commands("section", first, to);
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int at = starts.get(i);
            int next = i + 1 < starts.size() ? starts.get(i + 1) : to;
            int afterName = at + "\\section".length();
            if (afterName < t.length() && t.mask().charAt(afterName) == '*') {
                afterName++;
            }
            String title = t.braced(t.skipOptional(afterName))
                    .map(a -> PlainText.of(t.uncommented(a.from(), a.to()))).orElse("section");
            parts.add(new Part(title, trimmed(t.slice(at, next))));
        }
        return parts;
    }

    private static Optional<String> argument(LatexText t, String command, int from, int to, Cuts cuts) {
        Optional<Integer> at = t.first(command, from, to);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        int afterName = at.get() + command.length() + 1;
        Optional<LatexText.Argument> a = t.braced(t.skipOptional(afterName));
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (cuts != null) {
            cuts.add(at.get(), a.get().next());
        }
        return Optional.of(t.uncommented(a.get().from(), a.get().to()));
    }

    @SafeVarargs
    private static int earliest(int limit, Optional<Integer>... candidates) {
        int best = limit;
        for (Optional<Integer> c : candidates) {
            if (c.isPresent() && c.get() < best) {
                best = c.get();
            }
        }
        return best;
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > 80 ? flat.substring(0, 77) + "..." : flat;
    }

    /** The text without blank lines at its start and trailing white space, ending in one line break. */
    static String trimmed(String text) {
        return text.replaceAll("^(?:[ \\t]*\\r?\\n)+", "").stripTrailing() + "\n";
    }

    /** The file name of a part: its number and a slug of its title. */
    static String fileName(int number, String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
        }
        return String.format(Locale.ROOT, "%02d-%s.tex", number, slug.isEmpty() ? "section" : slug);
    }
}
