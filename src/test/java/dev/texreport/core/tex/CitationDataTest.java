package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.texreport.core.tex.CitationData.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When bibtex must run, from the .aux alone and whether what it read changed. */
class CitationDataTest {
    private static final String AUX = """
            \\relax
            \\citation{vaswani2017}
            \\newlabel{sec:intro}{{1}{1}}
            \\bibstyle{plainnat}
            \\bibdata{references}
            """;

    @Test
    void onlyTheBibliographyLinesCount() {
        CitationData data = CitationData.of(AUX);
        assertEquals("\\citation{vaswani2017}\n\\bibstyle{plainnat}\n\\bibdata{references}\n", data.text());
        assertEquals(data, CitationData.of(AUX.replace("{{1}{1}}", "{{2}{3}}")));
    }

    @Test
    void aDocumentWithoutBibliographyNeverRunsBibtex() {
        assertEquals(Action.NO_BIBLIOGRAPHY, CitationData.of("\\citation{x}\n").next(CitationData.NONE, true));
        assertEquals(Action.NO_BIBLIOGRAPHY, CitationData.NONE.next(CitationData.NONE, false));
    }

    @Test
    void aBibliographyWithoutCitationsIsSkippedInsteadOfFailingInBibtex() {
        CitationData draft = CitationData.of("\\relax\n\\bibstyle{plainnat}\n\\bibdata{references}\n");
        assertEquals(Action.SKIP_NO_CITATIONS, draft.next(CitationData.NONE, false));
        assertEquals(Action.SKIP_NO_CITATIONS, draft.next(CitationData.of(AUX), true),
                "even when references.bib changed: there is nothing to cite from it");
        assertEquals(Action.RUN, CitationData.of("\\citation{*}\n\\bibstyle{plainnat}\n\\bibdata{references}\n")
                .next(CitationData.NONE, false), "\\nocite{*} cites everything");
    }

    @Test
    void bibtexRunsWhenTheCitationsOrWhatItReadChanged() {
        CitationData data = CitationData.of(AUX);
        assertEquals(Action.RUN, data.next(CitationData.NONE, false), "never ran");
        assertEquals(Action.UP_TO_DATE, data.next(CitationData.of(AUX), false));
        assertEquals(Action.RUN, data.next(CitationData.of(AUX), true), "a .bib or .bst changed");
        assertEquals(Action.RUN, CitationData.of(AUX + "\\citation{he2016}\n").next(data, false), "a new \\cite");
        assertEquals(Action.RUN, CitationData.of(AUX.replace("plainnat", "abbrvnat")).next(data, false),
                "another style");
    }

    @Test
    void everyAuxOfTheWorkingDirectoryIsRead(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("main.aux"), AUX);
        Files.writeString(work.resolve("appendix.aux"), "\\citation{he2016}\n");
        Files.writeString(work.resolve("main.log"), "\\citation{not-an-aux}\n");
        assertEquals("\\citation{he2016}\n\\citation{vaswani2017}\n\\bibstyle{plainnat}\n\\bibdata{references}\n",
                CitationData.read(work).text());
    }
}
