package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.tex.TexMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How TeX's font warnings reach the team. */
class TexDiagnosticsTest {
    private final TexDiagnostics diagnostics = new TexDiagnostics(Path.of("work"), Map.of(), false, null);

    private static TexMessage font(String text) {
        return new TexMessage(TexMessage.Kind.FONT_WARNING, "main.tex", 1, text, "");
    }

    private List<String> messages(TexMessage... messages) {
        return diagnostics.map(List.of(messages)).stream().map(Diagnostic::message).toList();
    }

    @Test
    void aMissingLatinModernBecomesOneWarningThatSaysWhatToInstall() {
        assertEquals(List.of(TexDiagnostics.LATIN_MODERN_MISSING), messages(font("Font shape `OT1/lmr/m/n' undefined"),
                font("Some font shapes were not available, defaults substituted.")));
    }

    @Test
    void aMissingFileNamesTheFoldersTexSearched() {
        assertEquals("File 'Images/x.png' not found in src/report/final/, src/report/figures/ (and below),"
                + " src/report/ or the TeX installation. Keep a paper's folders as they are under src/report/"
                + " (src/report/Images/x.png for \\includegraphics{Images/x.png}), or put figures in"
                + " src/report/figures/ and refer to them by name, e.g. \\includegraphics{plot}.",
                TexDiagnostics.missingFile("Images/x.png", List.of("src/report/final/",
                        "src/report/figures/ (and below)", "src/report/")));
    }

    @Test
    void otherMissingShapesStayAsTheyAre() {
        assertEquals(List.of("Font shape `T1/ptm/b/sc' undefined", "Font shape `OT1/lmr/m/n' undefined",
                "Some font shapes were not available, defaults substituted."),
                messages(font("Font shape `T1/ptm/b/sc' undefined"), font("Font shape `OT1/lmr/m/n' undefined"),
                        font("Some font shapes were not available, defaults substituted.")));
    }

    @Test
    void aBibtexMessageIsShownAtItsBibLineWithThatLine(@TempDir Path project) throws Exception {
        Path bib = Files.createDirectories(project.resolve("src/report")).resolve("references.bib");
        Files.writeString(bib, "@article{a,\n  author = {B. Author}\n  title = {Bad},\n}\n");
        TexDiagnostics mapper = new TexDiagnostics(project.resolve("target/report/final"), Map.of(), false, bib);
        Diagnostic diagnostic = mapper.map(new TexMessage(TexMessage.Kind.ERROR, bib.toString(), 2,
                "missing ',' at the end of this line", "a"));
        assertEquals("src/report/references.bib:2", diagnostic.location().describe(project));
        assertEquals("  author = {B. Author}", diagnostic.sourceLine());
    }

    @Test
    void aRefusedImageReadIsOneProblemThoughLatexTriesEveryExtension() {
        List<TexMessage> tries = new java.util.ArrayList<>();
        for (String name : List.of("/etc/hostname", "/etc/hostname.pdf", "/etc/hostname.png", "/etc/hostname.JPG")) {
            tries.add(new TexMessage(TexMessage.Kind.READ_BLOCKED, "", 0, "reading " + name + " is not allowed: a"
                    + " report may only read files inside the project", name));
        }
        List<String> shown = messages(tries.toArray(TexMessage[]::new));
        assertEquals(1, shown.size(), shown.toString());
        assertEquals("reading /etc/hostname is not allowed: a report may only read files inside the project; put the"
                + " file into src/report/figures/ (or the milestone's folder) and refer to it by its name", shown.get(0));
    }

    @Test
    void aDamagedImageIsShownAtTheLineThatIncludesIt(@TempDir Path project) throws Exception {
        Path section = Files.createDirectories(project.resolve("src/report/final")).resolve("01.tex");
        String text = "\\section{A}\nText.\n\\includegraphics[width=3cm]{plots/bad}\n";
        Files.writeString(section, text);
        TexDiagnostics mapper = new TexDiagnostics(project.resolve("target/report/final"), Map.of("sections/01.tex",
                new dev.texreport.core.template.TemplateRenderer.RenderedFile(section, text,
                        dev.texreport.core.template.LineMap.identity())), false, null);
        Diagnostic diagnostic = mapper.map(List.of(new TexMessage(TexMessage.Kind.BAD_IMAGE, "sections/01.tex", 0,
                "the image bad.png cannot be read (libpng: internal error)", "bad.png"))).get(0);
        assertEquals("src/report/final/01.tex:3", diagnostic.location().describe(project));
        assertEquals("the image bad.png cannot be read (libpng: internal error): the file is damaged or not really the"
                + " kind of image its name says. Open it in an image viewer and export it again (PNG, JPEG or PDF).",
                diagnostic.message());
    }
}
