package dev.texreport.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.tex.CommonsExecProcessRunner;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** biber reads any file a .bcf names; the check refuses those before biber runs. */
class BcfCheckTexIT {
    @TempDir
    Path base;

    private static String document(String resource) {
        return "\\documentclass{article}\\usepackage[backend=biber]{biblatex}\\addbibresource{" + resource + "}"
                + "\\begin{document}\\nocite{*}\\printbibliography\\end{document}\n";
    }

    private ProcessOutcome biber(SandboxedProject project) throws Exception {
        return new CommonsExecProcessRunner().run(new ProcessSpec(new EngineLocator(null, System.getenv("PATH"))
                .locate("biber"), List.of("main"), project.workDir, project.environment(), Duration.ofSeconds(120)));
    }

    @Test
    void aBibliographyFromTheProjectPasses() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Files.writeString(project.sources.resolve("references.bib"),
                "@misc{a, title={Inside}, author={Ann Author}, year=2020}\n");
        project.run("pdflatex", List.of(), document("references.bib"));
        assertEquals(List.of(), new BcfCheck(project.roots()).problems(project.workDir.resolve("main.bcf")));
        assertEquals(0, biber(project).exitCode());
    }

    @Test
    void aBibFileOutsideIsRefusedAndBiberWouldOtherwiseTypesetIt() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Path bib = Files.writeString(project.outside.resolve("secret.bib"),
                "@misc{s, title={" + SandboxedProject.SECRET + "}, author={Ann Author}, year=2020}\n");
        project.run("pdflatex", List.of(), document(bib.toString()));
        List<String> problems = new BcfCheck(project.roots()).problems(project.workDir.resolve("main.bcf"));
        assertEquals(List.of("the bibliography data source " + bib + ": outside the project"), problems);
        biber(project);
        project.run("pdflatex", List.of(), document(bib.toString()));
        assertTrue(project.pdfContainsSecret(), "control: biber ignores openin_any and the entry is typeset");
    }

    @Test
    void remoteSourcesDotsAndForeignOptionsAreRefused() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        project.run("pdflatex", List.of(), "\\documentclass{article}\\usepackage[backend=biber]{biblatex}"
                + "\\addbibresource[location=remote]{https://example.org/refs.bib}"
                + "\\addbibresource{../../../../outside/secret.bib}\\begin{document}x\\end{document}\n");
        List<String> problems = new BcfCheck(project.roots()).problems(project.workDir.resolve("main.bcf"));
        assertEquals(List.of("the bibliography data source https://example.org/refs.bib: biber would fetch it from "
                + "the network", "the bibliography data source ../../../../outside/secret.bib: a name with '..' "
                + "leaves its folder"), problems);
    }

    @Test
    void aBcfWrittenByTheDocumentCannotMakeTheCheckReadFiles() throws Exception {
        SandboxedProject project = new SandboxedProject(base);
        Path bcf = Files.writeString(project.workDir.resolve("main.bcf"), "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE x [<!ENTITY s SYSTEM \"file://" + project.outside.resolve("secret.txt") + "\">]>\n"
                + "<bcf:controlfile xmlns:bcf=\"https://sourceforge.net/projects/biblatex\">"
                + "<bcf:options component=\"biber\" type=\"global\"><bcf:option><bcf:key>output_file</bcf:key>"
                + "<bcf:value>&s;</bcf:value></bcf:option></bcf:options></bcf:controlfile>\n");
        List<String> problems = new BcfCheck(project.roots()).problems(bcf);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("main.bcf is not the XML biblatex writes"), problems.get(0));
        assertTrue(!problems.get(0).contains(SandboxedProject.SECRET));
    }
}
