package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.tex.CommonsExecProcessRunner;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType3Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** lualatex with the sandbox: hostile Lua and TeX reach nothing outside, ordinary documents still build. */
class LuaSandboxTexIT {
    @TempDir
    Path base;

    private SandboxedProject project() throws IOException {
        return new SandboxedProject(base);
    }

    private static String probes(SandboxedProject project) throws IOException {
        try (InputStream in = LuaSandboxTexIT.class.getResourceAsStream("hostile-probes.lua")) {
            Files.write(project.workDir.resolve("probes.lua"), in.readAllBytes());
        }
        return "\\documentclass{article}\n\\begin{document}\n\\directlua{OUTSIDE = \"" + project.outside
                + "\" dofile(\"probes.lua\")}\n\\end{document}\n";
    }

    @Test
    void hostileLuaReadsAndWritesNothingOutsideTheProject() throws Exception {
        SandboxedProject project = project();
        TreeSet<String> before = project.outsideFiles();
        ProcessOutcome outcome = project.lualatex(probes(project));
        assertEquals(0, outcome.exitCode(), () -> String.join("\n", outcome.output()));
        String text = pdfText(project.pdf());
        assertTrue(text.contains("io.open =>"), "the probes ran: " + text);
        assertFalse(project.pdfContainsSecret(), "the secret reached the PDF:\n" + text);
        assertEquals(0, project.images(), "an image from outside was embedded");
        assertEquals(before, project.outsideFiles(), "files appeared, changed name or vanished outside the project");
        assertTrue(text.contains("debug.getupvalue => nil"), text);
        assertTrue(text.contains("debug.getinfo func => nil"), text);
        List<String> refusals = LuaSandbox.refusals(project.log());
        assertTrue(refusals.size() >= 20, "each refused probe is logged: " + refusals);
        assertTrue(refusals.stream().anyMatch(r -> r.contains("secret.txt")), refusals.toString());
        assertEquals(List.of(), new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));
    }

    @Test
    void withoutTheSandboxTheSameProbesLeak() throws Exception {
        SandboxedProject project = project();
        TreeSet<String> before = project.outsideFiles();
        ProcessOutcome outcome = project.lualatexUnprotected(probes(project));
        assertEquals(0, outcome.exitCode(), () -> String.join("\n", outcome.output()));
        assertTrue(project.pdfContainsSecret(), "control: the probes read the secret without the sandbox");
        assertTrue(project.images() > 0, "control: img.scan embeds an image from outside");
        TreeSet<String> after = project.outsideFiles();
        assertTrue(after.contains("written-io.txt") && after.contains("written-output.txt")
                && after.contains("mp-written.txt") && !after.equals(before),
                "control: the probes wrote outside: " + after);
    }

    /** TeX-level ways to make the engine itself read or write outside; each must fail without touching the file. */
    @ParameterizedTest
    @ValueSource(strings = {
        "\\immediate\\pdfextension obj stream file {OUTSIDE/secret.txt}"
                + "\\pdfextension refobj\\numexpr\\pdffeedback lastobj\\relax",
        "\\saveimageresource{OUTSIDE/outside.png}\\useimageresource\\lastsavedimageresourceindex",
        "\\includegraphics{OUTSIDE/outside.png}",
        "\\input{OUTSIDE/secret.txt}",
        "\\directlua{luatexbase.add_to_callback('find_read_file', function(id, name) return 'OUTSIDE/secret.txt' "
                + "end, 'probe')}\\input{anything}",
        "\\directlua{luatexbase.add_to_callback('open_read_file', function(name) local f = io.open("
                + "'OUTSIDE/secret.txt') return { reader = function() return f and f:read('l') end } end, 'probe')}"
                + "\\input{main.aux}",
        "\\directlua{luatexbase.add_to_callback('find_write_file', function(id, name) return 'OUTSIDE/written.txt' "
                + "end, 'probe')}\\immediate\\openout5=x.txt \\immediate\\write5{pwned}\\immediate\\closeout5",
        "\\immediate\\openout5=OUTSIDE/written.txt \\immediate\\write5{pwned}\\immediate\\closeout5",
        "\\font\\probe=OUTSIDE/outside.tfm \\probe x",
    })
    void engineLevelReadsAndWritesOutsideFail(String probe) throws Exception {
        SandboxedProject project = project();
        Files.copy(project.outside.resolve("outside.png"), project.outside.resolve("outside.tfm"));
        TreeSet<String> before = project.outsideFiles();
        String body = probe.replace("OUTSIDE", project.outside.toString());
        project.lualatex("\\documentclass{article}\n\\usepackage{graphicx}\n\\begin{document}\nText.\n" + body
                + "\n\\end{document}\n");
        assertFalse(project.pdfContainsSecret(), "the secret reached the PDF");
        assertEquals(0, project.images(), "an image from outside was embedded");
        assertEquals(before, project.outsideFiles(), "a file appeared outside");
        Path fls = project.workDir.resolve("main.fls");
        if (Files.isRegularFile(fls)) {
            assertEquals(List.of(), new RecorderCheck(project.roots()).outside(fls), "TeX recorded an outside read");
        }
    }

    @Test
    void withoutTheSandboxTheEngineEmbedsFilesFromOutsideAndTheRecorderNamesThem() throws Exception {
        SandboxedProject project = project();
        project.lualatexUnprotected("\\documentclass{article}\n\\begin{document}\nText.\n"
                + "\\immediate\\pdfextension obj stream file {" + project.outside + "/secret.txt}"
                + "\\pdfextension refobj\\numexpr\\pdffeedback lastobj\\relax\n"
                + "\\saveimageresource{" + project.outside + "/outside.png}\\useimageresource"
                + "\\lastsavedimageresourceindex\n\\end{document}\n");
        assertTrue(project.pdfContainsSecret(), "control: obj file embeds the secret");
        assertEquals(1, project.images(), "control: \\saveimageresource embeds the image");
        List<RecorderCheck.Access> outside = new RecorderCheck(project.roots())
                .outside(project.workDir.resolve("main.fls"));
        assertEquals(List.of(new RecorderCheck.Access(RecorderCheck.Access.Kind.INPUT,
                        project.outside.resolve("secret.txt")),
                new RecorderCheck.Access(RecorderCheck.Access.Kind.INPUT, project.outside.resolve("outside.png"))),
                outside);
    }

    @Test
    void ordinaryDocumentsBuildWithFontspecGraphicsPgfplotsAndHyperrefFromAnEmptyFontCache() throws Exception {
        SandboxedProject project = project();
        assertFalse(Files.exists(project.varDirectory), "the font cache starts empty");
        ProcessOutcome outcome = project.lualatex("""
                \\documentclass{article}
                \\usepackage{fontspec}
                \\setmainfont{Latin Modern Roman}
                \\setsansfont{lmsans10-regular.otf}
                \\usepackage{graphicx}
                \\usepackage{xcolor}
                \\usepackage{pgfplots}
                \\pgfplotsset{compat=1.18}
                \\usepackage{hyperref}
                \\begin{document}
                \\section{Results}\\label{sec:results}
                Zoë and Łukasz, see Section~\\ref{sec:results} and \\url{https://example.org}.
                \\textsf{Sans} \\textcolor{red}{red}.
                \\includegraphics[width=2cm]{inside}
                \\begin{tikzpicture}\\begin{axis}\\addplot {x^2};\\end{axis}\\end{tikzpicture}
                \\directlua{tex.print(io.open("main.tex") and "own file readable" or "own file refused")}
                \\directlua{local f = io.open("note.txt", "w") f:write("x") f:close()}
                \\end{document}
                """);
        assertEquals(0, outcome.exitCode(), () -> String.join("\n", outcome.output()));
        String text = pdfText(project.pdf());
        assertTrue(text.contains("Zoë and Łukasz") && text.contains("own file readable"), text);
        assertEquals(1, project.images(), "the figure from src/report/figures is embedded");
        assertTrue(Files.isRegularFile(project.workDir.resolve("note.txt")), "Lua may write in the working dir");
        assertEquals(List.of(), LuaSandbox.refusals(project.log()), "nothing an ordinary document does is refused");
        assertTrue(Files.isDirectory(project.varDirectory.resolve("luatex-cache")),
                "luaotfload built its cache in the project's own TEXMFVAR");
        assertEquals(List.of(), new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));
        try (PDDocument pdf = Loader.loadPDF(project.pdf().toFile())) {
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertFalse(font instanceof PDType3Font, "bitmap font " + font.getName());
                }
            }
        }
    }

    /** luamplib needs MetaPost's plain.mp (Debian: texlive-metapost); without it these cases are skipped. */
    private static boolean metapostInstalled() throws Exception {
        Path kpsewhich = new EngineLocator(null, System.getenv("PATH")).locate("kpsewhich");
        return new CommonsExecProcessRunner().run(new ProcessSpec(kpsewhich, List.of("plain.mp"), Path.of("."),
                Map.of(), Duration.ofSeconds(30))).exitCode() == 0;
    }

    private static String metapostProbe(SandboxedProject project) {
        return "\\documentclass{article}\n\\usepackage{luamplib}\n\\begin{document}\n\\begin{mplibcode}\n"
                + "string s; s = readfrom \"" + project.outside.resolve("secret.txt") + "\";\n"
                + "write \"pwned\" to \"" + project.outside.resolve("mp-written.txt") + "\";\n"
                + "write EOF to \"" + project.outside.resolve("mp-written.txt") + "\";\n"
                + "beginfig(1); draw fullcircle scaled 1cm; label(s, origin); endfig;\n"
                + "\\end{mplibcode}\n\\end{document}\n";
    }

    @Test
    void metapostFiguresBuildAndMetapostReachesNothingOutside() throws Exception {
        Assumptions.assumeTrue(metapostInstalled(), "MetaPost's plain.mp is not installed");
        SandboxedProject project = project();
        ProcessOutcome ok = project.lualatex("\\documentclass{article}\n\\usepackage{luamplib}\n"
                + "\\begin{document}\n\\begin{mplibcode}\nbeginfig(1); draw fullcircle scaled 1cm withcolor red; "
                + "label(\"MPLABEL\", origin); endfig;\n\\end{mplibcode}\n\\end{document}\n");
        assertEquals(0, ok.exitCode(), () -> String.join("\n", ok.output()));
        assertTrue(pdfText(project.pdf()).contains("MPLABEL"));
        assertEquals(List.of(), LuaSandbox.refusals(project.log()));

        TreeSet<String> before = project.outsideFiles();
        Files.delete(project.pdf());
        project.lualatex(metapostProbe(project));
        assertFalse(project.pdfContainsSecret());
        assertEquals(before, project.outsideFiles());
        List<String> refusals = LuaSandbox.refusals(project.log());
        assertTrue(refusals.stream().anyMatch(r -> r.startsWith("texreport sandbox: refused MetaPost reading")),
                refusals.toString());
    }

    @Test
    void withoutTheSandboxMetapostReadsAndWritesAnywhere() throws Exception {
        Assumptions.assumeTrue(metapostInstalled(), "MetaPost's plain.mp is not installed");
        SandboxedProject project = project();
        project.lualatexUnprotected(metapostProbe(project));
        assertTrue(project.pdfContainsSecret(), "control: readfrom read the secret into a label");
        assertTrue(project.outsideFiles().contains("mp-written.txt"), "control: write ... to wrote outside");
    }

    private static String pdfText(Path pdf) throws IOException {
        assertTrue(Files.isRegularFile(pdf), "no PDF");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

}
