package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a team sees when its sources are wrong or hostile, on the real pdflatex. */
class SafetyAndDiagnosticsTexIT {
    @TempDir
    Path dir;

    private MilestoneResult buildFinal(TeamProject project) throws ReportException {
        return project.build(project.request().milestones(List.of("final")).build()).milestones().get(0);
    }

    private static String text(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void resultsTextPrintsLiterallyAndCannotReadFiles() throws Exception {
        String hostname = Files.readString(Path.of("/etc/hostname")).strip();
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/runs.json",
                        "{\"name\": \"resnet_50 & 100% #1 ~ ^ {x} \\\\input{/etc/hostname}\"}")
                .file("src/report/final/01.tex.ftl", "\\section{Runs}\nRun: ${results.runs.name}.\n");
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        String text = text(result.pdf());
        assertTrue(text.contains("Run: resnet_50 & 100% #1 ~ ^ {x} \\input{/etc/hostname}."), text);
        assertFalse(hostname.length() > 3 && text.contains(hostname), "the host name must not reach the PDF");
    }

    @Test
    void aSectionReadingOutsideTheProjectFailsAtItsLine() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01.tex", "\\section{Leak}\nHost: \\input{/etc/hostname}\n");
        MilestoneResult result = buildFinal(project);
        assertEquals(List.of("src/report/final/01.tex:2: reading /etc/hostname is not allowed: a report may only read"
                + " files inside the project; put the file into src/report/figures/ (or the milestone's folder) and"
                + " refer to it by its name\n    2 | Host: \\input{/etc/hostname}"), normalize(result.errors()));
        assertNull(result.pdf());
    }

    @Test
    void shellEscapeIsOffAndSaysSo() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01.tex", "\\section{Shell}\n\\immediate\\write18{touch pwned}\nText.\n");
        MilestoneResult result = buildFinal(project);
        assertFalse(Files.exists(dir.resolve("target/report/final/pwned")));
        assertFalse(Files.exists(dir.resolve("pwned")));
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().get(0).startsWith("src/report/final/01.tex: this needs shell escape, which is off:"
                + " TeX did not run 'touch pwned'."), result.errors().get(0));
    }

    @Test
    void shellEscapeIsAnExplicitOptInThatWarnsOnEveryBuild() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01.tex", "\\section{Shell}\n\\immediate\\write18{touch made-by-tex}\nText.\n");
        MilestoneResult result = project.build(project.request().milestones(List.of("final")).shellEscape(true)
                .build()).milestones().get(0);
        assertTrue(result.passed(), result.errors().toString());
        assertTrue(Files.exists(dir.resolve("target/report/final/made-by-tex")));
        assertEquals("WARN Shell escape is ON (report.shellEscape=true): TeX may run any command the sources ask for."
                + " Only build sources you trust.", project.log.get(0));
    }

    @Test
    void aMissingPackageIsNamedWithHowToInstallIt() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/preamble.tex", "\\usepackage{doesnotexist}\n")
                .file("src/report/final/01.tex", "\\section{A}\nText.\n");
        MilestoneResult result = buildFinal(project);
        assertEquals(1, result.errors().size(), () -> String.join("\n", result.errors()));
        String error = normalize(result.errors()).get(0);
        assertTrue(error.startsWith("src/report/preamble.tex:1: LaTeX package 'doesnotexist' is not installed"
                + " (doesnotexist.sty not found). Check the name; if it is right, find the TeX Live package that"
                + " holds it with 'tlmgr search --global --file doesnotexist.sty'"), error);
    }

    @Test
    void anEndlessLoopIsKilledAtTheTimeoutAndLeavesNoProcess() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01.tex", "\\section{Loop}\n\\loop\\iftrue\\repeat\n");
        long start = System.nanoTime();
        MilestoneResult result = project.build(project.request().milestones(List.of("final"))
                .timeout(Duration.ofSeconds(2)).build()).milestones().get(0);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20);
        assertEquals(List.of("pdflatex pass 1 did not finish within 2 s (report.timeout) and was stopped. A"
                + " macro that loops forever (e.g. \\loop without an end) does this; if the document is just large,"
                + " raise report.timeout."), result.errors());
        assertFalse(result.failure().isUserMistake());
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("")
                .contains("pdflatex")), "no pdflatex may outlive the build");
    }

    @Test
    void aFailingBuildKeepsThePreviousGoodPdf() throws Exception {
        TeamProject project = new TeamProject(dir).file("src/report/final/01.tex", "\\section{A}\nGood.\n");
        MilestoneResult good = buildFinal(project);
        byte[] before = Files.readAllBytes(good.pdf());
        project.file("src/report/final/01.tex", "\\section{A}\nBad \\bfx.\n");
        MilestoneResult bad = buildFinal(project);
        assertFalse(bad.passed());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("target/report/final.pdf")));
    }

    @Test
    void anErrorInATemplateIsReportedAtTheTemplateLineAcrossLoopsAndMacros() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/shared/macros.ftl", "<#macro rows n>\n<#list 1..n as i>\nRow ${i}.\n\n</#list>\n"
                        + "</#macro>\n")
                .file("src/report/final/01.tex.ftl", String.join("\n",
                        "<#import '/shared/macros.ftl' as m>",
                        "\\section{Method}",
                        "<@m.rows 12/>",
                        "<#list 1..3 as i>",
                        "Loop ${i}.",
                        "</#list>",
                        "We make this \\bfx bold.",
                        "Then more.", ""));
        MilestoneResult result = buildFinal(project);
        assertEquals(List.of("src/report/final/01.tex.ftl:7: Undefined control sequence \\bfx\n"
                + "    7 | We make this \\bfx bold."), normalize(result.errors()));
    }

    @Test
    void anUndefinedCitationFailsAfterTheLastPassAtTheTemplateLine() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/references.bib", "@misc{real, author={A B}, title={T}, year={2020}}\n")
                .file("src/report/final/01.tex.ftl", "\\section{A}\n<#list 1..2 as i>Item ${i}.\n</#list>\n"
                        + "Known \\citep{real}, unknown \\citep{nokey}.\n");
        MilestoneResult result = buildFinal(project);
        assertEquals(List.of("src/report/final/01.tex.ftl:4: Citation 'nokey' is undefined: src/report/references.bib"
                + " has no entry with this key; add one or fix the key.\n"
                + "    4 | Known \\citep{real}, unknown \\citep{nokey}."), normalize(result.errors()));
        assertTrue(project.log.stream().anyMatch(l -> l.startsWith("INFO [final] pdflatex pass 3")),
                "it failed after the last pass, not the first: " + project.log);

        MilestoneResult relaxed = project.build(project.request().milestones(List.of("final"))
                .failOnUndefinedReferences(false).build()).milestones().get(0);
        assertTrue(relaxed.passed());
        assertTrue(relaxed.warnings().get(0).contains("Citation 'nokey' is undefined"), relaxed.warnings().toString());
    }

    @Test
    void bibtexWarningsAreShownAtTheBibEntry() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/references.bib", "@misc{other, author={C D}, title={U}, year={2019}}\n\n"
                        + "@article{both, author={A B}, title={T}, year={2020}}\n")
                .file("src/report/final/01.tex", "\\section{A}\nSee \\citep{both}.\n");
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), result.errors().toString());
        assertEquals(List.of("src/report/references.bib:3: bibtex: empty journal in both\n"
                + "    3 | @article{both, author={A B}, title={T}, year={2020}}"),
                normalize(result.warnings()));
    }

    @Test
    void referencesThatNeverSettleStopAfterTheCap() throws Exception {
        // Each pass reads a number from the .aux and writes it back plus one: a fixed point is never reached.
        TeamProject project = new TeamProject(dir).file("src/report/final/01.tex", String.join("\n",
                "\\makeatletter",
                "\\providecommand\\drift{0}",
                "\\immediate\\write\\@auxout{\\gdef\\string\\drift{\\the\\numexpr\\drift+1\\relax}}",
                "\\makeatother",
                "\\section{Drift}",
                "Value \\drift.", ""));
        MilestoneResult result = buildFinal(project);
        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).startsWith("cross-references do not converge after 5 passes: main.aux keep"
                + " changing"), result.errors().get(0));
        assertEquals(5, project.log.stream().filter(l -> l.contains("pdflatex pass")).count());
    }

    private static List<String> normalize(List<String> lines) {
        return lines.stream().map(l -> l.replace(System.lineSeparator(), "\n")).toList();
    }

    @SuppressWarnings("unused")
    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
