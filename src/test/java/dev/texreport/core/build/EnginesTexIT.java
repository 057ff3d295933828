package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Engine;
import dev.texreport.core.MilestoneResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The built-in pack and the page accounting on every supported engine. */
class EnginesTexIT {
    @TempDir
    Path dir;
    @TempDir
    Path other;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyEngineGivesALetterPdfWithOutlineFontsAndTheSamePageCount(Engine engine) throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/final/01-body.tex", "\\section{Body}\nZoë, Łukasz and José write "
                        + "\\texttt{code} and $\\alpha^2$.\n\n" + TeamProject.paragraphs(20) + "Cited \\citep{a}.\n")
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n");
        MilestoneResult result = project.build(project.request().engine(engine).milestones(List.of("final"))
                .build()).milestones().get(0);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertEquals(List.of(), result.warnings(), engine + ": a plain paper builds without a warning");
        assertEquals(2, result.pdfPages());
        assertTrue(result.contentPages() > 1.2 && result.contentPages() < 2, "got " + result.contentPages());
        try (PDDocument pdf = Loader.loadPDF(result.pdf().toFile())) {
            PDPage page = pdf.getPage(0);
            assertEquals(612, Math.round(page.getMediaBox().getWidth()));
            assertEquals(792, Math.round(page.getMediaBox().getHeight()));
            for (PDPage p : pdf.getPages()) {
                for (var name : p.getResources().getFontNames()) {
                    PDFont font = p.getResources().getFont(name);
                    assertTrue(!(font instanceof PDType3Font), engine + " made a bitmap Type 3 font: " + font.getName());
                    assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                }
            }
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Zoë, Łukasz and José"), text.substring(0, Math.min(400, text.length())));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theSameInputsInAnotherDirectoryGiveTheSamePdfBytes(Engine engine) throws Exception {
        Path[] pdfs = new Path[2];
        Path[] roots = {dir.resolve("one/team"), other.resolve("elsewhere/deeper/team")};
        for (int i = 0; i < 2; i++) {
            TeamProject project = new TeamProject(roots[i])
                    .file("src/report/final/01-body.tex", "\\section{Body}\nBuilt on \\today.\n"
                            + "\\begin{figure}[h]\\centering\\includegraphics[width=2cm]{example-image-a}"
                            + "\\caption{A figure}\\end{figure}\nCited \\citep{a}.\n")
                    .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n");
            MilestoneResult result = project.build(project.request().engine(engine).milestones(List.of("final"))
                    .build()).milestones().get(0);
            assertTrue(result.passed(), () -> String.join("\n", result.errors()));
            pdfs[i] = result.pdf();
            if (i == 0) {
                Thread.sleep(1100); // a clock-dependent PDF would now differ
            }
        }
        byte[] first = Files.readAllBytes(pdfs[0]);
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(pdfs[1])), engine + " PDFs differ");
        String raw = new String(first, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!raw.contains(dir.toString()) && !raw.contains(other.toString()), "no absolute path in the PDF");
    }
}
