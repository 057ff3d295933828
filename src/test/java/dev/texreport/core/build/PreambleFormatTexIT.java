package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.Engine;
import dev.texreport.core.MilestoneResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cached preamble format (report.formatCache) with the real engines: one dump shared by the three milestones,
 * every pass started from it, the same PDF bytes as without it, a new format when the preamble or the engine
 * changes, and plain passes when a preamble cannot be kept in a format.
 */
class PreambleFormatTexIT {
    private static final long DATE = 1_760_000_000L;

    @TempDir
    Path dir;
    @TempDir
    Path plainDir;

    private static TeamProject project(Path root, String preamble) throws IOException {
        return new TeamProject(root)
                .file("src/report/preamble.tex", preamble)
                .file("src/report/proposal/01-plan.tex", "\\section{Plan}\nWe follow \\citet{a}.\n"
                        + TeamProject.paragraphs(3))
                .file("src/report/midterm/01-progress.tex", "\\section{Progress}\\label{s:p}\nSee "
                        + "Section~\\ref{s:p} and \\citep{a}.\n" + TeamProject.paragraphs(6))
                .file("src/report/final/01-results.tex", "\\section{Results}\nAs \\citet{a} found, "
                        + "\\emph{\\mynote}.\n\\begin{figure}[t]\\centering\\begin{tikzpicture}\\begin{axis}"
                        + "[width=5cm]\\addplot coordinates {(0,1) (1,2) (2,1.5)};\\end{axis}\\end{tikzpicture}"
                        + "\\caption{A plot.}\\end{figure}\n" + TeamProject.paragraphs(12))
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n");
    }

    private static BuildResult build(TeamProject project, Engine engine, boolean formatCache, List<String> milestones)
            throws Exception {
        BuildResult result = project.build(project.request().engine(engine).formatCache(formatCache)
                .sourceDateEpoch(DATE).milestones(milestones).build());
        for (MilestoneResult milestone : result.milestones()) {
            assertTrue(milestone.passed(), () -> milestone.id() + ": " + String.join("\n", milestone.errors()));
        }
        return result;
    }

    private List<String> dumps(TeamProject project) {
        return project.debug.stream().filter(l -> l.contains("dumped the preamble into the format")).toList();
    }

    private List<String> passes(TeamProject project) {
        return project.log.stream().filter(l -> l.matches("INFO \\[\\w+] \\w+ pass \\d+ .*")).toList();
    }

    private List<Path> formats(Path root) throws IOException {
        Path folder = root.resolve("target/report/.texreport/formats");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".fmt")).sorted().toList();
        }
    }

    private static void assertSamePdfs(BuildResult expected, BuildResult actual) throws IOException {
        assertEquals(expected.milestones().size(), actual.milestones().size());
        for (int i = 0; i < expected.milestones().size(); i++) {
            MilestoneResult e = expected.milestones().get(i);
            MilestoneResult a = actual.milestones().get(i);
            assertEquals(e.pdfPages(), a.pdfPages(), e.id());
            assertArrayEquals(Files.readAllBytes(e.pdf()), Files.readAllBytes(a.pdf()),
                    e.id() + ": the PDF is not the same byte for byte with and without the format");
        }
    }

    @Test
    void threeMilestonesShareOneFormatAndGiveTheSamePdfsAsPlainPasses() throws Exception {
        String preamble = "\\newcommand{\\mynote}{noted}\n";
        TeamProject project = project(dir, preamble);
        BuildResult cached = build(project, Engine.PDFLATEX, true, List.of());
        assertEquals(1, dumps(project).size(), project.debug.toString());
        assertEquals(1, formats(dir).size());
        List<String> passes = passes(project);
        assertTrue(passes.size() >= 6, passes.toString());
        assertTrue(passes.stream().allMatch(l -> l.contains("preamble format")), passes.toString());

        TeamProject plain = project(plainDir, preamble);
        BuildResult uncached = build(plain, Engine.PDFLATEX, false, List.of());
        assertEquals(List.of(), formats(plainDir));
        assertTrue(passes(plain).stream().noneMatch(l -> l.contains("preamble format")));
        assertSamePdfs(uncached, cached);
    }

    @Test
    void anEditedPreambleMakesANewFormatAndTheEngineVersionIsPartOfTheKey() throws Exception {
        TeamProject project = project(dir, "\\newcommand{\\mynote}{noted}\n");
        build(project, Engine.PDFLATEX, true, List.of("final"));
        List<Path> first = formats(dir);
        assertEquals(1, first.size());

        project.file("src/report/preamble.tex", "\\usepackage{xspace}\n\\newcommand{\\mynote}{noted\\xspace}\n");
        project.debug.clear();
        project.log.clear();
        build(project, Engine.PDFLATEX, true, List.of("final"));
        assertEquals(1, dumps(project).size(), "a new format for the new preamble");
        List<Path> second = formats(dir);
        assertEquals(1, second.size(), "the old format is removed");
        assertNotEquals(first, second);
        assertTrue(passes(project).stream().allMatch(l -> l.contains("preamble format")));

        // Another engine version (as after a TeX Live update) never starts from the old format.
        Path version = dir.resolve("target/report/.texreport/engine-pdflatex.txt");
        List<String> lines = Files.readAllLines(version);
        Files.write(version, List.of(lines.get(0), lines.get(1) + " (updated)"));
        project.debug.clear();
        BuildResult updated = project.build(project.request().formatCache(true).sourceDateEpoch(DATE).force(true)
                .milestones(List.of("final")).build());
        assertTrue(updated.milestones().get(0).passed());
        assertEquals(1, dumps(project).size(), project.debug.toString());
        assertNotEquals(second, formats(dir));
    }

    @Test
    void aPreambleThatCannotBeKeptInAFormatFallsBackAndBuildsTheSamePdf() throws Exception {
        // A mark on the page from the preamble: a format cannot hold it, so passes load the preamble themselves.
        String preamble = "\\newcommand{\\mynote}{noted}\n\\markright{draft}\n";
        TeamProject project = project(dir, preamble);
        BuildResult cached = build(project, Engine.PDFLATEX, true, List.of("final"));
        assertEquals(List.of(), formats(dir));
        List<String> why = project.debug.stream().filter(l -> l.contains("no preamble format")).toList();
        assertEquals(1, why.size(), project.debug.toString());
        assertTrue(why.get(0).contains("the preamble leaves material on the page (\\mark"), why.get(0));
        assertTrue(passes(project).stream().noneMatch(l -> l.contains("preamble format")));

        TeamProject plain = project(plainDir, preamble);
        assertSamePdfs(build(plain, Engine.PDFLATEX, false, List.of("final")), cached);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"LUALATEX", "XELATEX"})
    void theOtherEnginesUseAFormatOrFallBackWithTheSamePdf(Engine engine) throws Exception {
        String preamble = "\\newcommand{\\mynote}{noted}\n";
        TeamProject project = project(dir, preamble);
        BuildResult cached = build(project, engine, true, List.of("midterm", "final"));
        boolean used = passes(project).stream().allMatch(l -> l.contains("preamble format"));
        boolean refused = project.debug.stream().anyMatch(l -> l.contains("no preamble format"));
        assertTrue(used != refused, engine + ": either every pass starts from the format or it says why not: "
                + project.debug.stream().filter(l -> l.contains("format")).toList());
        TeamProject plain = project(plainDir, preamble);
        assertSamePdfs(build(plain, engine, false, List.of("midterm", "final")), cached);
    }
}
