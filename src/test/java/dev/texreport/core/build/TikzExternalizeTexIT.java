package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper that uses {@code \tikzexternalize[prefix=figures/]} builds unchanged with shell escape off: the plugin
 * runs the picture jobs tikz would start through the shell, caches them, and makes again only what changed.
 */
class TikzExternalizeTexIT {
    @TempDir
    Path dir;
    TeamProject project;

    static final String PREAMBLE = "\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n"
            + "\\usetikzlibrary{external}\n\\tikzexternalize[prefix=figures/]\n";

    static String picture(String label, double slope) {
        return "\\begin{figure}[h]\n\\centering\n\\begin{tikzpicture}\n\\begin{axis}[width=5cm,height=4cm,"
                + "title={" + label + "}]\n\\addplot coordinates {(0,0) (1," + slope + ") (2," + (2 * slope)
                + ")};\n\\end{axis}\n\\end{tikzpicture}\n\\caption{" + label + " curve}\n\\end{figure}\n";
    }

    @BeforeEach
    void paper() throws Exception {
        project = new TeamProject(dir)
                .file("src/report/final/preamble.tex", PREAMBLE)
                .file("src/report/final/01-intro.tex", "\\section{Intro}\nSee Figure~\\ref{f:b}.\n"
                        + picture("Alpha", 1) + picture("Beta", 2))
                .file("src/report/final/02-more.tex", "\\section{More}\nText.\n\n" + picture("Gamma", 3)
                        .replace("\\caption{Gamma curve}", "\\caption{Gamma curve}\\label{f:b}"));
    }

    private BuildResult build() throws Exception {
        project.log.clear();
        return project.build(project.request().milestones(List.of("final")).build());
    }

    /** The picture jobs of the last build, by the log line each prints. */
    private List<String> pictureJobs() {
        return project.log.stream().filter(l -> l.contains("] picture figures/")).toList();
    }

    private String text() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(dir.resolve("target/report/final.pdf").toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void buildsWithoutShellEscapeAndMakesEachPictureOnce() throws Exception {
        BuildResult result = build();
        MilestoneResult fin = result.milestones().get(0);
        assertTrue(fin.passed(), fin.problems() + "\n" + project.log);
        assertEquals(3, pictureJobs().size(), project.log.toString());
        Path work = dir.resolve("target/report/final");
        for (int i = 0; i < 3; i++) {
            assertTrue(Files.isRegularFile(work.resolve("figures/main-figure" + i + ".pdf")), "picture " + i);
        }
        assertFalse(Files.exists(dir.resolve("src/report/final/figures")), "nothing is written into the sources");
        assertFalse(Files.exists(dir.resolve("src/report/figures")));
        String text = text();
        assertTrue(text.contains("Alpha") && text.contains("Beta") && text.contains("Gamma"), text);
        assertFalse(text.contains("Image Discarded"), text);
        assertTrue(text.contains("Figure 3"), "the reference to the third figure resolved: " + text);
        assertTrue(project.log.stream().noneMatch(l -> l.contains("shell escape")), project.log.toString());
    }

    @Test
    void editingOnePictureMakesThatPictureAloneAndATextEditMakesNone() throws Exception {
        assertTrue(build().passed(), project.log.toString());
        project.file("src/report/final/01-intro.tex", "\\section{Intro}\nSee Figure~\\ref{f:b}.\n"
                + picture("Alpha", 1) + picture("Beta", 5));
        BuildResult edited = build();
        assertTrue(edited.passed(), project.log.toString());
        assertEquals(List.of("figures/main-figure1"), pictureJobs().stream()
                .map(l -> l.replaceAll(".*\\] picture (\\S+).*", "$1")).toList(), project.log.toString());

        project.file("src/report/final/02-more.tex", "\\section{More}\nMore text than before.\n\n"
                + picture("Gamma", 3).replace("\\caption{Gamma curve}", "\\caption{Gamma curve}\\label{f:b}"));
        BuildResult text = build();
        assertTrue(text.passed(), project.log.toString());
        assertEquals(List.of(), pictureJobs(), project.log.toString());
        assertEquals(1, text.milestones().get(0).enginePasses(), "the last build's pictures were put in place "
                + "before the first pass: " + project.log);
        assertTrue(text().contains("More text than before"));
    }

    @Test
    void aBrokenPictureNamesItsFileAndLine() throws Exception {
        project.file("src/report/final/02-more.tex", "\\section{More}\nText.\n\n\\begin{tikzpicture}\n"
                + "\\draw (0,0) -- (1,1);\n\\nosuchmacro\n\\end{tikzpicture}\n");
        BuildResult result = build();
        MilestoneResult fin = result.milestones().get(0);
        assertFalse(fin.passed());
        String errors = String.join("\n", fin.errors());
        assertTrue(errors.contains("src/report/final/02-more.tex:4"), errors);
        assertTrue(errors.contains("could not be made") && errors.contains("nosuchmacro"), errors);
    }

    @Test
    void twoColdBuildsGiveTheSameBytes() throws Exception {
        assertTrue(build().passed(), project.log.toString());
        byte[] first = Files.readAllBytes(dir.resolve("target/report/final.pdf"));
        deleteTree(dir.resolve("target"));
        assertTrue(build().passed(), project.log.toString());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("target/report/final.pdf")));
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
