package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinkGuardTest {
    @TempDir
    Path dir;
    Path project;
    Path sources;
    Path output;
    Path outside;

    @BeforeEach
    void layout() throws Exception {
        project = dir.resolve("team");
        sources = Files.createDirectories(project.resolve("src/report/figures"));
        sources = project.resolve("src/report");
        output = project.resolve("target/report");
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.tex"), "secret");
        Files.writeString(sources.resolve("intro.tex"), "Intro.");
    }

    private List<Diagnostic> problems() throws Exception {
        try {
            new SymlinkGuard(project).verify(sources, null, output);
            return List.of();
        } catch (SourceException e) {
            return e.diagnostics();
        }
    }

    private String only() throws Exception {
        List<Diagnostic> problems = problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0).format(project);
    }

    @Test
    void anOrdinaryProjectPasses() throws Exception {
        assertEquals(List.of(), problems());
    }

    @Test
    void aLinkToAFileOutsideIsAnErrorAtTheLink() throws Exception {
        Files.createSymbolicLink(sources.resolve("figures/pw.tex"), outside.resolve("secret.tex"));
        assertEquals("src/report/figures/pw.tex: is a symbolic link to " + outside.resolve("secret.tex").toRealPath()
                + ", outside the project: TeX would read that file into the PDF. Copy the file into the project "
                + "instead of linking to it.", only());
    }

    @Test
    void aLinkToSystemFilesAndToTheProcessEnvironmentIsAnError() throws Exception {
        Files.createSymbolicLink(sources.resolve("pw.tex"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(sources.resolve("env.tex"), Path.of("/proc/self/environ"));
        List<Diagnostic> problems = problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.get(0).format(project).startsWith("src/report/env.tex: is a symbolic link to /proc/"),
                problems.get(0).format(project));
        assertTrue(problems.get(1).format(project).startsWith("src/report/pw.tex: is a symbolic link to /etc/passwd,"));
    }

    @Test
    void aLinkToAFolderOutsideIsAnErrorAndNotWalked() throws Exception {
        Files.createSymbolicLink(sources.resolve("shared"), outside);
        assertTrue(only().startsWith("src/report/shared: is a symbolic link to " + outside.toRealPath() + ","));
    }

    @Test
    void aLinkInsideToInsideIsFineAlsoWhenDangling() throws Exception {
        Files.writeString(project.resolve("notes.tex"), "Notes.");
        Files.createSymbolicLink(sources.resolve("notes.tex"), Path.of("../../notes.tex"));
        Files.createSymbolicLink(sources.resolve("later.tex"), Path.of("not-written-yet.tex"));
        Files.createSymbolicLink(sources.resolve("figs"), Path.of("figures"));
        assertEquals(List.of(), problems());
    }

    @Test
    void aDanglingLinkOutsideIsStillAnError() throws Exception {
        Files.createSymbolicLink(sources.resolve("later.tex"), outside.resolve("not-there.tex"));
        assertTrue(only().startsWith("src/report/later.tex: is a symbolic link to "), only());
    }

    @Test
    void aLinkedFolderInsideTheProjectIsWalkedAndItsLinksOutAreFound() throws Exception {
        Path data = Files.createDirectories(project.resolve("data"));
        Files.createSymbolicLink(data.resolve("leak.tex"), outside.resolve("secret.tex"));
        Files.createSymbolicLink(sources.resolve("data"), data);
        assertTrue(only().startsWith("src/report/data/leak.tex: is a symbolic link to "), only());
    }

    @Test
    void aLinkCycleIsReported() throws Exception {
        Files.createSymbolicLink(sources.resolve("figures/again"), sources);
        Files.createSymbolicLink(sources.resolve("a.tex"), sources.resolve("b.tex"));
        Files.createSymbolicLink(sources.resolve("b.tex"), sources.resolve("a.tex"));
        List<Diagnostic> problems = problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.get(0).format(project).startsWith("src/report/a.tex: is a symbolic link that never "
                + "reaches a file"), problems.get(0).format(project));
        assertTrue(problems.get(2).format(project).startsWith("src/report/figures/again: is a symbolic link to "
                + sources.toRealPath() + ", a folder that contains the link itself"), problems.get(2).format(project));
    }

    @Test
    void thePackFolderMayNotLinkOutOfThePackEvenIntoTheProject() throws Exception {
        Path pack = Files.createDirectories(project.resolve("my-pack"));
        Files.createSymbolicLink(pack.resolve("style.sty"), sources.resolve("intro.tex"));
        SourceException e = assertThrows(SourceException.class,
                () -> new SymlinkGuard(project).verify(sources, pack, output));
        String message = e.diagnostics().get(0).format(project);
        assertTrue(message.startsWith("my-pack/style.sty: is a symbolic link to "
                + sources.resolve("intro.tex").toRealPath() + ", outside the template pack"), message);
    }

    @Test
    void theOutputFolderMayNotBeALinkOutOfTheProject() throws Exception {
        Files.createDirectories(project.resolve("target"));
        Files.createSymbolicLink(output, outside);
        assertTrue(only().startsWith("target/report: is a symbolic link to " + outside.toRealPath()
                + ", outside the project: the build would write its files there"), only());
    }

    @Test
    void aMilestoneFolderInTheOutputMayNotLinkOutEither() throws Exception {
        Files.createDirectories(output);
        Files.createSymbolicLink(output.resolve("final"), outside);
        assertTrue(only().startsWith("target/report/final: is a symbolic link to "), only());
    }

    @Test
    void theSourceFolderMustLieInsideTheProject() throws Exception {
        SourceException e = assertThrows(SourceException.class,
                () -> new SymlinkGuard(project).verify(outside, null, output));
        assertTrue(e.diagnostics().get(0).message().startsWith("report.sourceDirectory (" + outside + ") lies outside"
                + " the project"), e.diagnostics().toString());
        Path linked = project.resolve("report-link");
        Files.createSymbolicLink(linked, outside);
        e = assertThrows(SourceException.class, () -> new SymlinkGuard(project).verify(linked, null, output));
        assertTrue(e.diagnostics().get(0).message().contains("really " + outside.toRealPath()),
                e.diagnostics().toString());
    }
}
