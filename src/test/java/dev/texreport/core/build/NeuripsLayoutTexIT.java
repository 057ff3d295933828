package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import dev.texreport.core.ReportException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the built-in pack prints besides the paper, as a reader sees it in the PDF: citations, the first-page
 * notice, the running head and the rows of authors. (bench/fidelity.sh compares the whole layout with the official
 * NeurIPS style, which is not part of this repository.)
 */
class NeuripsLayoutTexIT {
    /** The text block: 1 in from the top, 9 in tall (PDF points, y growing downwards). */
    private static final double TEXT_TOP = 72;
    private static final double TEXT_BOTTOM = 72 + 648;

    @TempDir
    Path dir;

    private static final String BIB = "@article{a, author={Ann Author}, title={First}, journal={J}, year={2020}}\n"
            + "@article{b, author={Bob Builder}, title={Second}, journal={J}, year={2021}}\n"
            + "@article{c, author={Cy Coder}, title={Third}, journal={J}, year={2022}}\n";

    /** One line of text in the PDF: its page, the y of its baseline from the top, its text. */
    private record Line(int page, double y, String text) {
    }

    /** The PDF's lines: the words PDFBox finds, joined by page and baseline, left to right. */
    private static List<Line> lines(Path pdf) throws IOException {
        java.util.TreeMap<String, java.util.TreeMap<Double, String>> rows = new java.util.TreeMap<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (!positions.isEmpty()) {
                        TextPosition first = positions.get(0);
                        String key = String.format(java.util.Locale.ROOT, "%04d %09.1f", getCurrentPageNo(),
                                first.getYDirAdj());
                        rows.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put((double) first.getXDirAdj(),
                                text.strip());
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
        }
        List<Line> lines = new ArrayList<>();
        rows.forEach((key, words) -> lines.add(new Line(Integer.parseInt(key.substring(0, 4)),
                Double.parseDouble(key.substring(5)), String.join(" ", words.values()))));
        return lines;
    }

    private static Line find(List<Line> lines, String text) {
        return lines.stream().filter(l -> l.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no line holds '" + text + "' in " + lines));
    }

    /** The PDF's text on one line, for phrases that may wrap. */
    private static String text(Path pdf) throws IOException {
        return String.join(" ", lines(pdf).stream().map(Line::text).toList());
    }

    /** A request with the test pack (course "DL 2031") whose layout holds {@code layout}, JSON fields. */
    private static BuildRequest.Builder withPack(TeamProject project, String layout) throws IOException {
        BuildRequest.Builder request = project.request(); // writes the test pack, replaced here
        project.file("test-pack/course.json", "{\"name\": \"DL 2031\", \"extends\": \"builtin\", \"layout\": {"
                + layout + "}, \"milestones\": [{\"id\": \"final\", \"requires\": {}}]}");
        return request;
    }

    private MilestoneResult buildFinal(TeamProject project, BuildRequest.Builder request) throws ReportException {
        MilestoneResult result = project.build(request.milestones(List.of("final")).build()).milestones().get(0);
        assertTrue(result.errors().isEmpty(), () -> String.join("\n", result.errors()));
        return result;
    }

    @Test
    void citationsAreAuthorYearAsInNeuripsAndAPreambleMayAskForNumbers() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\nAs shown before \\citep{a}, and by"
                        + " \\citet{b}; all three \\citep{c,a,b}.\n")
                .file("src/report/references.bib", BIB);
        String text = text(buildFinal(project, project.request()).pdf());
        assertTrue(text.contains("As shown before [Author, 2020], and by Builder [2021]; all three [Coder, 2022,"
                + " Author, 2020, Builder, 2021]."), text);

        // The NeurIPS way to ask for numbers works from preamble.tex, though natbib is loaded before it is read.
        project.file("src/report/preamble.tex", "\\PassOptionsToPackage{numbers, sort&compress}{natbib}\n");
        text = text(buildFinal(project, project.request()).pdf());
        assertTrue(text.contains("As shown before [1], and by Builder [2]; all three [1–3]."), text);

        // So does loading natbib again with options, which would otherwise stop with an option clash.
        project.file("src/report/preamble.tex", "\\usepackage[numbers,sort&compress]{natbib}\n");
        text = text(buildFinal(project, project.request()).pdf());
        assertTrue(text.contains("As shown before [1], and by Builder [2]; all three [1–3]."), text);

        // And natbib's own command.
        project.file("src/report/preamble.tex", "\\setcitestyle{numbers,round}\n");
        text = text(buildFinal(project, project.request()).pdf());
        assertTrue(text.contains("As shown before (1), and by Builder (2); all three (3; 1; 2)."), text);

