package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bibtex 0.99d's (and biber's) real messages, read into messages at their cause: the .bib file and line, with the
 * cause first and no statistics.
 */
class BibtexLogTexIT {
    @TempDir
    Path dir;

    static final String REFERENCES = """
            @string{jmlr = {Journal of Machine Learning Research}}
            @comment{a comment}
            @article{dup,
              author = {A. Author},
              title = {First},
              journal = jmlr,
              year = {2020}
            }

            @article{Dup,
              author = {A. Author},
              title = {Second},
              journal = {J},
              year = {2020}
            }

            @article{nojournal,
              author = {C. Author},
              title = {No journal},
              year = {2020}
            }

            @article{undefstring,
              author = {D. Author},
              title = {Undefined string},
              journal = nosuchstring,
              year = {2020}
            }
            """;

    private BibtexFixture fixture(String bib, String aux) throws Exception {
        return new BibtexFixture(dir).source("references.bib", bib).working("main.aux", aux);
    }

    /** {@code file:line: text} with the file relative to the test's folder, as a user would read it. */
    private List<String> shown(List<TexMessage> messages) {
        return messages.stream().map(m -> (m.file().isEmpty() ? "" : dir.relativize(dir.resolve("work")
                .resolve(m.file())).toString().replace('\\', '/') + ":" + m.line() + ": ") + m.kind() + " " + m.text())
                .toList();
    }

    @Test
    void aMissingCommaIsReportedAtTheLineThatLacksItWithTheCauseFirst() throws Exception {
        List<TexMessage> messages = fixture("""
                @article{good,
                  author = {A. Author},
                  title = {Good},
                  journal = {J},
                  year = {2020}
                }

                @article{bad,
                  author = {B. Author}
                  title = {Bad},
                  journal = {J},
                  year = {2021}
                }
                """, "\\citation{good}\n\\citation{bad}\n\\bibstyle{plainnat}\n\\bibdata{references}\n")
                .bibtexMessages();
        // bibtex says "I was expecting a `,' or a `}'---line 10", then warns that 'bad' has no title, journal and
        // year: it skipped the rest of the entry. Only the cause is reported, at the line without the comma.
        assertEquals(List.of("src/references.bib:9: ERROR missing ',' at the end of this line: bibtex expected a"
                + " ',' or the end of the entry before \"title = {Bad},\" (line 10)"), shown(messages));
    }

    @Test
    void otherSyntaxErrorsKeepBibtexsWordsAndShowWhereItStopped() throws Exception {
        List<TexMessage> messages = fixture("""
                @article{noequals,
                  author {A},
                  title = {T}
                }
                @article{emptyfield,
                  author = {A},
                  , = {x}
                }
                """, "\\citation{*}\n\\bibstyle{plainnat}\n\\bibdata{references}\n").bibtexMessages();
        assertEquals(List.of("src/references.bib:2: ERROR I was expecting an \"=\" (bibtex stopped at \"{A},\")",
                "src/references.bib:7: ERROR You're missing a field name (bibtex stopped at \", = {x}\")"),
                shown(messages));
    }

    @Test
    void repeatedKeysStringsAndMissingFieldsAreEachReportedAtTheirEntry() throws Exception {
        List<TexMessage> messages = fixture(REFERENCES, "\\citation{dup}\n\\citation{nojournal}\n"
                + "\\citation{undefstring}\n\\citation{nokey}\n\\bibstyle{plainnat}\n\\bibdata{references}\n")
                .bibtexMessages();
        assertEquals(List.of(
                "src/references.bib:10: ERROR Repeated entry: the key 'Dup' is already used at line 3 as 'dup'"
                        + " (bibtex ignores the case of keys); bibtex keeps the first entry. Give this one another"
                        + " key or delete it.",
                "src/references.bib:26: BIB_WARNING bibtex: string name \"nosuchstring\" is undefined",
                "src/references.bib:17: BIB_WARNING bibtex: empty journal in nojournal",
                "src/references.bib:23: BIB_WARNING bibtex: empty journal in undefstring"), shown(messages));
        // "I didn't find a database entry for "nokey"" becomes an undefined citation at the \cite instead.
        assertFalse(messages.stream().anyMatch(m -> m.text().contains("nokey")));
        assertEquals("nojournal", messages.get(2).subject());
    }

