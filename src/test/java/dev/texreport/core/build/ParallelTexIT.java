package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Milestones compiled at once give the same PDFs, results and order as one after the other. */
class ParallelTexIT {
    @TempDir
    Path one;
    @TempDir
    Path two;

    private static TeamProject project(Path dir) throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/runs.json", "[{\"method\": \"B\", \"seed\": 0, \"acc\": 0.5},"
                        + " {\"method\": \"A\", \"seed\": 0, \"acc\": 0.6}]")
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n");
        for (String m : new String[] {"proposal", "midterm", "final"}) {
            project.file("src/report/" + m + "/01.tex.ftl", "\\section{" + m + "}\n<@barchart runs=results.runs"
                    + " x=\"method\" y=\"acc\" caption=\"Bars.\"/>\n" + TeamProject.paragraphs(8) + "Cited \\citep{a}.\n");
        }
        return project;
    }

    @Test
    void threeMilestonesOnTwoThreadsMatchASequentialBuild() throws Exception {
        TeamProject sequential = project(one);
        BuildResult a = sequential.build(sequential.request().threads(1).build());
        TeamProject parallel = project(two);
        BuildResult b = parallel.build(parallel.request().threads(2).build());
        assertTrue(a.passed() && b.passed(), a.milestones() + "\n" + b.milestones());
        assertEquals(a.milestones().stream().map(MilestoneResult::id).toList(),
                b.milestones().stream().map(MilestoneResult::id).toList());
        for (int i = 0; i < 3; i++) {
            assertEquals(a.milestones().get(i).contentPages(), b.milestones().get(i).contentPages());
            assertArrayEquals(Files.readAllBytes(a.milestones().get(i).pdf()), Files.readAllBytes(b.milestones().get(i).pdf()),
                    a.milestones().get(i).id() + " differs");
        }
    }

    @Test
    void aMilestoneRebuiltAloneIsTheSameBytesAsInAFullBuild() throws Exception {
        // The proposal shows only B, the final A then B: colours must not depend on which milestones were built.
        TeamProject full = figures(one);
        BuildResult all = full.build(full.request().threads(1).build());
        TeamProject alone = figures(two);
        BuildResult finalOnly = alone.build(alone.request().milestones(java.util.List.of("final")).build());
        assertTrue(all.passed() && finalOnly.passed(), all.milestones() + "\n" + finalOnly.milestones());
        assertArrayEquals(Files.readAllBytes(all.milestones().get(1).pdf()),
                Files.readAllBytes(finalOnly.milestones().get(0).pdf()), "final.pdf depends on the other milestones");
    }

    private static TeamProject figures(Path dir) throws Exception {
        return new TeamProject(dir)
                .file("src/report/results/runs.json", "[{\"method\": \"A\", \"seed\": 0, \"acc\": 0.6},"
                        + " {\"method\": \"B\", \"seed\": 0, \"acc\": 0.5}]")
                .file("src/report/proposal/01.tex.ftl", "\\section{Plan}\n<@barchart runs=results.runs"
                        + " where={\"method\": \"B\"} x=\"method\" y=\"acc\" caption=\"B only.\"/>\n")
                .file("src/report/final/01.tex.ftl", "\\section{Results}\n<@barchart runs=results.runs"
                        + " x=\"method\" y=\"acc\" caption=\"A and B.\"/>\n");
    }
}
