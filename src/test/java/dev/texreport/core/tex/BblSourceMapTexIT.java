package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LaTeX error inside the generated .bbl, reported at the .bib entry (and field line) it came from: with real
 * pdflatex and bibtex, and on .bbl text for the cases the built-in style does not produce.
 */
class BblSourceMapTexIT {
    @TempDir
    Path dir;

    private static final String DOCUMENT = """
            \\documentclass{article}
            \\usepackage{natbib}
            \\usepackage{url}
            \\begin{document}
            \\citep{%s}
            \\bibliographystyle{plainnat}
            \\bibliography{references,more}
            \\end{document}
            """;

    private static final String REFERENCES = """
            @string{neurips = {Advances in Neural Information Processing Systems}}

            @inproceedings{vaswani2017attention,
              author    = {Ashish Vaswani and Noam Shazeer and Niki Parmar and Jakob Uszkoreit and Llion Jones and
                           Aidan N. Gomez and {\\L}ukasz Kaiser and Illia Polosukhin},
              title     = {Attention is All you Need},
              booktitle = neurips,
              year      = {2017}
            }

            @techreport{Smith:R&D/2020,
              author      = {R. Smith and J. Doe},
              title       = {Research \\& Development of Very Long Titles That Wrap Over
                             Several Lines: Tools & Methods},
              institution = {University},
              year        = {2020}
            }
            """;

    private static final String MORE = """
            @comment{the second .bib of \\bibliography{references,more}}
            @misc{sharp,
              author = {C. Sharp},
              title  = {Programming in C# for fun},
              year   = {2020}
            }
            @misc{under,
              author = {U. Score},
              title  = {The snake_case convention, $x_i$ is fine},
              url    = {http://example.org/a_b%20c},
              year   = {2020}
            }
            @misc{pct,
              author = {P. Cent},
              title  = {A 50% speedup},
              year   = {2020}
            }
            """;

