package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Author;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Mode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neurips-official pack with a stand-in for the official style (it/import-paper/paper/neurips_2099.sty, written
 * here; the real one is never in this repository): the mode becomes the style's option, the style's own notice,
 * author block, line numbers and acknowledgements replace the plugin's, the checklist follows the references, and
 * the content pages end where the typeset body ends.
 */
class NeuripsOfficialPackTexIT {
    private static final Path STAND_IN = checkout().resolve("it/import-paper/paper/neurips_2099.sty");

    /** The checkout: failsafe may run in target/ (the reduced POM's folder), so the nearest folder above with it/. */
    private static Path checkout() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("it/import-paper"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("") : dir;
    }

    @TempDir
    Path dir;

    private TeamProject project() throws Exception {
        return new TeamProject(dir)
                .file("src/report/neurips_2099.sty", Files.readString(STAND_IN, StandardCharsets.UTF_8))
                .file("src/report/references.bib", "@misc{a, author={Ann Author}, title={First}, year={2020}}\n")
                .file("src/report/final/01-introduction.tex", "\\section{Introduction}\n"
                        + TeamProject.paragraphs(9) + "Cited \\citep{a}.\n")
                .file("src/report/final/02-conclusion.tex", "\\section{Conclusion}\nIt works.\n")
                .file("src/report/final/abstract.tex", "A short abstract.\n")
                .file("src/report/final/acknowledgements.tex", "We thank the staff.\n")
                .file("src/report/final/checklist.tex", "\\section*{Paper checklist}\nAnswers.\n")
                .file("src/report/final/appendix/a.tex", "\\section{Proofs}\nProof.\n");
    }

    private BuildRequest request(TeamProject project, Mode mode) throws Exception {
        return project.request().template("neurips-official").mode(mode).milestones(List.of("final"))
                .authors(List.of(new Author("Zoë Brandt", "zoe@example.edu", "Example University", 1),
                        new Author("José Martínez", "", "Institute", 2),
                        new Author("Łukasz Nowak", "", "Example University", 2)))
                .build();
    }

    @Test
    void finalModeIsTheStylesCameraReady() throws Exception {
        TeamProject project = project();
        MilestoneResult result = project.build(request(project, Mode.FINAL)).milestones().get(0);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        String text = pdfText(result.pdf(), false);
        assertTrue(text.contains("Stand-in conference 2099, camera-ready."), "the style's own notice: " + text);
        assertFalse(text.contains("Deep Learning course project"), "no notice of the plugin's");
        assertTrue(text.contains("Acknowledgements and funding"), "the style's ack heading");
        assertFalse(lineNumbered(text), "line numbers only for a submission");
        int references = text.indexOf("References");
        int checklist = text.indexOf("Paper checklist");
        int appendix = text.indexOf("Proofs");
        assertTrue(references > 0 && references < checklist && checklist < appendix,
                "the checklist follows the references, the appendix follows the checklist: " + text);
        // Authors: Zoë alone on the first row (\AND), José and Łukasz side by side (\And) on the second.
        String layout = pdfText(result.pdf(), true);
        assertTrue(Pattern.compile("(?m)^\\s*Zoë Brandt\\s*$").matcher(layout).find(), layout);
        assertTrue(Pattern.compile("(?m)^\\s*José Mart\\S*nez\\s{2,}Łukasz Nowak\\s*$").matcher(layout).find(), layout);

        // Exact accounting: the content ends where the body ends, just above the acknowledgements' heading
        // (the stand-in's text block: 1 in from the top, 9 in high).
        double[] heading = wordPosition(result.pdf(), "Acknowledgements");
        double expected = heading[0] - 1 + (heading[1] - 72) / 648;
        assertTrue(result.contentPages() < expected && result.contentPages() > expected - 0.04,
                "content pages " + result.contentPages() + ", acknowledgements heading at " + expected);
        assertTrue(result.contentPages() > 1.0, "nine paragraphs run onto page 2: " + result.contentPages());
    }

