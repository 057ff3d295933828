package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.tex.ProcessOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** xelatex -no-pdf, the XDV check, then xdvipdfmx once: hostile specials are refused, real documents pass. */
class XdvSandboxTexIT {
    @TempDir
    Path base;

    @Test
    void anOrdinaryDocumentScansCleanAndTheDriverMakesItsPdf() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Files.copy(project.outside.resolve("outside.pdf"), project.sources.resolve("figures/plot.pdf"));
        String document = """
                \\documentclass{article}
                \\usepackage{fontspec}
                \\setmainfont{Latin Modern Roman}
                \\setsansfont{lmsans10-regular.otf}
                \\usepackage{graphicx}
                \\usepackage{xcolor}
                \\usepackage{hyperref}
                \\begin{document}
                \\section{Results}\\label{sec:results}
                Zoë and Łukasz, see Section~\\ref{sec:results}, \\url{https://example.org} and \\cite{none}.
                \\textsf{Sans} \\textcolor{red}{red} \\colorbox{yellow}{box}.
                \\includegraphics[width=2cm]{inside}\\includegraphics[width=2cm]{plot}
                \\end{document}
                """;
        for (int pass = 1; pass <= 2; pass++) {
            ProcessOutcome outcome = project.xelatexNoPdf(document);
            assertEquals(0, outcome.exitCode(), () -> String.join("\n", outcome.output()));
        }
        assertFalse(Files.exists(project.pdf()), "-no-pdf writes only the XDV");
        assertEquals(List.of(), project.xdvProblems());
        ProcessOutcome driver = project.xdvipdfmx();
        assertEquals(0, driver.exitCode(), () -> String.join("\n", driver.output()));
        try (PDDocument pdf = Loader.loadPDF(project.pdf().toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Zoë and Łukasz, see Section 1"), text);
            assertTrue(pdf.getDocumentCatalog().getDocumentOutline() != null, "hyperref's bookmarks");
        }
        assertEquals(1, project.images(), "the PNG from src/report/figures (the PDF figure is a form)");
        assertEquals(List.of(), new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));
    }

    @Test
    void anImageFromOutsideIsRefusedAndWouldOtherwiseBeEmbedded() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Path image = project.outside.resolve("outside.png");
        project.xelatexNoPdf("\\documentclass{article}\\usepackage{graphicx}\\begin{document}x"
                + "\\includegraphics{" + image + "}\\end{document}\n");
        List<String> problems = project.xdvProblems();
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("the file " + image + ", outside the project in \\special{pdf:image"),
                problems.get(0));
        assertEquals(List.of(), new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")),
                "XeTeX does not record the image: only the XDV check sees it");
        project.xdvipdfmx();
        assertEquals(1, project.images(), "control: without the check xdvipdfmx embeds the outside image");
    }

    @Test
    void aFileStreamFromOutsideIsRefusedAndWouldOtherwiseLeakTheSecret() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        project.xelatexNoPdf("\\documentclass{article}\\begin{document}x"
                + "\\special{pdf:fstream @leak (" + project.outside.resolve("secret.txt") + ")}"
                + "\\special{pdf:put @catalog << /Leak @leak >>}\\end{document}\n");
        assertEquals(1, project.xdvProblems().size(), project.xdvProblems()::toString);
        project.xdvipdfmx();
        assertTrue(project.pdfContainsSecret(), "control: xdvipdfmx embeds the file a pdf:fstream names");
    }

    /** Specials that name a file outside, in every spelling xdvipdfmx accepts, and options that redirect it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "pdf:image width 2cm (OUTSIDE/outside.png)",
        "pdf:img @x (OUTSIDE/outside.png)",
        "pdf:epdf page 1 (OUTSIDE/outside.pdf)",
        "pdf:image <HEX>",
        "pdf:image (OUTS\\111DE/outside.png)",
        "pdf:fstream @x (OUTSIDE/secret.txt) << /Type /EmbeddedFile >>",
        "pdf:image (../../../../../../../../../../../../OUTSIDE/outside.png)",
        "pdf:image (~/.ssh/id_rsa)",
        "pdf:image ($HOME/secret.png)",
        "pdf:mapfile OUTSIDE/secret.txt",
        "pdf:mapline cmr10 CMR10 <OUTSIDE/secret.pfb",
        "x:fontmapfile OUTSIDE/secret.map",
        "dvipdfmx:config o OUTSIDE/written.pdf",
        "dvipdfmx:config f OUTSIDE/secret.map",
        "dvipdfmx:config D \"cp OUTSIDE/secret.txt .\"",
        "PSfile=\"OUTSIDE/figure.eps\" llx=0 lly=0 urx=10 ury=10",
        "html:<img src=\"OUTSIDE/outside.png\">",
        "pdf:someday (OUTSIDE/outside.png)",
    })
    void hostileSpecialsAreRefused(String special) throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        String outsideName = project.outside.toString();
        String text = special.replace("HEX", HexFormat.of().formatHex((outsideName + "/outside.png")
                .getBytes(StandardCharsets.UTF_8))).replace("OUTS\\111DE", outsideName.replace("outside",
                "outs\\151de")).replace("OUTSIDE", outsideName);
        ProcessOutcome outcome = project.xelatexNoPdf("\\documentclass{article}\\begin{document}x"
                + "\\special{" + text.replace("\\", "\\string\\").replace("~", "\\string~")
                .replace("$", "\\string$").replace("#", "\\string#") + "}\\end{document}\n");
        assertEquals(0, outcome.exitCode(), () -> String.join("\n", outcome.output()));
        List<String> problems = project.xdvProblems();
        assertEquals(1, problems.size(), () -> special + " -> " + problems);
    }
}