    /** Builds the document citing {@code keys} until pdflatex stops; returns its error messages, relocated. */
    private List<TexMessage> relocatedErrors(String keys) throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir.resolve(keys.replaceAll("\\W", "-")))
                .source("references.bib", REFERENCES).source("more.bib", MORE)
                .working("main.tex", DOCUMENT.formatted(keys));
        assertEquals(0, fixture.pdflatex().exitCode());
        fixture.bibtex();
        ProcessOutcome failed = fixture.pdflatex();
        assertNotEquals(0, failed.exitCode(), "the reference list stops LaTeX");
        List<TexMessage> messages = new TexLogParser(5).parse(fixture.lines("main.log"), failed.output()).stream()
                .filter(m -> m.kind().isError()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.file().equals("main.bbl")), messages::toString);
        return BblSourceMap.forJob(fixture.work, "main", fixture.environment())
                .relocate(messages, "main.bbl", BibSearchPath.forBib(fixture.work, fixture.environment()));
    }

    private String shown(TexMessage m) {
        Path file = Path.of(m.file());
        return (file.isAbsolute() ? file.getFileName() : file) + ":" + m.line() + ": " + m.text();
    }

    @Test
    void anUnescapedAmpersandIsReportedAtTheBibLineThatHasIt() throws Exception {
        List<TexMessage> messages = relocatedErrors("vaswani2017attention,Smith:R&D/2020");
        assertEquals("references.bib:14: Misplaced alignment tab character & in the reference 'Smith:R&D/2020'"
                + " (main.bbl line 11): its title has an unescaped '&', which LaTeX reads as a command character;"
                + " write \\& in the .bib.", shown(messages.get(0)));
        assertEquals("Smith:R&D/2020", messages.get(0).subject());
    }

    @Test
    void aHashAndAnUnderscoreInTheSecondBibFileAreFoundThere() throws Exception {
        assertEquals("more.bib:4: You can't use `macro parameter character #' in horizontal mode in the reference"
                + " 'sharp' (main.bbl line 10): its title has an unescaped '#', which LaTeX reads as a command"
                + " character; write \\# in the .bib.", shown(relocatedErrors("sharp").get(0)));
        // The url's '_' and '%' and the '_' in math are fine; the one in snake_case is not.
        assertEquals("more.bib:9: Missing $ inserted in the reference 'under' (main.bbl line 10): its title has an"
                + " unescaped '_', which LaTeX reads as a command character; write \\_ (or put it in math, $x_i$)"
                + " in the .bib.", shown(relocatedErrors("under").get(0)));
    }

    @Test
    void aPercentSignLosesTextSilentlyAndIsWarnedAbout() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", REFERENCES).source("more.bib", MORE)
                .working("main.tex", DOCUMENT.formatted("pct,vaswani2017attention"));
        fixture.pdflatex();
        fixture.bibtex();
        assertEquals(0, fixture.pdflatex().exitCode(), "LaTeX gives no error for it");
        List<TexMessage> warnings = BblSourceMap.forJob(fixture.work, "main", fixture.environment())
                .silentLosses(BibSearchPath.forBib(fixture.work, fixture.environment()));
        assertEquals(List.of("more.bib:15: the title of 'pct' has an unescaped '%': LaTeX drops the rest of that line"
                + " of the reference list; write \\%"), warnings.stream().map(this::shown).toList());
    }

    @Test
    void linesMapToTheBibitemWhoseBlockHoldsThemEvenWithLabelsOverSeveralLines() {
        String bbl = """
                \\begin{thebibliography}{2}
                \\providecommand{\\natexlab}[1]{#1}

                \\bibitem[Dosovitskiy et~al.(2021)Dosovitskiy, Beyer, Kolesnikov, Weissenborn,
                  Zhai, Unterthiner, Dehghani, Minderer, Heigold, Gelly, Uszkoreit, and
                  Houlsby]{dosovitskiy2021vit}
                A.~Dosovitskiy.
                \\newblock An image is worth 16x16 words.

                \\bibitem[{[}Bracketed{]} label(2020)]{Key:With/Odd-Chars_1}
                B.~Author.

                \\end{thebibliography}
                """;
        BblSourceMap map = BblSourceMap.of(bbl, BibFileIndex.read(List.of()));
        assertEquals(Optional.empty(), map.keyAt(2), "the list's preamble is no reference");
        assertEquals(Optional.of("dosovitskiy2021vit"), map.keyAt(4));
        assertEquals(Optional.of("dosovitskiy2021vit"), map.keyAt(8));
        assertEquals(Optional.of("Key:With/Odd-Chars_1"), map.keyAt(10));
        assertEquals(Optional.of("Key:With/Odd-Chars_1"), map.keyAt(12));
        assertEquals(Optional.empty(), map.keyAt(13), "\\end{thebibliography}");
    }

    @Test
    void biblatexEntriesMapToo() {
        String bbl = """
                \\refsection{0}
                  \\datalist[entry]{nty/global//global/global}
                    \\entry{vaswani2017}{inproceedings}{}
                      \\field{title}{Attention}
                    \\endentry
                    \\entry{he2016}{inproceedings}{}
                      \\field{title}{ResNet}
                    \\endentry
                  \\enddatalist
                \\endrefsection
                """;
        BblSourceMap map = BblSourceMap.of(bbl, BibFileIndex.read(List.of()));
        assertEquals(Optional.of("vaswani2017"), map.keyAt(4));
        assertEquals(Optional.of("vaswani2017"), map.keyAt(5));
        assertEquals(Optional.of("he2016"), map.keyAt(7));
        assertEquals(Optional.empty(), map.keyAt(9));
    }

    @Test
    void anErrorWithoutAnObviousCulpritPointsAtTheEntryAndTheKeyIsMatchedIgnoringCase() throws Exception {
        Path bib = dir.resolve("references.bib");
        java.nio.file.Files.writeString(bib, "% refs\n@Article{MixedCase,\n  title = {Fine \\& {dandy}},\n}\n");
        BblSourceMap map = BblSourceMap.of("\\begin{thebibliography}{1}\n\\bibitem{mixedcase}\nX.\n"
                + "\\end{thebibliography}\n", BibFileIndex.read(List.of(bib)));
        BblSourceMap.Origin origin = map.origin(3, "Undefined control sequence").orElseThrow();
        assertEquals(new BblSourceMap.Origin("mixedcase", bib, 2, 2, "LaTeX stopped inside the reference made from"
                + " this entry: look in its fields for a character that needs a backslash (& % # _ are written \\&"
                + " \\% \\# \\_) or for a brace without its partner"), origin);
    }
}