    @Test
    void preprintAndAnonymousAreTheStylesOptions() throws Exception {
        TeamProject project = project();
        MilestoneResult preprint = project.build(request(project, Mode.PREPRINT)).milestones().get(0);
        assertTrue(preprint.passed(), () -> String.join("\n", preprint.errors()));
        String preprintText = pdfText(preprint.pdf(), false);
        assertTrue(preprintText.contains("Stand-in preprint, not reviewed."), preprintText);
        assertTrue(preprintText.contains("Zoë Brandt"));

        MilestoneResult anonymous = project.build(request(project, Mode.ANONYMOUS)).milestones().get(0);
        assertTrue(anonymous.passed(), () -> String.join("\n", anonymous.errors()));
        String text = pdfText(anonymous.pdf(), false);
        assertTrue(text.contains("Stand-in submission for tests. Do not distribute."), text);
        assertTrue(text.contains("Anonymous Author(s)"));
        assertFalse(text.contains("Zoë") || text.contains("Nowak"), "no name in a submission: " + text);
        assertFalse(text.contains("We thank the staff"), "a submission has no acknowledgements");
        assertTrue(lineNumbered(text), "the style numbers a submission's lines: " + text);
        assertEquals(1, count(text, "Stand-in submission"), "one notice, the style's");
    }

    @Test
    void withoutTheStyleFileTheBuildSaysWhereItLookedAndWhatToDo() throws Exception {
        TeamProject project = project();
        Files.delete(dir.resolve("src/report/neurips_2099.sty"));
        MilestoneResult result = project.build(request(project, Mode.FINAL)).milestones().get(0);
        assertFalse(result.passed());
        String message = String.join("\n", result.errors());
        assertTrue(message.contains("Template pack 'neurips-official' typesets with the official style"
                + " neurips_*.sty, which the plugin does not ship"), message);
        assertTrue(message.contains("not in src/report/, not in src/report/final/"), message);
        assertTrue(message.contains("put the .sty (e.g. neurips_2024.sty) into src/report/"), message);
    }

    @Test
    void aStaffPackMaySupplyTheStyle() throws Exception {
        TeamProject project = project();
        Files.move(dir.resolve("src/report/neurips_2099.sty"), Files.createDirectories(dir.resolve("course"))
                .resolve("neurips_2099.sty"));
        project.file("course/course.json", "{\"name\": \"Staff course\", \"extends\": \"neurips-official\","
                + " \"files\": [\"neurips_2099.sty\"]}");
        MilestoneResult result = project.build(project.request().template("course").mode(Mode.FINAL)
                .milestones(List.of("final")).build()).milestones().get(0);
        assertTrue(result.passed(), () -> String.join("\n", result.errors()));
        assertTrue(pdfText(result.pdf(), false).contains("Stand-in conference 2099, camera-ready."));
    }

    private static boolean lineNumbered(String text) {
        Matcher numbers = Pattern.compile("(?m)^\\s*\\d{1,3}\\s*$").matcher(text);
        int count = 0;
        while (numbers.find()) {
            count++;
        }
        return count > 20;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static String pdfText(Path pdf, boolean layout) throws Exception {
        List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
        if (layout) {
            command.add("-layout");
        }
        command.addAll(List.of(pdf.toString(), "-"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), text);
        // pdftotext writes some accented letters as a letter and a combining accent.
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    }

    /** The page and the top (in points from the paper's top edge) of the first occurrence of a word. */
    private static double[] wordPosition(Path pdf, String word) throws Exception {
        Process process = new ProcessBuilder("pdftotext", "-bbox", pdf.toString(), "-").start();
        String html = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        int page = 0;
        for (String line : html.split("\n")) {
            if (line.contains("<page ")) {
                page++;
            }
            Matcher m = Pattern.compile("yMin=\"([\\d.]+)\".*>" + Pattern.quote(word) + "<").matcher(line);
            if (m.find()) {
                return new double[] {page, Double.parseDouble(m.group(1))};
            }
        }
        throw new AssertionError(word + " is not in " + pdf);
    }
}
