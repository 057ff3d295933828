package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.MilestoneResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack may carry a conference's own style file. Here a stand-in written for this test does what such files do:
 * it redefines \bibliography (a \clearpage and its own heading) and \appendix (a new page, lettered sections).
 * Page accounting must not depend on our style.
 */
class OfficialStyleTexIT {
    @TempDir
    Path dir;

    @Test
    void pageAccountingWorksWithAStyleThatRedefinesBibliographyAndAppendix() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("conference/course.json", "{\"name\": \"Conference\", \"files\": [\"confstyle2099.sty\"],"
                        + " \"milestones\": [{\"id\": \"final\", \"title\": \"Camera-ready\", \"pageLimit\": 2}]}")
                .file("conference/confstyle2099.sty", String.join("\n",
                        "\\ProvidesPackage{confstyle2099}[2099/01/01 stand-in conference style]",
                        "\\RequirePackage[letterpaper,textwidth=6in,textheight=8.5in]{geometry}",
                        "\\RequirePackage{natbib}",
                        "% The conference starts references on a new page under its own heading.",
                        "\\let\\conf@bibliography\\bibliography",
                        "\\renewcommand\\bibliography[1]{\\clearpage\\section*{Cited works}\\conf@bibliography{#1}}",
                        "\\renewcommand\\bibsection{}",
                        "% Appendices start on a new page with lettered sections.",
                        "\\let\\conf@appendix\\appendix",
                        "\\renewcommand\\appendix{\\clearpage\\conf@appendix}",
                        ""))
                .file("conference/document.tex.ftl", String.join("\n",
                        "\\documentclass{article}",
                        "\\usepackage{texreport-measure}",
                        "\\usepackage{confstyle2099}",
                        "\\title{${project.title}}",
                        "\\begin{document}",
                        "\\maketitle",
                        "<#list doc.sections as section>\\input{${section?no_esc}}</#list>",
                        "\\texreportBodyEnd",
                        "\\bibliographystyle{plainnat}",
                        "\\bibliography{${doc.bibliography?no_esc}}",
                        "<#list doc.appendix as part>\\appendix\\input{${part?no_esc}}</#list>",
                        "\\end{document}", ""))
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n")
                .file("src/report/final/01-body.tex", "\\section{Body}\n" + TeamProject.paragraphs(6)
                        + "Cited \\citep{a}.\n")
                .file("src/report/final/appendix/a.tex", "\\section{Proofs}\n" + TeamProject.paragraphs(3));
        MilestoneResult result = project.build(project.request().template("conference").build()).milestones().get(0);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertEquals("Camera-ready", result.title());
        assertEquals(3, result.pdfPages(), "body, references page, appendix page");
        assertTrue(result.contentPages() > 0.5 && result.contentPages() < 1.0,
                "the body ends on page 1; the pages the style adds are not content: " + result.contentPages());
        List<String> warnings = result.warnings();
        assertTrue(warnings.isEmpty(), warnings.toString());
    }
}