        // An option that only works when natbib is loaded is not silently dropped.
        project.file("src/report/preamble.tex", "\\PassOptionsToPackage{merge}{natbib}\n");
        MilestoneResult merge = project.build(project.request().milestones(List.of("final")).build())
                .milestones().get(0);
        assertTrue(merge.errors().stream().anyMatch(e -> e.contains("natbib option `merge' works only where natbib"
                + " is loaded, before preamble.tex: remove it, or set it in the template pack's layout.natbib")), () -> String.join("\n", merge.errors()));
    }

    @Test
    void theNoticeSitsAtTheFootOfPageOneInThePacksWordingAndThereIsNoRunningHead() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(14));
        MilestoneResult result = buildFinal(project, project.request());
        List<Line> lines = lines(result.pdf());
        Line notice = find(lines, "Deep Learning course project — Final Report");
        assertEquals(1, notice.page());
        // NeurIPS: the page is two lines (21.9pt) longer, and the notice is the last line of it, under the text.
        assertTrue(notice.y() > TEXT_BOTTOM && notice.y() < TEXT_BOTTOM + 22, "notice at y=" + notice.y());
        assertTrue(lines.stream().filter(l -> l.page() == 1 && l != notice).allMatch(l -> l.y() < notice.y() - 15),
                "the notice is below everything else on page 1");
        assertEquals(2, result.pdfPages());
        Line top = lines.stream().filter(l -> l.page() == 2).min((a, b) -> Double.compare(a.y(), b.y()))
                .orElseThrow();
        assertTrue(top.y() > TEXT_TOP, "no running head: the first line of page 2 is text, " + top);
        assertTrue(lines.stream().filter(l -> l.page() == 2).noneMatch(l -> l.text().contains("Deep Learning")));

        // A preprint says so; a pack may word it and add a running head.
        BuildRequest.Builder preprint = withPack(project, "\"notice\": {\"preprint\": \"Preprint of the {milestone},"
                + " {course}.\"}, \"runningHead\": \"{course}: {milestone}\"").mode(Mode.PREPRINT);
        lines = lines(buildFinal(project, preprint).pdf());
        Line preprintNotice = find(lines, "Preprint of the Final Report, DL 2031.");
        assertEquals(1, preprintNotice.page());
        assertEquals(notice.y(), preprintNotice.y(), 0.5, "the same place in every mode");
        Line head = find(lines, "DL 2031: Final Report");
        assertEquals(2, head.page(), "the running head is on every page but the first");
        assertTrue(head.y() < TEXT_TOP, "in the top margin: " + head);
        assertFalse(lines.stream().anyMatch(l -> l.page() == 1 && l.text().contains("DL 2031:")));
    }

    @Test
    void rowNumbersFromThePomAndAuthorsPerRowFromThePackBreakTheAuthorBlock() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\nText.\n");
        List<Author> three = List.of(new Author("Ada Lovelace", "ada@example.edu", "Analytical Society", 1),
                new Author("Bruno Weber", "bruno@example.edu", "Example University", 2),
                new Author("Clara Chen", "clara@example.edu", "Example University", 2));
        List<Line> lines = lines(buildFinal(project, project.request().authors(three)).pdf());
        Line ada = find(lines, "Ada Lovelace");
        Line bruno = find(lines, "Bruno Weber");
        Line clara = find(lines, "Clara Chen");
        assertTrue(bruno.y() > ada.y() + 30, "row 2 under row 1: " + ada + " / " + bruno);
        assertEquals(bruno.y(), clara.y(), 0.5, "row 2 holds two authors side by side");
        assertTrue(Files.readString(dir.resolve("target/report/final/main.tex")).contains("\\AND"));

        // Without rows, three short columns share one row, as NeurIPS's \And fills it.
        List<Author> noRows = three.stream().map(a -> new Author(a.name(), a.email(), a.affiliation())).toList();
        lines = lines(buildFinal(project, project.request().authors(noRows)).pdf());
        assertEquals(find(lines, "Ada Lovelace").y(), find(lines, "Clara Chen").y(), 0.5);

        // The pack's authorsPerRow: two per row.
        lines = lines(buildFinal(project, withPack(project, "\"authorsPerRow\": 2").authors(noRows)).pdf());
        assertEquals(find(lines, "Ada Lovelace").y(), find(lines, "Bruno Weber").y(), 0.5);
        assertTrue(find(lines, "Clara Chen").y() > find(lines, "Ada Lovelace").y() + 30);
    }
}
