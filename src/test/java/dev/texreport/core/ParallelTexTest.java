package dev.texreport.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Milestones compiled at once give the same PDFs, results and order as one after the other. */
class ParallelTexTest {
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
}
