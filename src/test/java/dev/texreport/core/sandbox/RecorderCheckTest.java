package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderCheckTest {
    @TempDir
    Path dir;

    private SandboxRoots roots() throws Exception {
        Path texTree = Files.createDirectories(dir.resolve("texlive/texmf-dist"));
        Path work = Files.createDirectories(dir.resolve("team/target/report/final"));
        Path sources = Files.createDirectories(dir.resolve("team/src/report"));
        Path var = Files.createDirectories(dir.resolve("team/target/report/.texreport/texmf-var"));
        return SandboxRoots.of(work, List.of(sources), var, new TexInstallation(List.of(texTree, var)));
    }

    private static RecorderCheck.Access in(Path file) {
        return new RecorderCheck.Access(RecorderCheck.Access.Kind.INPUT, file);
    }

    private static RecorderCheck.Access out(Path file) {
        return new RecorderCheck.Access(RecorderCheck.Access.Kind.OUTPUT, file);
    }

    @Test
    void anOrdinaryPassIsClean() throws Exception {
        SandboxRoots roots = roots();
        Path work = roots.workDir();
        List<String> fls = List.of("PWD " + work, "INPUT " + dir.resolve("texlive/texmf-dist/web2c/texmf.cnf"),
                "INPUT main.tex", "INPUT ./main.aux", "OUTPUT main.aux", "OUTPUT main.pdf", "OUTPUT main.log",
                "INPUT " + dir.resolve("team/src/report/figures/plot.pdf"),
                "INPUT " + dir.resolve("team/target/report/.texreport/texmf-var/luatex-cache/generic/names/x.lua"),
                "OUTPUT " + dir.resolve("team/target/report/.texreport/texmf-var/luatex-cache/generic/fonts/y.lua"));
        assertEquals(List.of(), new RecorderCheck(roots).outside(fls));
    }

    @Test
    void readsAndWritesOutsideAreNamedOnceEach() throws Exception {
        SandboxRoots roots = roots();
        Path work = roots.workDir();
        List<String> fls = List.of("PWD " + work, "INPUT main.tex", "INPUT /etc/passwd", "INPUT /etc/passwd",
                "INPUT /tmp/outside.png", "OUTPUT /tmp/written.txt", "INPUT ../../../../../../etc/hostname",
                "OUTPUT " + dir.resolve("team/src/report/section.tex"));
        assertEquals(List.of(in(Path.of("/etc/passwd")), in(Path.of("/tmp/outside.png")),
                out(Path.of("/tmp/written.txt")), in(Path.of("/etc/hostname")),
                out(dir.resolve("team/src/report/section.tex"))), new RecorderCheck(roots).outside(fls));
    }

    @Test
    void aLinkInsideAnAllowedFolderIsJudgedByItsTarget() throws Exception {
        SandboxRoots roots = roots();
        Path secret = Files.writeString(dir.resolve("secret.txt"), "x");
        Path link = Files.createSymbolicLink(dir.resolve("team/src/report/pw.tex"), secret);
        List<String> fls = List.of("PWD " + roots.workDir(), "INPUT " + link);
        assertEquals(List.of(in(link)), new RecorderCheck(roots).outside(fls));
    }

    @Test
    void linksInsideTheInstallationAreTheSystemsAndTrusted() throws Exception {
        SandboxRoots roots = roots();
        Path poppler = Files.createDirectories(dir.resolve("poppler/cMap"));
        Path cmap = Files.createDirectories(dir.resolve("texlive/texmf-dist/fonts/cmap"));
        Path link = Files.createSymbolicLink(cmap.resolve("Adobe-Japan1"), poppler);
        List<String> fls = List.of("PWD " + roots.workDir(), "INPUT " + link.resolve("UniJIS-UTF16-H"));
        assertEquals(List.of(), new RecorderCheck(roots).outside(fls));
        assertTrue(roots.installation().stream().noneMatch(p -> p.startsWith(dir.resolve("team"))),
                "the project's own TEXMFVAR is no installation folder: " + roots.installation());
    }

    @Test
    void relativeNamesFollowThePwdLine() throws Exception {
        SandboxRoots roots = roots();
        List<String> fls = List.of("PWD /tmp", "INPUT secret.txt");
        assertEquals(List.of(in(Path.of("/tmp/secret.txt"))), new RecorderCheck(roots).outside(fls));
    }

    @Test
    void readsTheFileTexWrote() throws Exception {
        SandboxRoots roots = roots();
        Path fls = Files.writeString(roots.workDir().resolve("main.fls"),
                "PWD " + roots.workDir() + "\nINPUT main.tex\nINPUT /etc/passwd\n");
        List<RecorderCheck.Access> outside = new RecorderCheck(roots).outside(fls);
        assertEquals(List.of(in(Path.of("/etc/passwd"))), outside);
        List<Diagnostic> diagnostics = RecorderCheck.diagnostics(outside, fls);
        assertEquals(1, diagnostics.size());
        assertTrue(diagnostics.get(0).message().startsWith("TeX read /etc/passwd, outside the project"),
                diagnostics.get(0).message());
    }

    @Test
    void aRecorderFileTheDocumentOverwroteIsRefused() throws Exception {
        SandboxRoots roots = roots();
        Path fls = roots.workDir().resolve("main.fls");
        Files.writeString(fls, "PWD " + roots.workDir() + "\nINPUT main.tex\n\0\0\0\0INPUT main.aux\n");
        assertThrows(RecorderCheck.TamperedException.class, () -> new RecorderCheck(roots).outside(fls));
        Files.writeString(fls, "INPUT main.tex\n");
        assertThrows(RecorderCheck.TamperedException.class, () -> new RecorderCheck(roots).outside(fls));
        Files.writeString(fls, "PWD " + roots.workDir() + "\nall clean\n");
        assertThrows(RecorderCheck.TamperedException.class, () -> new RecorderCheck(roots).outside(fls));
    }

    @Test
    void theRootFolderIsNeverASandboxRoot() {
        assertThrows(IllegalArgumentException.class,
                () -> new SandboxRoots(Path.of("/w"), List.of(Path.of("/")), List.of(Path.of("/w")), List.of()));
    }
}
