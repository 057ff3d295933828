package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What real bibtex and biber read, recorded with hashes, and told apart from what they would read now. */
class BibliographyInputsTexIT {
    @TempDir
    Path dir;

    private static final String BIB = "@article{vaswani2017,\n  author = {A. Vaswani},\n  title = {Attention},\n"
            + "  journal = {NeurIPS},\n  year = {2017}\n}\n";
    private static final String AUX = "\\citation{vaswani2017}\n\\bibstyle{plainnat}\n\\bibdata{references}\n";

    private BibliographyInputs recordAfterBibtex(BibtexFixture fixture) throws Exception {
        assertEquals(0, fixture.bibtex().exitCode());
        BibliographyInputs inputs = BibliographyInputs.afterBibtex(fixture.lines("main.blg"),
                BibSearchPath.forBib(fixture.work, fixture.environment()),
                BibSearchPath.forBst(fixture.work, fixture.environment()));
        inputs.save(fixture.work.resolve(BibliographyInputs.fileName("main")));
        return inputs;
    }

    private List<String> changes(BibtexFixture fixture) throws Exception {
        return BibliographyInputs.changesSince(fixture.work.resolve(BibliographyInputs.fileName("main")),
                fixture.work, fixture.environment());
    }

    @Test
    void theTeamsBibIsHashedAndAnInstalledStyleIsKnownByName() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", BIB).working("main.aux", AUX);
        BibliographyInputs inputs = recordAfterBibtex(fixture);

        Path bib = fixture.src.resolve("references.bib");
        assertEquals(List.of(new BibliographyInputs.Input("bst", "plainnat.bst", "", ""),
                new BibliographyInputs.Input("bib", "references.bib", bib.toString(), BibliographyInputs.sha256(bib))),
                inputs.inputs());
        assertEquals(inputs, BibliographyInputs.load(fixture.work.resolve("main.bibinputs.json")).orElseThrow());
        assertEquals(List.of(), changes(fixture), "nothing changed");
    }

    @Test
    void aChangedYearInTheBibIsAChange() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", BIB).working("main.aux", AUX);
        recordAfterBibtex(fixture);
        fixture.source("references.bib", BIB.replace("2017", "2018"));
        assertEquals(List.of("references.bib changed"), changes(fixture));
    }

    @Test
    void aFileThatNowComesEarlierInTheSearchPathOrIsGoneIsAChange() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", BIB).working("main.aux", AUX);
        recordAfterBibtex(fixture);
        fixture.working("references.bib", BIB);
        fixture.working("plainnat.bst", Files.readString(Path.of(fixture.run("kpsewhich", "plainnat.bst").output()
                .get(0)), StandardCharsets.ISO_8859_1));
        assertEquals(List.of("plainnat.bst is now read from plainnat.bst", "references.bib is now read from"
                + " references.bib"), changes(fixture));

        Files.delete(fixture.work.resolve("references.bib"));
        Files.delete(fixture.work.resolve("plainnat.bst"));
        Files.delete(fixture.src.resolve("references.bib"));
        assertEquals(List.of("references.bib is gone"), changes(fixture));
    }

    @Test
    void aStyleInTheWorkingDirectoryIsHashedAndItsEditIsAChange() throws Exception {
        String style = Files.readString(Path.of(new BibtexFixture(dir.resolve("probe")).run("kpsewhich", "plain.bst")
                .output().get(0)), StandardCharsets.ISO_8859_1);
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", BIB)
                .working("main.aux", AUX.replace("plainnat", "coursestyle")).working("coursestyle.bst", style);
        BibliographyInputs inputs = recordAfterBibtex(fixture);
        assertEquals(fixture.work.resolve("coursestyle.bst").toString(), inputs.inputs().get(0).path());
        fixture.working("coursestyle.bst", style.replace("\"In \"", "\"Published in \""));
        assertEquals(List.of("coursestyle.bst changed"), changes(fixture));
    }

    @Test
    void noRecordOrABrokenOneCountsAsChanged() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir).source("references.bib", BIB).working("main.aux", AUX);
        assertEquals(List.of("no record of the files the bibliography was made from"), changes(fixture));
        fixture.working("main.bibinputs.json", "{\"program\": \"bibtex\", \"inputs\": [");
        assertEquals(List.of("no record of the files the bibliography was made from"), changes(fixture));
    }

    @Test
    void whatBiberReadIsRecordedFromItsLog() throws Exception {
        BibtexFixture fixture = new BibtexFixture(dir);
        assumeTrue(fixture.has("biber") && fixture.has("kpsewhich"), "biber is not installed");
        assumeTrue(fixture.run("kpsewhich", "biblatex.sty").exitCode() == 0, "biblatex is not installed");
        fixture.source("references.bib", BIB).working("main.tex", "\\documentclass{article}\n"
                + "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{references.bib}\n\\begin{document}\n"
                + "\\cite{vaswani2017}\n\\printbibliography\n\\end{document}\n");
        fixture.pdflatex();
        assertEquals(0, fixture.run("biber", "main").exitCode());
        BibliographyInputs inputs = BibliographyInputs.afterBiber(fixture.lines("main.blg"), fixture.work);
        Path bib = fixture.src.resolve("references.bib");
        assertEquals(List.of(new BibliographyInputs.Input("bib", "references.bib", bib.toString(),
                BibliographyInputs.sha256(bib))), inputs.inputs());
        inputs.save(fixture.work.resolve(BibliographyInputs.fileName("main")));
        assertEquals(List.of(), changes(fixture));
        fixture.source("references.bib", BIB.replace("Attention", "Attention Is All You Need"));
        assertEquals(List.of("references.bib changed"), changes(fixture));
        assertTrue(Files.isRegularFile(fixture.work.resolve("main.bbl")));
    }
}
