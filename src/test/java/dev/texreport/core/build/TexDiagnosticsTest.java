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
}
