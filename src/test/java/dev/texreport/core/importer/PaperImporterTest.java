package dev.texreport.core.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.SourceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperImporterTest {
    @TempDir
    Path tmp;

    private static final String STYLE = "\\ProvidesPackage{neurips_2099}\n\\RequirePackage{natbib}\n"
            + "\\usepackage[letterpaper]{geometry}\n% \\RequirePackage{commented}\n";

    private static final String PAPER = String.join("\n",
            "\\documentclass{article}",
            "\\usepackage[preprint]{neurips_2099}",
            "\\usepackage{natbib,graphicx} % natbib: the style has it",
            "\\usepackage{geometry}",
            "\\usepackage{commented}",
            "\\newcommand{\\R}{\\mathbb{R}} % reals",
            "\\title{A {\\em Small} Study}",
            "\\author{Zo\\\"e Brandt \\\\ Example University \\\\ \\texttt{zoe@example.edu} \\AND",
            "  Jos\\'e Mart\\'{\\i}nez \\\\ Institute \\\\ Example City \\\\ \\texttt{jose@example.org} \\And",
            "  {\\L}ukasz Nowak \\\\ Example University}",
            "\\begin{document}",
            "\\maketitle",
            "\\begin{abstract}",
            "  We study something small. % a comment in the abstract",
            "\\end{abstract}",
            "\\section{Introduction}",
            "Intro text \\citep{a}.",
            "% \\section{Not a section}",
            "\\section*{Limitations}",
            "Few seeds. 100\\% sure.",
            "\\section[Short]{Conclusion}",
            "Done.",
            "\\begin{ack}",
            "Thanks to all.",
            "\\end{ack}",
            "\\bibliographystyle{abbrvnat}",
            "\\bibliography{refs}",
            "\\clearpage",
            "\\section*{NeurIPS Paper Checklist}",
            "\\begin{enumerate}\\item Yes.\\end{enumerate}",
            "\\appendix",
            "\\section{Proofs}",
            "Proof.",
            "\\section{More}",
            "More.",
            "\\end{document}",
            "after the end: ignored", "");

    private Path paper(String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("paper"));
        write(dir.resolve("main.tex"), text);
        write(dir.resolve("neurips_2099.sty"), STYLE);
        write(dir.resolve("refs.bib"), "@misc{a, title={A}, year={2020}}\n");
        Files.createDirectories(dir.resolve("Images"));
        Files.write(dir.resolve("Images/x.png"), new byte[] {1, 2, 3});
        write(dir.resolve("README.md"), "notes\n");
        write(dir.resolve("main.log"), "a log\n");
        return dir.resolve("main.tex");
    }

    private PaperImporter.Outcome importPaper(Path paper, Path project) throws Exception {
        return new PaperImporter(paper, "final", null, "dev.texreport", "report-maven-plugin", "1.0")
                .importInto(project);
    }

    @Test
    void cutsThePaperIntoTheProjectLayout() throws Exception {
        Path project = tmp.resolve("team");
        PaperImporter.Outcome outcome = importPaper(paper(PAPER), project);
        Path report = project.resolve("src/report");
        assertEquals(List.of("01-introduction.tex", "02-limitations.tex", "03-conclusion.tex", "abstract.tex",
                "acknowledgements.tex", "appendix", "checklist.tex"), list(report.resolve("final")));
        assertEquals("\\section{Introduction}\nIntro text \\citep{a}.\n% \\section{Not a section}\n",
                read(report.resolve("final/01-introduction.tex")), "a commented \\section splits nothing");
        assertEquals("\\section*{Limitations}\nFew seeds. 100\\% sure.\n", read(report.resolve(
                "final/02-limitations.tex")));
        assertEquals("\\section[Short]{Conclusion}\nDone.\n", read(report.resolve("final/03-conclusion.tex")));
        assertEquals("  We study something small. % a comment in the abstract\n",
                read(report.resolve("final/abstract.tex")));
        assertEquals("Thanks to all.\n", read(report.resolve("final/acknowledgements.tex")));
        assertTrue(read(report.resolve("final/checklist.tex")).startsWith("\\section*{NeurIPS Paper Checklist}"));
        assertEquals(List.of("01-proofs.tex", "02-more.tex"), list(report.resolve("final/appendix")));
        assertEquals("\\section{Proofs}\nProof.\n", read(report.resolve("final/appendix/01-proofs.tex")),
                "no page break before \\appendix in the paper: none in the appendix");
        assertEquals("@misc{a, title={A}, year={2020}}\n\n", read(report.resolve("references.bib")));
        assertTrue(Files.isRegularFile(report.resolve("Images/x.png")), "folders kept as they are");
        assertTrue(Files.isRegularFile(report.resolve("neurips_2099.sty")));
        assertFalse(Files.exists(report.resolve("README.md")));
        assertFalse(Files.exists(report.resolve("main.log")));
        assertFalse(Files.exists(report.resolve("main.tex")));

        String preamble = read(report.resolve("preamble.tex"));
        assertFalse(preamble.contains("neurips_2099"), preamble);
        assertTrue(preamble.contains("\\usepackage{graphicx} % natbib: the style has it\n"), preamble);
        assertFalse(preamble.contains("{geometry}"), "the style loads geometry: " + preamble);
        assertTrue(preamble.contains("\\usepackage{commented}"), "a commented line of the style loads nothing");
        assertTrue(preamble.contains("\\newcommand{\\R}{\\mathbb{R}} % reals"));
        assertFalse(preamble.contains("\\title") || preamble.contains("\\author"), preamble);

        String pom = read(project.resolve("pom.xml"));
        assertTrue(pom.contains("<name>A Small Study</name>"), pom);
        assertTrue(pom.contains("<name>Zoë Brandt</name>\n      <email>zoe@example.edu</email>\n"
                + "      <organization>Example University</organization>\n"
                + "      <properties><row>1</row></properties>"), pom);
        assertTrue(pom.contains("<name>José Martínez</name>\n      <email>jose@example.org</email>\n"
                + "      <organization>Institute, Example City</organization>\n"
                + "      <properties><row>2</row></properties>"), pom);
        assertTrue(pom.contains("<name>Łukasz Nowak</name>\n      <organization>Example University</organization>\n"
                + "      <properties><row>2</row></properties>"), "\\And keeps the row: " + pom);
        assertTrue(pom.contains("<report.template>neurips-official</report.template>"), pom);
        assertTrue(pom.contains("<report.mode>preprint</report.mode>"), pom);
        assertEquals("preprint", outcome.mode());

        assertTrue(outcome.done().contains("preamble: left out \\usepackage{natbib,geometry}, which neurips_2099.sty"
                + " loads itself"), outcome.done().toString());
        assertTrue(outcome.unmapped().stream().anyMatch(u -> u.startsWith("\\bibliographystyle{abbrvnat}")),
                outcome.unmapped().toString());
        assertTrue(outcome.done().stream().anyMatch(d -> d.contains("not copied (not part of the paper): README.md,"
                + " main.log")), outcome.done().toString());
    }

    @Test
    void neverOverwritesAndWritesNothingWhenAFileExists() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("team"));
        write(project.resolve("src/report/final/01-introduction.tex"), "ours\n");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> importPaper(paper(PAPER), project));
        assertTrue(e.getMessage().startsWith("report:import never overwrites a file, and 1 of the files it would"
                + " write exist: src/report/final/01-introduction.tex. Nothing was written"), e.getMessage());
        assertEquals("ours\n", read(project.resolve("src/report/final/01-introduction.tex")));
        assertFalse(Files.exists(project.resolve("pom.xml")));
    }

    @Test
    void readsInInputsThatHoldSectionsAndKeepsTheOthersAsFiles() throws Exception {
        Path paper = paper(PAPER.replace("\\section*{Limitations}\nFew seeds. 100\\% sure.\n",
                "\\input{parts/limits}\n\\input{tables/t}\n"));
        write(paper.resolveSibling("parts/limits.tex"), "\\section*{Limitations}\nFew seeds.\n");
        write(paper.resolveSibling("tables/t.tex"), "\\begin{tabular}{c} x \\end{tabular}\n");
        Path project = tmp.resolve("team");
        PaperImporter.Outcome outcome = importPaper(paper, project);
        Path report = project.resolve("src/report");
        assertEquals("\\section*{Limitations}\nFew seeds.\n\n\\input{tables/t}\n",
                read(report.resolve("final/02-limitations.tex")));
        assertFalse(Files.exists(report.resolve("parts/limits.tex")), "read into its section");
        assertTrue(Files.isRegularFile(report.resolve("tables/t.tex")), "a table stays a file");
        assertTrue(outcome.done().contains("read in parts/limits.tex (\\inputed, part of the outline)"),
                outcome.done().toString());
    }

    @Test
    void reportsWhatItCannotMap() throws Exception {
        Path project = tmp.resolve("team");
        PaperImporter.Outcome outcome = importPaper(paper(PAPER
                .replace("Zo\\\"e Brandt", "Zo\\\"e Brandt\\thanks{Equal contribution.}")
                .replace("\\clearpage\n", "Some stray text.\n")
                .replace("\\documentclass{article}", "\\documentclass[11pt]{article}")), project);
        List<String> unmapped = outcome.unmapped();
        assertTrue(unmapped.contains("the footnote (\\thanks) of Zoë Brandt is left out: pom.xml has no place for"
                + " it"), unmapped.toString());
        assertTrue(unmapped.stream().anyMatch(u -> u.matches("line \\d+: text among the acknowledgements and"
                + " references: Some stray text\\.")), unmapped.toString());
        assertTrue(unmapped.contains("\\documentclass[11pt]{article}: the pack's document is an article without"
                + " options"), unmapped.toString());
        PaperImporter.Outcome unfinished = importPaper(paper(PAPER.substring(0, PAPER.indexOf("\\end{document}"))),
                tmp.resolve("team2"));
        assertTrue(unfinished.unmapped().contains("the paper has no \\end{document}"), unfinished.unmapped().toString());
    }

    @Test
    void aPageBreakBeforeTheAppendixStartsTheAppendix() throws Exception {
        Path project = tmp.resolve("team");
        importPaper(paper(PAPER.replace("\\appendix", "\\clearpage % the appendix on a page of its own\n\\appendix")),
                project);
        assertEquals("\\clearpage\n\n\\section{Proofs}\nProof.\n",
                read(project.resolve("src/report/final/appendix/01-proofs.tex")));
    }

    @Test
    void theProjectCannotBeThePapersOwnFolder() throws Exception {
        Path paper = paper(PAPER);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> importPaper(paper, paper.getParent()));
        assertTrue(e.getMessage().endsWith("is the paper's folder or lies inside it; import into a folder beside it"
                + " (report.initDirectory)."), e.getMessage());
    }

    @Test
    void aFileThatIsNoPaperIsNamed() throws Exception {
        Path paper = paper("\\documentclass{article}\n\\title{x}\n");
        SourceException e = assertThrows(SourceException.class, () -> importPaper(paper, tmp.resolve("team")));
        assertEquals("has no \\begin{document}", e.diagnostics().get(0).message());
        assertEquals(paper, e.diagnostics().get(0).location().file());
    }

    @Test
    void aPaperWithoutTheConferenceStyleGoesToTheBuiltInPack() throws Exception {
        Path project = tmp.resolve("team");
        PaperImporter.Outcome outcome = importPaper(paper("\\documentclass{article}\n\\title{T}\n\\author{A B}\n"
                + "\\begin{document}\n\\maketitle\n\\section{One}\nText.\n\\end{document}\n"), project);
        assertEquals("builtin", outcome.template());
        assertEquals("final", outcome.mode());
        String pom = read(project.resolve("pom.xml"));
        assertFalse(pom.contains("report.template") || pom.contains("report.mode") || pom.contains("<row>1"), pom);
    }

    @Test
    void plainTextForThePom() {
        assertEquals("Zoë Łukasz Martínez Çelik Dvořák", PlainText.of("Zo\\\"{e} {\\L}ukasz Mart\\'{\\i}nez"
                + " \\c{C}elik Dvo\\v{r}\\'ak"));
        assertEquals("A Title on Two Lines", PlainText.of("A \\textbf{Title}\\\\ on Two~Lines$^{1}$"));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
