package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Engine;
import dev.texreport.core.ReportLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiler with real pdflatex and bibtex, building twice as a milestone does: the second build starts in a fresh
 * working directory seeded with the first build's .aux and .bbl.
 */
class TexCompilerBibliographyTexIT {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private static final String DOCUMENT = """
            \\documentclass{article}
            \\usepackage{natbib}
            \\begin{document}
            Text%s.
            \\bibliographystyle{plainnat}
            \\bibliography{references}
            \\end{document}
            """;

    private static final String REFERENCES = """
            @inproceedings{vaswani2017attention,
              author    = {Ashish Vaswani and Noam Shazeer},
              title     = {Attention is All you Need},
              booktitle = {Advances in Neural Information Processing Systems},
              year      = {2017}
            }
            """;

    private TexCompiler compiler() throws Exception {
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { log.add(message); }
            @Override public void warn(String message) { log.add(message); }
            @Override public void error(String message) { log.add(message); }
        };
        return new TexCompiler(new CommonsExecProcessRunner(),
                Toolchain.locate(new EngineLocator(null, System.getenv("PATH")), Engine.PDFLATEX),
                new TexLogParser(5), collecting, System.getenv());
    }

    /** One build in a fresh working directory, seeded from (and, when it succeeds, saved to) the seed folder. */
    private CompileOutcome build(BibtexFixture fixture, String citation) throws Exception {
        try (Stream<Path> old = Files.walk(fixture.work)) {
            for (Path p : old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(fixture.work)).toList()) {
                Files.delete(p);
            }
        }
        fixture.working("main.tex", DOCUMENT.formatted(citation));
        log.clear();
        Path seed = dir.resolve("seed");
        CompileOutcome outcome = compiler().compile(fixture.job(), new AuxSeed(seed));
        new AuxSeed(seed).keep(fixture.job(), outcome);
        return outcome;
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void editingOnlyTheBibRerunsBibtexInASeededBuild() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", REFERENCES);
        CompileOutcome first = build(fixture, " \\citep{vaswani2017attention}");
        assertTrue(text(first.pdf()).contains("2017"));

        CompileOutcome unchanged = build(fixture, " \\citep{vaswani2017attention}");
        assertEquals(0, unchanged.bibRuns(), "nothing changed: " + log);
        assertEquals(1, unchanged.enginePasses(), "nothing changed: " + log);

        fixture.source("references.bib", REFERENCES.replace("2017}", "2018}"));
        CompileOutcome edited = build(fixture, " \\citep{vaswani2017attention}");
        assertEquals(1, edited.bibRuns(), log::toString);
        assertTrue(log.stream().anyMatch(l -> l.contains("bibtex (references.bib changed)")), log::toString);
        String pdf = text(edited.pdf());
        assertTrue(pdf.contains("2018") && !pdf.contains("2017"), pdf);
    }

    @Test
    void aBibliographyWithoutCitationsBuildsWithoutAReferenceListAndDropsAnOldOne() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", REFERENCES);
        CompileOutcome draft = build(fixture, "");
        assertEquals(0, draft.bibRuns());
        assertFalse(text(draft.pdf()).contains("References"), "no reference list yet");

        CompileOutcome cited = build(fixture, " \\citep{vaswani2017attention}");
        assertTrue(text(cited.pdf()).contains("Attention is all you need"));

        CompileOutcome uncited = build(fixture, "");
        String pdf = text(uncited.pdf());
        assertFalse(pdf.contains("Attention is all you need") || pdf.contains("References"),
                "the seeded .bbl is not typeset once nothing is cited: " + pdf);
    }

    @Test
    void aBibSyntaxErrorIsReportedAtTheBibLineWithTheCauseFirst() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib",
                REFERENCES.replace("Noam Shazeer},", "Noam Shazeer}"));
        TexFailure failure = assertThrows(TexFailure.class, () -> build(fixture, " \\citep{vaswani2017attention}"));
        assertEquals(List.of(new TexMessage(TexMessage.Kind.ERROR, fixture.src.resolve("references.bib").toString(),
                2, "missing ',' at the end of this line: bibtex expected a ',' or the end of the entry before"
                + " \"title     = {Attention is All you Need},\" (line 3)", "vaswani2017attention")),
                failure.messages());
        assertFalse(failure.logTail().stream().anyMatch(l -> l.contains(" -- ")), "no statistics in the tail");
    }

    @Test
    void anAmpersandInTheBibIsReportedAtTheBibNotAtTheGeneratedBbl() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib",
                REFERENCES.replace("Attention is", "Attention & Transformers is"));
        TexFailure failure = assertThrows(TexFailure.class, () -> build(fixture, " \\citep{vaswani2017attention}"));
        TexMessage first = failure.messages().stream().filter(m -> m.kind().isError()).findFirst().orElseThrow();
        assertEquals(fixture.src.resolve("references.bib").toString() + ":3", first.file() + ":" + first.line(),
                failure.messages().toString());
        assertTrue(first.text().startsWith("Misplaced alignment tab character & in the reference"
                + " 'vaswani2017attention'"), first.text());
        assertEquals("vaswani2017attention", first.subject());
    }

    @Test
    void bibtexWarningsCarryTheEntrysFileAndLine() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", REFERENCES
                + "\n@article{nojournal,\n  author = {C. Author},\n  title = {No journal},\n  year = {2020}\n}\n");
        CompileOutcome outcome = build(fixture, " \\citep{vaswani2017attention,nojournal}");
        assertTrue(outcome.messages().contains(new TexMessage(TexMessage.Kind.BIB_WARNING,
                fixture.src.resolve("references.bib").toString(), 8, "bibtex: empty journal in nojournal",
                "nojournal")),
                outcome.messages().toString());
    }
}
