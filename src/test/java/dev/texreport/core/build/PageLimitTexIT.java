package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Page accounting on documents typeset by the real pdflatex: the edge cases NeurIPS rules care about. These need
 * TeX Live on the PATH (the README's prerequisite); they fail, not skip, without it.
 */
class PageLimitTexIT {
    @TempDir
    Path dir;

    private MilestoneResult buildFinal(TeamProject project) throws ReportException {
        BuildResult result = project.build(project.request().milestones(List.of("final")).build());
        return result.milestones().get(0);
    }

    @Test
    void referencesStartingMidPageCountThatPageOnlyUpToTheirStart() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(12)
                        + "Cited \\citep{a,b}.\n")
                .file("src/report/references.bib", "@article{a, author={Ann Author}, title={First}, journal={J},"
                        + " year={2020}}\n@article{b, author={Bob Author}, title={Second}, journal={J}, year={2021}}\n");
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertEquals(2, result.pdfPages(), "body and references share the second page");
        assertTrue(result.contentPages() > 1.05 && result.contentPages() < 1.95,
                "content ends part-way down page 2, got " + result.contentPages());
        // What a reader measures: where the References heading sits in the 9 in text block that starts 1 in down.
        double reader = ReaderMeasure.pagesBefore(result.pdf(), "References", 72, 648);
        assertEquals(reader, result.contentPages(), 0.1, "summary agrees with the page as printed");
    }

    @Test
    void emptyTailBeforeAClearpageIsNotCounted() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(3))
                .file("src/report/final/appendix/a.tex", "\\clearpage\n\\section{More}\nAppendix text.\n");
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertEquals(2, result.pdfPages());
        assertTrue(result.contentPages() < 0.6, "only the filled part of page 1 counts, got " + result.contentPages());
    }

    @Test
    void aBodyFloatPushedPastTheReferencesIsAnError() throws Exception {
        StringBuilder body = new StringBuilder("\\section{Body}\n");
        body.append(TeamProject.paragraphs(7));
        body.append("\\begin{figure}[p]\\centering\\rule{0.9\\textwidth}{0.8\\textheight}"
                + "\\caption{A large figure}\\end{figure}\n");
        body.append("\\begin{figure}[p]\\centering\\rule{0.9\\textwidth}{0.8\\textheight}"
                + "\\caption{Another large figure}\\end{figure}\n");
        body.append("Text after the figures \\citep{a}.\n");
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", body.toString())
                .file("src/report/references.bib", "@article{a, author={Ann Author}, title={First}, journal={J},"
                        + " year={2020}}\n");
        MilestoneResult result = buildFinal(project);
        assertFalse(result.passed(), "a float beyond the body must fail the build");
        assertTrue(result.errors().stream().anyMatch(e -> e.contains("Figure") && e.contains("belongs to the body")
                && e.contains("src/report/final/01-body.tex:")), () -> String.join("\n", result.errors()));
    }

    @Test
    void floatsFlushedAfterAShortBodyWithoutBackMatterCountAsContent() throws Exception {
        StringBuilder body = new StringBuilder("\\section{Body}\nShort text.\n");
        for (int i = 0; i < 3; i++) {
            body.append("\\begin{figure}[t]\\centering\\rule{0.9\\textwidth}{0.4\\textheight}"
                    + "\\caption{Figure}\\end{figure}\n");
        }
        TeamProject project = new TeamProject(dir).file("src/report/final/01-body.tex", body.toString());
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertTrue(result.pdfPages() >= 2);
        assertTrue(result.contentPages() > result.pdfPages() - 1, "the last figure's page counts: "
                + result.contentPages() + " of " + result.pdfPages());
    }

    @Test
    void contentThatExactlyFillsTheLimitPasses() throws Exception {
        // A rule exactly as tall as the text block fills page 1 and nothing spills onto page 2.
        TeamProject project = new TeamProject(dir)
                .file("src/report/proposal/01-body.tex", "\\section{Body}\nText.\n\\clearpage\n"
                        + "\\noindent\\rule{1pt}{\\textheight}\n");
        BuildResult build = project.build(project.request().milestones(List.of("proposal")).build());
        MilestoneResult result = build.milestones().get(0);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertEquals(2.0, result.contentPages(), 0.02, "two full pages count as exactly 2");
        assertEquals(2, result.pdfPages());
    }

    @Test
    void nineBodyPagesFailTheFinalWithTheOverrunInLines() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(130));
        MilestoneResult result = buildFinal(project);
        assertTrue(result.overLimit());
        assertFalse(result.passed());
        String message = result.errors().get(result.errors().size() - 1);
        assertTrue(message.matches("final: \\d+\\.\\d+ content pages, limit 8 \u2014 about \\d+\\.\\d page \\(~\\d+ lines\\)"
                + " over"), message);
    }

    @Test
    void twoExtraPagesOfReferencesDoNotCount() throws Exception {
        StringBuilder bib = new StringBuilder();
        StringBuilder cites = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            bib.append("@article{ref").append(i).append(", author={Author Number ").append(i)
                    .append(" and Second Writer}, title={A long title about deep networks and their training, part ")
                    .append(i).append("}, journal={Journal of Experiments}, volume={").append(i)
                    .append("}, pages={1--20}, year={2020}}\n");
            cites.append("\\citep{ref").append(i).append("} ");
        }
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(60) + cites)
                .file("src/report/references.bib", bib.toString());
        MilestoneResult result = buildFinal(project);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertTrue(result.pdfPages() >= result.contentPages() + 2, "references fill extra pages: " + result.pdfPages()
                + " pages for " + result.contentPages() + " content pages");
        assertTrue(result.contentPages() <= 8);
    }
}
