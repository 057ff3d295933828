package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildResult;
import dev.texreport.core.Engine;
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

    /** The errors of a build whose final has a picture (starting at line 4) with {@code line} at its line 6. */
    private String errorsOfAPictureWith(String line) throws Exception {
        project.file("src/report/final/02-more.tex", "\\section{More}\nText.\n\n\\begin{tikzpicture}\n"
                + "\\draw (0,0) -- (1,1);\n" + line + "\n\\end{tikzpicture}\n");
        MilestoneResult fin = build().milestones().get(0);
        assertFalse(fin.passed());
        return String.join("\n", fin.errors());
    }

    /** The final built again from scratch with plain passes (no format) gives {@code fromFormat}'s bytes. */
    private void assertPlainPassesGiveTheSameBytes(byte[] fromFormat) throws Exception {
        deleteTree(dir.resolve("target"));
        project.log.clear();
        BuildResult plain = project.build(project.request().milestones(List.of("final")).formatCache(false).build());
        assertTrue(plain.passed(), project.log.toString());
        assertTrue(project.log.stream().filter(l -> l.contains("pdflatex pass"))
                .noneMatch(l -> l.contains("from the preamble format")), project.log.toString());
        assertArrayEquals(fromFormat, Files.readAllBytes(dir.resolve("target/report/final.pdf")));
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

    /**
     * A preamble that calls {@code \tikzexternalize} is dumped into the cached format all the same (the call is made
     * after it, where each job knows whether it is the document or a picture): every pass and every picture's job
     * starts from the format, and the PDF is the one plain passes make, byte for byte.
     */
    @Test
    void aPreambleThatCallsTikzexternalizeStartsFromTheFormat() throws Exception {
        BuildResult result = build();
        assertTrue(result.passed(), project.log + "\n" + project.debug);
        List<String> passes = project.log.stream().filter(l -> l.contains("pdflatex pass")).toList();
        assertFalse(passes.isEmpty(), project.log.toString());
        assertTrue(passes.stream().allMatch(l -> l.endsWith("from the preamble format")), passes + "\n"
                + project.debug.stream().filter(l -> l.contains("format")).toList());
        assertEquals(3, pictureJobs().size(), project.log.toString());
        String jobLog = Files.readAllLines(dir.resolve("target/report/final/figures/main-figure0.log"),
                java.nio.charset.StandardCharsets.ISO_8859_1).get(0);
        assertTrue(jobLog.contains("(preloaded format=texreport-format"), "a picture's job starts from the format "
                + "too: " + jobLog);
        assertPlainPassesGiveTheSameBytes(Files.readAllBytes(dir.resolve("target/report/final.pdf")));
    }

    /**
     * A preamble that switches externalizing off again after {@code \tikzexternalize} keeps it off with the format:
     * the calls are made after the dump in the order the preamble wrote them.
     */
    @Test
    void tikzexternaldisableInThePreambleStillHoldsWithTheFormat() throws Exception {
        project.file("src/report/final/preamble.tex", PREAMBLE + "\\tikzexternaldisable\n");
        BuildResult result = build();
        assertTrue(result.passed(), project.log.toString());
        assertTrue(project.log.stream().filter(l -> l.contains("pdflatex pass"))
                .allMatch(l -> l.endsWith("from the preamble format")), project.log.toString());
        assertEquals(List.of(), pictureJobs(), "the pictures stay inline, as in a plain run: " + project.log);
        assertPlainPassesGiveTheSameBytes(Files.readAllBytes(dir.resolve("target/report/final.pdf")));
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

    /**
     * A picture without a PDF yet leaves an empty box in the first pass and is typeset by its own job: a broken one
     * fails that job, and the message names the file, a line inside the picture and the undefined command.
     */
    @Test
    void aBrokenPictureNamesItsFileLineAndCommand() throws Exception {
        String errors = errorsOfAPictureWith("\\nosuchmacro");
        assertTrue(errors.contains("src/report/final/02-more.tex:6: Undefined control sequence \\nosuchmacro"),
                errors);
    }

    /**
     * A picture that fails in its own job only (here through tikz's own test for that job): the message names the
     * line inside the picture, TeX's error, where the picture starts and its job.
     */
    @Test
    void aPictureWhoseJobFailsNamesTheLineAndWhereItStarts() throws Exception {
        String errors = errorsOfAPictureWith("\\tikzifexternalizing{\\nosuchmacro}{}");
        assertTrue(errors.contains("src/report/final/02-more.tex:6: Undefined control sequence \\nosuchmacro (in the "
                + "picture starting at line 4, made by tikz's external job figures/main-figure2)"), errors);
    }

    /** LuaLaTeX (its Lua sandbox, one script per picture job) and XeLaTeX (each picture's XDV checked, then a PDF). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = Engine.class, names = {"LUALATEX", "XELATEX"})
    void worksWithTheOtherEngines(Engine engine) throws Exception {
        project.log.clear();
        BuildResult result = project.build(project.request().milestones(List.of("final")).engine(engine).build());
        assertTrue(result.passed(), result.milestones().get(0).problems() + "\n" + project.log);
        assertEquals(3, pictureJobs().size(), project.log.toString());
        String text = text();
        assertTrue(text.contains("Gamma") && !text.contains("Image Discarded"), text);
    }

    @Test
    void twoColdBuildsGiveTheSameBytes() throws Exception {
        assertTrue(build().passed(), project.log.toString());
        byte[] first = Files.readAllBytes(dir.resolve("target/report/final.pdf"));
        deleteTree(dir.resolve("target"));
        assertTrue(build().passed(), project.log.toString());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("target/report/final.pdf")));
    }

    /**
     * The demo's results figures (lineplot calls) are made as pictures of their own by default; with tikz's external
     * library loaded but not switched on (a team preamble that only loads the library) they are typeset
     * inline. Both PDFs must look the same, hold the same text and count the same pages, with Type 1 fonts only.
     */
    @Test
    void theDemosFiguresLookTheSameAsInline() throws Exception {
        // Failsafe runs in target/ (the reduced POM's folder): the checkout is the nearest folder above with the demo.
        Path checkout = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(checkout.resolve("examples/demo/src"))) {
            checkout = checkout.getParent();
        }
        Path demo = checkout.resolve("examples/demo/src");
        TeamProject external = copy(demo, dir.resolve("external"));
        TeamProject inline = copy(demo, dir.resolve("inline"));
        Files.writeString(inline.root().resolve("src/report/preamble.tex"), "\n\\usetikzlibrary{external}\n",
                java.nio.file.StandardOpenOption.APPEND);
        BuildResult a = external.build(external.request().milestones(List.of("final")).build());
        BuildResult b = inline.build(inline.request().milestones(List.of("final")).build());
        assertTrue(a.passed() && b.passed(), a.milestones() + "\n" + b.milestones());
        List<String> pictures = external.log.stream().filter(l -> l.contains("] picture texreport-figures/")).toList();
        assertEquals(3, pictures.size(), external.log.toString());
        assertTrue(inline.log.stream().noneMatch(l -> l.contains("] picture ")), inline.log.toString());
        assertEquals(b.milestones().get(0).contentPages(), a.milestones().get(0).contentPages(), 1e-9);

        Path pdfA = external.root().resolve("target/report/final.pdf");
        Path pdfB = inline.root().resolve("target/report/final.pdf");
        // The same words; a picture's text may come out at another place in the reading order.
        List<String> textA = List.of(run("pdftotext", pdfA.toString(), "-").strip().split("\\s+")).stream()
                .sorted().toList();
        List<String> textB = List.of(run("pdftotext", pdfB.toString(), "-").strip().split("\\s+")).stream()
                .sorted().toList();
        assertEquals(textB, textA, "the text of the figures stays selectable, and the same");
        assertTrue(textA.contains("Epoch"), "the axis label of a results figure: " + textA);
        for (String font : run("pdffonts", pdfA.toString()).lines().skip(2).toList()) {
            assertTrue(font.contains("Type 1") && font.contains(" yes yes "), "embedded Type 1 subsets: " + font);
        }
        Path pixels = Files.createDirectories(dir.resolve("pixels"));
        run("pdftoppm", "-r", "100", "-gray", pdfA.toString(), pixels.resolve("a").toString());
        run("pdftoppm", "-r", "100", "-gray", pdfB.toString(), pixels.resolve("b").toString());
        List<Path> pages;
        try (var files = Files.list(pixels)) {
            pages = files.filter(f -> f.getFileName().toString().startsWith("a-")).sorted().toList();
        }
        assertEquals(a.milestones().get(0).pdfPages(), pages.size());
        for (Path page : pages) {
            byte[] x = Files.readAllBytes(page);
            byte[] y = Files.readAllBytes(pixels.resolve("b" + page.getFileName().toString().substring(1)));
            assertEquals(x.length, y.length, "same page size: " + page.getFileName());
            int differing = 0;
            for (int i = 0; i < x.length; i++) {
                if (Math.abs((x[i] & 0xff) - (y[i] & 0xff)) > 32) {
                    differing++;
                }
            }
            // Anti-aliasing may differ by a shade where a picture's edge falls between pixels; nothing more.
            assertTrue(differing <= x.length / 10_000, page.getFileName() + ": " + differing + " pixels differ");
        }
    }

    private static TeamProject copy(Path demoSrc, Path root) throws Exception {
        try (var walk = Files.walk(demoSrc)) {
            for (Path from : walk.toList()) {
                Path to = root.resolve("src").resolve(demoSrc.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return new TeamProject(root);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static void deleteTree(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