    @Test
    void aBraceWithoutItsPartnerIsReportedAtTheFieldThatOpensIt() throws Exception {
        List<TexMessage> messages = fixture("""
                @article{unclosed,
                  author = {A},
                  title = {T {x},
                  journal = {J},
                  year = {2020}
                }
                @article{next,
                  author = {B},
                  title = {Next},
                  journal = {J},
                  year = {2020}
                }
                @article{last,
                  author = {C},
                  title = {Never closed,
                  journal = {J},
                  year = {2020}
                }
                """, "\\citation{*}\n\\bibstyle{plainnat}\n\\bibdata{references}\n").bibtexMessages();
        assertEquals(List.of(
                "src/references.bib:3: ERROR a '{' in the title field of 'unclosed' has no closing '}', so bibtex"
                        + " read on into the next entry (bibtex: I was expecting a ',' or a '}' at line 7)",
                "src/references.bib:15: ERROR a '{' in the title field of 'last' has no closing '}', so bibtex read"
                        + " on to the end of the file (bibtex: Illegal end of database file at line 18)"),
                shown(messages));
    }

    @Test
    void aMissingDatabaseOrStyleIsOneMessageNamingWhereBibtexLooked() throws Exception {
        List<TexMessage> database = fixture(REFERENCES, "\\citation{nojournal}\n\\bibstyle{plainnat}\n"
                + "\\bibdata{references,missing}\n").bibtexMessages();
        assertEquals(List.of("ERROR I couldn't open database file missing.bib: the document's \\bibliography names"
                + " 'missing', but there is no missing.bib in the working directory, " + dir.resolve("src")
                + ". Fix the name or add the file.",
                "src/references.bib:17: BIB_WARNING bibtex: empty journal in nojournal"),
                shown(database));
        assertEquals("missing.bib", database.get(0).subject());

        List<TexMessage> style = fixture(REFERENCES, "\\citation{nojournal}\n\\bibstyle{nosuchstyle}\n"
                + "\\bibdata{references}\n").bibtexMessages();
        // bibtex goes on with "I found no style file": a consequence, left out.
        assertEquals(List.of("ERROR I couldn't open style file nosuchstyle.bst: \\bibliographystyle{nosuchstyle}"
                + " names a style that is neither in the working directory nor in the TeX installation."),
                shown(style));
    }

    @Test
    void missingAuxCommandsSayWhatTheDocumentLacks() throws Exception {
        assertEquals(List.of("ERROR I found no \\citation commands: the document has a bibliography but cites"
                        + " nothing; cite an entry with \\cite{key} (or \\nocite{key}), or remove the bibliography."),
                shown(fixture(REFERENCES, "\\bibstyle{plainnat}\n\\bibdata{references}\n").bibtexMessages()));
        assertEquals(List.of("ERROR I found no \\bibdata command: the document cites entries but has no"
                        + " \\bibliography{...} naming the .bib file."),
                shown(fixture(REFERENCES, "\\citation{dup}\n\\bibstyle{plainnat}\n").bibtexMessages()));
        assertEquals(List.of("ERROR I found no \\bibstyle command: the document has a \\bibliography but no"
                        + " \\bibliographystyle{...}."),
                shown(fixture(REFERENCES, "\\citation{dup}\n\\bibdata{references}\n").bibtexMessages()));
    }

    @Test
    void aDatabaseInTheWorkingDirectoryComesBeforeTheSourceDirectory() throws Exception {
        BibtexFixture fixture = fixture(REFERENCES, "\\citation{nojournal}\n\\bibstyle{plainnat}\n"
                + "\\bibdata{references}\n")
                .working("references.bib", "@article{nojournal,\n  title = {Here},\n  year = {2020}\n}\n");
        assertEquals(List.of("work/references.bib:1: BIB_WARNING bibtex: to sort, need author or key in nojournal",
                        "work/references.bib:1: BIB_WARNING bibtex: empty author in nojournal",
                        "work/references.bib:1: BIB_WARNING bibtex: empty journal in nojournal"),
                shown(fixture.bibtexMessages()));
        assertEquals("references.bib", fixture.bibtexMessages().get(0).file(),
                "a file in the working directory is named relative to it");
    }

