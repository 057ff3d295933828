package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.tex.ProcessOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The -recorder list of real pdflatex and lualatex runs, as the plugin is to check it after each pass. */
class RecorderCheckTexIT {
    @TempDir
    Path base;

    @Test
    void aReadThroughALinkInTheSourcesIsNamedAlthoughOpeninAnyAllowedIt() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Path link = Files.createSymbolicLink(project.sources.resolve("figures/pw.tex"),
                project.outside.resolve("secret.txt"));
        ProcessOutcome outcome = project.run("pdflatex", List.of(), "\\documentclass{article}\\begin{document}"
                + "\\input{pw}\\end{document}\n");
        assertEquals(0, outcome.exitCode(), "openin_any=p lets TeX read the link: " + outcome.output());
        assertTrue(project.pdfContainsSecret(), "control: the secret is typeset");
        assertEquals(List.of(new RecorderCheck.Access(RecorderCheck.Access.Kind.INPUT, link)),
                new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));
    }

    @Test
    void aDocumentThatOverwritesItsRecorderFileIsCaught() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        String overwrite = "\\documentclass{article}\\begin{document}x\n\\immediate\\openout5=main.fls "
                + "\\immediate\\write5{PWD " + project.workDir + "}\\immediate\\write5{INPUT main.tex}"
                + "\\immediate\\closeout5\n\\end{document}\n";
        project.run("pdflatex", List.of(), overwrite);
        assertThrows(RecorderCheck.TamperedException.class,
                () -> new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));

        ProcessOutcome lua = project.lualatex(overwrite);
        assertTrue(lua.output().stream().anyMatch(line -> line.contains("I can't write on file `main.fls'")),
                "the Lua sandbox keeps \\openout away from the recorder file: " + lua.output());
        assertEquals(List.of(), new RecorderCheck(project.roots()).outside(project.workDir.resolve("main.fls")));
    }

    @Test
    void luaLatexMayNotWriteDotFilesLikeOpenoutAnyForbids() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        project.lualatex("\\documentclass{article}\\begin{document}x\n\\immediate\\openout5=.latexmkrc "
                + "\\immediate\\write5{pwned}\\immediate\\closeout5\n\\end{document}\n");
        assertFalse(Files.exists(project.workDir.resolve(".latexmkrc")));
    }
}
