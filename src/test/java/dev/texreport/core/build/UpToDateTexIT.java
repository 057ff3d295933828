package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Skipping unchanged milestones, and starting changed ones from the last good build's .aux. */
class UpToDateTexIT {
    @TempDir
    Path dir;
    TeamProject project;

    @BeforeEach
    void twoMilestones() throws Exception {
        project = new TeamProject(dir)
                .file("src/report/results/final.json", "{\"top1\": 0.81}")
                .file("src/report/results/midterm.json", "{\"top1\": 0.70}")
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n")
                .file("src/report/midterm/01.tex.ftl", "\\section{Mid}\\label{s}See \\ref{s}, \\citep{a}; "
                        + "${results.midterm.top1}.\n")
                .file("src/report/final/01.tex.ftl", "\\section{Final}\\label{s}See \\ref{s}, \\citep{a}; "
                        + "${results.final.top1}.\n");
        BuildResult first = project.build();
        assertTrue(first.passed(), first.milestones().toString());
        project.processes.clear();
        project.log.clear();
    }

    /** The TeX programs started (git, asked for dates and commits, does not count). */
    private List<String> tex() {
        return project.processes.stream().filter(p -> !p.startsWith("git")).toList();
    }

    private static Map<String, MilestoneResult> byId(BuildResult result) {
        return result.milestones().stream().collect(Collectors.toMap(MilestoneResult::id, Function.identity()));
    }

    @Test
    void aSecondBuildWithoutChangesStartsNoTexAndReportsTheSameFigures() throws Exception {
        byte[] pdf = Files.readAllBytes(dir.resolve("target/report/final.pdf"));
        BuildResult again = project.build();
        assertEquals(List.of(), tex(), "no TeX process, not even for the engine's version (it is cached)");
        assertTrue(project.log.contains("INFO [final] up to date"), project.log.toString());
        MilestoneResult fin = byId(again).get("final");
        assertTrue(fin.upToDate());
        assertEquals(1, fin.pdfPages());
        assertTrue(fin.contentPages() > 0);
        assertTrue(java.util.Arrays.equals(pdf, Files.readAllBytes(fin.pdf())));
    }

    @Test
    void changingAResultsFileRebuildsOnlyTheMilestonesThatUseIt() throws Exception {
        project.file("src/report/results/final.json", "{\"top1\": 0.82}");
        Map<String, MilestoneResult> again = byId(project.build());
        assertTrue(again.get("midterm").upToDate());
        assertFalse(again.get("final").upToDate());
        assertTrue(Files.readString(dir.resolve("target/report/final/sections/01.tex")).contains("0.82"));
    }

    @Test
    void aSmallEditStartsFromThePreviousAuxAndSkipsBibtex() throws Exception {
        project.file("src/report/final/01.tex.ftl", "\\section{Final}\\label{s}See \\ref{s}, \\citep{a}; "
                + "${results.final.top1}. One more sentence.\n");
        Map<String, MilestoneResult> again = byId(project.build());
        MilestoneResult fin = again.get("final");
        assertEquals(1, fin.enginePasses(), project.log.toString());
        assertEquals(0, fin.bibRuns());
        assertEquals(List.of("pdflatex"), tex());
        assertTrue(project.log.contains("INFO [final] pdflatex pass 1 (first pass, from the previous build's .aux) "
                + project.log.stream().filter(l -> l.startsWith("INFO [final] pdflatex pass 1")).findFirst().orElseThrow()
                .replaceFirst(".*\\) ", "")), project.log.toString());
    }

    @Test
    void forceRebuildsEverythingFromScratch() throws Exception {
        Map<String, MilestoneResult> again = byId(project.build(project.request().force(true).build()));
        assertFalse(again.get("final").upToDate());
        assertEquals(3, again.get("final").enginePasses());
        assertEquals(1, again.get("final").bibRuns());
    }

    @Test
    void switchingToAnonymousModeRebuilds() throws Exception {
        Map<String, MilestoneResult> again = byId(project.build(project.request().mode(Mode.ANONYMOUS).build()));
        assertFalse(again.get("final").upToDate());
        assertTrue(again.get("final").passed(), again.get("final").errors().toString());
    }

    @Test
    void aChangedConfigurationRebuilds() throws Exception {
        Map<String, MilestoneResult> again = byId(project.build(project.request().title("Another Title").build()));
        assertFalse(again.get("final").upToDate());
        assertFalse(again.get("midterm").upToDate());
    }
}
