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

    private static final String CURVES = "method,seed,epoch,val_acc,lr\nResNet,0,1,0.50,0.1\nResNet,0,2,0.62,0.01\n"
            + "ResNet,1,1,0.52,0.1\nResNet,1,2,0.64,0.01\nViT,0,1,0.40,0.1\nViT,0,2,0.70,0.01\nViT,1,1,0.44,0.1\n"
            + "ViT,1,2,0.72,0.01\n";

    /** Issue 14: every new figure and table option compiles with the real TeX and lands in the PDF. */
    @Test
    void panelsLogAxesSmoothingASecondAxisIntervalsAndALongTableCompile() throws Exception {
        StringBuilder log = new StringBuilder("{\"log_history\": [");
        for (int step = 10; step <= 500; step += 10) {
            log.append(step == 10 ? "" : ", ").append("{\"loss\": ").append(2.0 / Math.sqrt(step) + (step % 30 == 0
                    ? 0.05 : 0)).append(", \"learning_rate\": ").append(step * 1e-6).append(", \"step\": ")
                    .append(step).append('}');
        }
        StringBuilder sweep = new StringBuilder("config,seed,acc\n");
        for (int c = 0; c < 60; c++) {
            sweep.append("c").append(c).append(",0,0.").append(50 + c % 40).append('\n');
        }
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/main.json", runs("0.86"))
                .file("src/report/results/curves.csv", CURVES)
                .file("src/report/results/sweep.csv", sweep.toString())
                .file("src/report/results/trainer_state.json", log + "]}")
                .file("src/report/final/01.tex.ftl", String.join("\n",
                        "\\section{Results}",
                        "See Figure~\\ref{fig:panels}, panel~\\ref{fig:acc}.",
                        "<@figure caption=\"Two panels.\" label=\"fig:panels\">",
                        "<@lineplot runs=results.curves x=\"epoch\" y=\"val_acc\" series=\"method\" percent=true"
                                + " caption=\"Accuracy.\" label=\"fig:acc\"/>",
                        "<@curve state=results.trainer_state smooth=0.6 ymode=\"log\" metrics2=[\"learning_rate\"]"
                                + " caption=\"Loss, smoothed.\"/>",
                        "</@figure>",
                        "<@table runs=results.main rows=\"method\" metrics=[\"top1\"] spread=\"ci95\" "
                                + "significance=\"ResNet\" caption=\"Intervals.\"/>",
                        "<@barchart runs=results.main x=\"method\" y=\"top1\" width=\"0.5\\\\linewidth\" "
                                + "caption=\"Bars.\"/>", "\\clearpage", ""))
                .file("src/report/final/appendix/A.tex.ftl", "\\section{All configurations}\n<@table "
                        + "runs=results.sweep rows=\"config\" metrics=[\"acc\"] long=true caption=\"Every run.\"/>\n");
        MilestoneResult result = project.build().milestones().get(0);
        assertTrue(result.passed(), result.errors().toString());
        String text = pdfText(dir.resolve("target/report/final.pdf"));
        assertTrue(text.contains("(a) Accuracy.") && text.contains("(b) Loss, smoothed."), text);
        assertTrue(text.contains("panel 1a"), "the panel's label gives 1a: " + text);
        assertTrue(text.contains("confidence interval (Student\u2019s t)") || text.contains("Student's t"), text);
        assertTrue(text.contains("continued from the previous page"), "the long table breaks across pages");
        assertTrue(result.warnings().stream().noneMatch(w -> w.contains("float-size")), result.warnings().toString());
    }

    /** Issue 14: a table wider than the text fails the build, naming the table and its template line. */
    @Test
    void aTableThatRunsIntoTheMarginFailsTheBuild() throws Exception {
        String wide = "x".repeat(30);
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/wide.json", "[{\"m\": \"" + wide + "\", \"a\": 1, \"b\": 2, \"c\": 3, "
                        + "\"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7, \"h\": 8, \"i\": 9, \"j\": 10, \"k\": 11}]")
                .file("src/report/final/01.tex.ftl", "\\section{A}\nText.\n<@table runs=results.wide rows=\"m\" "
                        + "label=\"tab:wide\" metrics=[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", "
                        + "\"i\", \"j\", \"k\"] rowTitle=\"A very long heading for the first column\"/>\n");
        MilestoneResult result = project.build().milestones().get(0);
        assertTrue(!result.passed());
        assertTrue(result.errors().stream().anyMatch(e -> e.startsWith("final.pdf: src/report/final/01.tex.ftl:3: "
                + "results table 'tab:wide' is ") && e.contains("it runs into the margin")), result.errors().toString());
    }

    /**
     * Issue 14: one colour per name across milestones, and still a final PDF that depends on its own inputs only:
     * built alone it has the same bytes as built with the midterm.
     */
    @Test
    void seriesKeepTheirColourAcrossMilestonesAndTheFinalBuiltAloneIsTheSame() throws Exception {
        TeamProject project = new TeamProject(dir)
                .file("src/report/results/curves.csv", CURVES)
                .file("src/report/midterm/01.tex.ftl", "\\section{Progress}\n<@lineplot runs=results.curves "
                        + "x=\"epoch\" y=\"val_acc\" series=\"method\" where={\"method\": \"ViT\"}/>\n")
                .file("src/report/final/01.tex.ftl", "\\section{Results}\n<@barchart runs=results.curves "
                        + "x=\"method\" y=\"val_acc\"/>\n<@lineplot runs=results.curves x=\"epoch\" y=\"val_acc\" "
                        + "series=\"method\"/>\n");
        BuildResult both = project.build(project.request().milestones(List.of("midterm", "final")).force(true)
                .build());
        assertTrue(both.milestones().stream().allMatch(MilestoneResult::passed), both.milestones().toString());
        String midterm = Files.readString(dir.resolve("target/report/midterm/sections/01.tex"));
        String fin = Files.readString(dir.resolve("target/report/final/sections/01.tex"));
        String vit = colour(midterm, "ViT");
        assertEquals(vit, colour(fin, "ViT"));
        assertTrue(fin.contains("fill=" + vit + ", draw=" + vit), "ViT's bar has ViT's colour: " + fin);
        byte[] withOthers = Files.readAllBytes(dir.resolve("target/report/final.pdf"));
        deleteTree(dir.resolve("target"));
        BuildResult alone = project.build(project.request().milestones(List.of("final")).force(true).build());
        assertTrue(alone.milestones().get(0).passed());
        assertTrue(java.util.Arrays.equals(withOthers, Files.readAllBytes(dir.resolve("target/report/final.pdf"))),
                "final.pdf built alone differs from final.pdf built with the midterm");
    }

    private static String colour(String tex, String legend) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("color=(texreport\\d), mark=[^\\]]*\\] "
                + "coordinates \\{[^}]*\\};\\n    \\\\addlegendentry\\{" + legend + "}").matcher(tex);
        assertTrue(m.find(), legend + " in " + tex);
        return m.group(1);
    }

    private static String pdfText(Path pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
