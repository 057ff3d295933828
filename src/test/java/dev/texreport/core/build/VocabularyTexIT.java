package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The results vocabulary inside real builds: data in, LaTeX out, and nothing typed by hand. */
class VocabularyTexIT {
    @TempDir
    Path dir;

    private static String runs(String vitSeed1) {
        return "{\"metrics\": {\"top1\": {\"name\": \"Top-1\", \"direction\": \"higher\", \"percent\": true,"
                + " \"decimals\": 1}}, \"runs\": ["
                + "{\"method\": \"ResNet\", \"seed\": 0, \"top1\": 0.80}, {\"method\": \"ResNet\", \"seed\": 1, \"top1\": 0.82},"
                + "{\"method\": \"ViT\", \"seed\": 0, \"top1\": 0.84}, {\"method\": \"ViT\", \"seed\": 1, \"top1\": "
                + vitSeed1 + "}]}";
    }

    @Test
    void changingOneValueInTheJsonChangesTheTableTheInlineNumberAndThePlot() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/main.json", runs("0.86"))
                .file("src/report/final/01.tex.ftl", String.join("\n",
                        "\\section{Results}",
                        "ViT reaches <@stat runs=results.main where={\"method\": \"ViT\"} metric=\"top1\"/>\\,\\%.",
                        "<@table runs=results.main rows=\"method\" metrics=[\"top1\"] caption=\"Main.\"/>",
                        "<@barchart runs=results.main x=\"method\" y=\"top1\" percent=true caption=\"Bars.\"/>", ""));
        MilestoneResult first = project.build().milestones().get(0);
        assertTrue(first.passed(), first.errors().toString());
        Path section = dir.resolve("target/report/final/sections/01.tex");
        String before = Files.readString(section);
        assertTrue(before.contains("ViT reaches 85.0\\,\\textpm\\,1.4\\,\\%."), before);
        assertTrue(before.contains("ViT & \\textbf{85.0} & \\textbf{\\textpm\\,1.4}"), before);
        assertTrue(before.contains("catB 85 1.4142136"), before);

        project.file("src/report/results/main.json", runs("0.74"));
        MilestoneResult second = project.build().milestones().get(0);
        assertTrue(second.passed(), second.errors().toString());
        String after = Files.readString(section);
        assertTrue(after.contains("ViT reaches 79.0\\,\\textpm\\,7.1\\,\\%."), after);
        assertTrue(after.contains("ViT & \\underline{79.0} & \\underline{\\textpm\\,7.1}"), after);
        assertTrue(after.contains("ResNet & \\textbf{81.0}"), "the best cell moved to ResNet: " + after);
        assertTrue(after.contains("catB 79 7.0710678"), after);
        assertNotEquals(before, after);
    }

    @Test
    void aFolderOfRunFilesIsOneListOfRunsAndUnusedFilesAreReported() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/vit/seed0.json", "{\"seed\": 0, \"top1\": 0.81}")
                .file("src/report/results/vit/seed1.json", "{\"seed\": 1, \"top1\": 0.83}")
                .file("src/report/results/old.json", "{\"top1\": 0.5}")
                .file("src/report/results/lightning.csv", "epoch,val_acc\n0,0.4\n1,0.5\n")
                .file("src/report/final/01.tex.ftl", String.join("\n",
                        "\\section{Runs}",
                        "<#list results.vit as run>Seed ${run.seed}: ${run.top1}. </#list>",
                        "Mean <@stat runs=results.vit metric=\"top1\" decimals=3/>.",
                        "Last epoch ${results.lightning[1].val_acc}.", ""));
        BuildResult build = project.build();
        MilestoneResult result = build.milestones().get(0);
        assertTrue(result.passed(), result.errors().toString());
        String tex = Files.readString(dir.resolve("target/report/final/sections/01.tex"));
        assertTrue(tex.contains("Seed 0: 0.81. Seed 1: 0.83."), tex);
        assertTrue(tex.contains("Mean 0.820\\,\\textpm\\,0.014."), tex);
        assertTrue(tex.contains("Last epoch 0.5."), tex);
        assertEquals(List.of("src/report/results/old.json: no milestone uses this results file; use it, or move it"
                + " out of results/"), build.warnings());
        assertEquals(3, result.resultsUsed().size());
        String summary = Files.readString(build.summaryJson());
        assertTrue(summary.contains("\"file\" : \"src/report/results/vit/seed0.json\""), summary);
        assertTrue(summary.contains("\"sha256\" : \""), summary);
    }

    @Test
    void aWrongArgumentNamesTheCallTheTemplateLineAndWhatTheRunsHave() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/main.json", runs("0.86"))
                .file("src/report/final/01.tex.ftl", "\\section{A}\nText.\n<@table runs=results.main rows=\"method\""
                        + " metrics=[\"top_1\"]/>\n");
        MilestoneResult result = project.build().milestones().get(0);
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().get(0).startsWith("src/report/final/01.tex.ftl:3:1: <@table>: no run has the metric"
                + " 'top_1'; the runs have: method, seed, top1"), result.errors().get(0));
    }
}