    @Test
    void theLogWithoutStatisticsKeepsTheCauseAndDropsTheFunctionCounts() throws Exception {
        BibtexFixture fixture = fixture(REFERENCES, "\\bibstyle{plainnat}\n\\bibdata{references}\n");
        fixture.bibtex();
        List<String> blg = fixture.lines("main.blg");
        assertTrue(blg.stream().anyMatch(l -> l.startsWith("missing$ -- ")), "bibtex printed its statistics");
        List<String> kept = BibtexLog.withoutStatistics(blg);
        assertTrue(kept.contains("I found no \\citation commands---while reading file main.aux"), kept::toString);
        assertFalse(kept.stream().anyMatch(l -> l.contains(" -- ") || l.startsWith("You've used")), kept::toString);
        assertEquals("(There was 1 error message)", kept.get(kept.size() - 1));
    }

    @Test
    void biberErrorsAndWarningsArePlacedInTheBibFileItRead() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir);
        assumeTrue(fixture.has("biber") && fixture.has("kpsewhich"), "biber is not installed");
        assumeTrue(fixture.run("kpsewhich", "biblatex.sty").exitCode() == 0, "biblatex is not installed");
        fixture.source("references.bib", """
                @article{good,
                  author = {A. Author},
                  title = {Good},
                  journal = {J},
                  date = {2020}
                }

                @article{Good,
                  author = {B. Author},
                  title = {Case twin},
                  journal = {J},
                  date = {2020}
                }

                @article{weird,
                  author = {W. Author},
                  title = {Weird date},
                  journal = {J},
                  date = {notadate}
                }
                """).working("main.tex", """
                \\documentclass{article}
                \\usepackage[backend=biber]{biblatex}
                \\addbibresource{references.bib}
                \\addbibresource{missing.bib}
                \\begin{document}
                \\cite{good} \\cite{Good} \\cite{weird} \\cite{nokey}
                \\printbibliography
                \\end{document}
                """);
        fixture.pdflatex();
        ProcessOutcome outcome = fixture.run("biber", "main");
        List<TexMessage> missing = BibtexLog.forJob(fixture.work, fixture.environment())
                .biber(fixture.lines("main.blg"), outcome.output(), fixture.work);
        assertEquals("ERROR Cannot find 'missing.bib': the document's \\addbibresource names a file that is not in"
                + " the working directory, " + dir.resolve("src") + ". Fix the name or add the file.",
                shown(missing).get(0));

        fixture.working("main.tex", fixture.lines("main.tex").stream()
                .filter(l -> !l.contains("missing.bib")).reduce("", (a, b) -> a + b + "\n"));
        fixture.pdflatex();
        outcome = fixture.run("biber", "main");
        List<TexMessage> warnings = BibtexLog.forJob(fixture.work, fixture.environment())
                .biber(fixture.lines("main.blg"), outcome.output(), fixture.work);
        // biber prints these in an order that changes from run to run (Perl's hash order).
        assertEquals(List.of(
                "src/references.bib:15: BIB_WARNING biber: Invalid format 'notadate' of date field 'date' - ignoring"
                        + " (entry 'weird')",
                "src/references.bib:8: BIB_WARNING the key 'Good' differs from 'good' (line 1) only in case: a typo?"),
                shown(warnings).stream().sorted().toList());

        fixture.source("references.bib", """
                @article{good,
                  author = {A. Author}
                  title = {Good},
                  journal = {J},
                  date = {2020}
                }
                """);
        outcome = fixture.run("biber", "main");
        List<TexMessage> syntax = BibtexLog.forJob(fixture.work, fixture.environment())
                .biber(fixture.lines("main.blg"), outcome.output(), fixture.work);
        // The document still cites both 'good' and 'Good'; the file now has only 'good'.
        assertEquals(List.of("src/references.bib:1: BIB_WARNING the document cites 'Good', which differs from this"
                + " entry's key 'good' only in case; biber matches keys exactly", "src/references.bib:2: ERROR missing"
                + " ',' at the end of this line: biber expected a ',' or the end of the entry before \"title\" (line"
                + " 3)"), shown(syntax).stream().sorted().toList());
    }
}
