package dev.texreport.core.tex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.Engine;
import dev.texreport.core.Hashes;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code \tikzexternalize} without shell escape, against a fake engine that behaves like tikz's {@code mode=list and
 * make}: a pass lists the document's pictures (.figlist, one .md5 per picture, texreport-measure.sty's log lines) and
 * includes those whose PDF exists; a picture's job writes its PDF and a recorder file naming the data it read.
 */
class FigureJobsTest {
    @TempDir
    Path root;
    Path work;
    Path src;
    Path bin;

    /** The document's pictures: job name to code, in order; each reads {@code src/<name>.csv}. */
    final Map<String, String> pictures = new LinkedHashMap<>();
    /** Picture jobs run, by job name. */
    final List<String> pictureJobs = Collections.synchronizedList(new ArrayList<>());
    final List<ProcessSpec> pictureSpecs = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    int passes;
    /** A picture whose job fails. */
    String broken;
    /** When set, the first pass stops as TeX does when a picture's folder is missing. */
    boolean folderMissing;
    String preambleExtra = "";
    String text = "Some text.";

    @BeforeEach
    void project() throws IOException {
        work = Files.createDirectories(root.resolve("out/final"));
        src = Files.createDirectories(root.resolve("src"));
        bin = Files.createDirectories(root.resolve("bin"));
        for (String program : List.of("pdflatex", "kpsewhich")) {
            Path file = bin.resolve(program);
            Files.writeString(file, "#!/bin/sh\n");
            file.toFile().setExecutable(true);
        }
        pictures.put("figures/main-figure0", "\\draw (0,0) -- (1,1);");
        pictures.put("figures/main-figure1", "\\draw (0,0) circle (1);");
        pictures.put("figures/main-figure2", "\\fill (0,0) rectangle (1,1);");
        for (String name : pictures.keySet()) {
            Files.writeString(src.resolve(name.substring(name.indexOf('/') + 1) + ".csv"), "x,y\n0,1\n");
        }
    }

    /** A fresh working directory, as the renderer leaves it for every build. */
    private void render() throws IOException {
        if (Files.exists(work)) {
            try (var walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(work.resolve("sections"));
        Files.writeString(work.resolve("main.tex"), "\\documentclass{article}\n\\usepackage{texreport-measure}\n"
                + "\\input{preamble-common}\n\\begin{document}\n\\input{sections/01}\n\\end{document}\n");
        Files.writeString(work.resolve("preamble-common.tex"), "\\usetikzlibrary{external}\n"
                + "\\tikzexternalize[prefix=figures/]\n" + preambleExtra);
        Files.writeString(work.resolve("texreport-measure.sty"), "% stand-in\n");
        Files.writeString(work.resolve("sections/01.tex"), text + String.join("\n", pictures.values()));
        passes = 0;
    }

    private ProcessOutcome fakeTex(ProcessSpec spec) {
        String program = spec.executable().getFileName().toString();
        if (program.equals("kpsewhich")) {
            return new ProcessOutcome(0, false, List.of("/usr/share"), Duration.ofMillis(10));
        }
        try {
            String jobName = spec.arguments().stream().filter(a -> a.startsWith("-jobname="))
                    .map(a -> a.substring("-jobname=".length())).findFirst().orElse(null);
            return jobName == null ? pass() : picture(jobName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessOutcome pass() throws IOException {
        passes++;
        if (folderMissing && !Files.isDirectory(work.resolve("figures"))) {
            Files.writeString(work.resolve("main.log"), "! I can't write on file `figures/main-figure0.md5'.\n");
            Files.writeString(work.resolve("main.fls"), "PWD " + work + "\nOUTPUT main.log\n");
            return new ProcessOutcome(1, false, List.of(), Duration.ofMillis(50));
        }
        StringBuilder logText = new StringBuilder("This is a fake pass\n");
        StringBuilder aux = new StringBuilder("\\relax\n");
        int line = 1;
        for (Map.Entry<String, String> picture : pictures.entrySet()) {
            String name = picture.getKey();
            logText.append("texreport figure|").append(name).append("|sections/01.tex|").append(line++)
                    .append("|397.48pt 10 ptm m n 0 g 0 G\n");
            Files.writeString(work.resolve(name + ".md5"), "\\def \\tikzexternallastkey {"
                    + Hashes.sha256(picture.getValue()) + "}%\n");
            // Like LaTeX, the page holds a picture's PDF when it exists and a placeholder when not.
            aux.append("\\newlabel{").append(name).append("}{{")
                    .append(Files.isRegularFile(work.resolve(name + ".pdf")) ? "pdf" : "placeholder").append("}}\n");
        }
        Files.writeString(work.resolve("main.figlist"), String.join("\n", pictures.keySet()) + "\n");
        Files.writeString(work.resolve("main.log"), logText);
        Files.writeString(work.resolve("main.aux"), aux);
        Files.writeString(work.resolve("main.pdf"), "%PDF");
        Files.writeString(work.resolve("main.fls"), "PWD " + work + "\nINPUT main.tex\nOUTPUT main.aux\n"
                + "OUTPUT main.figlist\nOUTPUT main.log\n");
        return new ProcessOutcome(0, false, List.of(), Duration.ofMillis(100));
    }

    private ProcessOutcome picture(String name) throws IOException {
        pictureJobs.add(name);
        String data = src.resolve(name.substring(name.indexOf('/') + 1) + ".csv").toString();
        Files.writeString(work.resolve(name + ".fls"), "PWD " + work + "\nINPUT ./main.tex\nINPUT "
                + "./texreport-measure.sty\nINPUT ./preamble-common.tex\nINPUT main.aux\nINPUT "
                + "./texreport-measure.sty\nINPUT ./sections/01.tex\nINPUT " + data + "\nOUTPUT " + name + ".pdf\n"
                + "OUTPUT " + name + ".log\n");
        if (name.equals(broken)) {
            Files.writeString(work.resolve(name + ".log"), "./sections/01.tex:2: Undefined control sequence.\n"
                    + "l.2 \\nosuchmacro\n");
            return new ProcessOutcome(1, false, List.of(), Duration.ofMillis(80));
        }
        Files.writeString(work.resolve(name + ".log"), "fake picture job\n");
        Files.writeString(work.resolve(name + ".pdf"), "%PDF " + pictures.get(name));
        Files.writeString(work.resolve(name + ".dpth"), "\\def\\pgfexternaldepth{0pt}");
        return new ProcessOutcome(0, false, List.of(), Duration.ofMillis(80));
    }

    private CompileOutcome compile() throws Exception {
        render();
        pictureJobs.clear();
        pictureSpecs.clear();
        ProcessRunner runner = spec -> {
            if (spec.arguments().stream().anyMatch(a -> a.startsWith("-jobname="))) {
                pictureSpecs.add(spec);
            }
            return fakeTex(spec);
        };
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { log.add(message); }
            @Override public void warn(String message) { log.add(message); }
            @Override public void error(String message) { log.add(message); }
        };
        Toolchain toolchain = Toolchain.locate(new EngineLocator(bin, null), Engine.PDFLATEX);
        CompileJob job = new CompileJob("final", Engine.PDFLATEX, work, "main", Map.of(), Duration.ofSeconds(10),
                false, 0L, List.of(src), root.resolve("out"));
        // As the pipeline does: each build starts from the last good build's auxiliary files.
        AuxSeed seed = new AuxSeed(root.resolve("seed"));
        CompileOutcome outcome = new TexCompiler(runner, toolchain, new TexLogParser(5), collecting,
                Map.of("PATH", "/usr/bin", "GITHUB_TOKEN", "secret"), null, 2, null).compile(job, seed);
        seed.keep(job, outcome);
        return outcome;
    }

    @Test
    void runsEachListedPictureAsTikzWouldAndTypesetsTheDocumentAgain() throws Exception {
        CompileOutcome outcome = compile();
        assertEquals(List.of("figures/main-figure0", "figures/main-figure1", "figures/main-figure2"),
                pictureJobs.stream().sorted().toList());
        assertTrue(outcome.enginePasses() >= 2, "another pass includes the pictures: " + log);
        ProcessSpec spec = pictureSpecs.get(0);
        List<String> arguments = spec.arguments();
        assertEquals("\\def\\tikzexternalrealjob{main}\\input{main}", arguments.get(arguments.size() - 1));
        assertTrue(arguments.contains("-no-shell-escape"), arguments.toString());
        assertTrue(arguments.stream().noneMatch(a -> a.equals("main.tex")), arguments.toString());
        assertEquals("f", spec.environment().get("shell_escape"));
        assertEquals("p", spec.environment().get("openout_any"));
        assertFalse(spec.environment().containsKey("GITHUB_TOKEN"));
        assertEquals(work, spec.workingDir());
        assertTrue(log.contains("[final] picture figures/main-figure1 (sections/01.tex:2) 0.1 s"), log.toString());
    }

    @Test
    void anUnchangedDocumentTakesEveryPictureFromTheCacheBeforeTheFirstPass() throws Exception {
        compile();
        CompileOutcome again = compile();
        assertEquals(List.of(), pictureJobs);
        assertEquals(1, again.enginePasses(), log.toString());
        assertTrue(Files.isRegularFile(work.resolve("figures/main-figure2.pdf")));
        assertTrue(Files.isRegularFile(work.resolve("figures/main-figure2.dpth")));
    }

    @Test
    void editingOnePictureMakesThatPictureAlone() throws Exception {
        compile();
        pictures.put("figures/main-figure1", "\\draw (0,0) circle (2);");
        compile();
        assertEquals(List.of("figures/main-figure1"), pictureJobs);
        assertEquals("%PDF \\draw (0,0) circle (2);", Files.readString(work.resolve("figures/main-figure1.pdf")));
    }

    @Test
    void changingTheDataAPictureReadsMakesThatPictureAgain() throws Exception {
        compile();
        Files.writeString(src.resolve("main-figure2.csv"), "x,y\n0,2\n");
        compile();
        assertEquals(List.of("figures/main-figure2"), pictureJobs);
    }

    @Test
    void editingTheTextMakesNoPictureButEditingThePreambleMakesThemAll() throws Exception {
        compile();
        text = "Other text around the same pictures.";
        Files.writeString(src.resolve("unused.csv"), "not read by any picture\n");
        compile();
        assertEquals(List.of(), pictureJobs, "the text around the pictures is no reason to make them again");
        preambleExtra = "\\pgfplotsset{compat=1.18}\n";
        compile();
        assertEquals(3, pictureJobs.size(), "every picture's job reads the preamble");
    }

    @Test
    void aFailedPictureNamesWhereItStartsAndWhatWentWrong() throws Exception {
        broken = "figures/main-figure1";
        TexFailure failure = assertThrows(TexFailure.class, this::compile);
        assertEquals("pdflatex could not make a picture (tikz's external job figures/main-figure1)",
                failure.getMessage());
        TexMessage first = failure.messages().get(0);
        assertEquals("sections/01.tex", first.file());
        assertEquals(2, first.line());
        assertTrue(first.text().contains("figures/main-figure1") && first.text().contains("Undefined control "
                + "sequence"), first.text());
    }

    @Test
    void aMissingPictureFolderIsCreatedAndThePassRunAgain() throws Exception {
        folderMissing = true;
        render();
        // A prefix the sources name in a way the scan does not see.
        Files.writeString(work.resolve("preamble-common.tex"), "\\usetikzlibrary{external}\\tikzexternalize\n");
        CompileOutcome outcome = compileWithoutRender();
        assertTrue(Files.isDirectory(work.resolve("figures")));
        assertTrue(log.stream().anyMatch(l -> l.contains("created the folder figures/")), log.toString());
        assertEquals(3, pictureJobs.size());
        assertTrue(outcome.enginePasses() >= 2);
    }

    private CompileOutcome compileWithoutRender() throws Exception {
        pictureJobs.clear();
        Toolchain toolchain = Toolchain.locate(new EngineLocator(bin, null), Engine.PDFLATEX);
        CompileJob job = new CompileJob("final", Engine.PDFLATEX, work, "main", Map.of(), Duration.ofSeconds(10),
                false, 0L, List.of(src), root.resolve("out"));
        ReportLog collecting = new ReportLog() {
            @Override public void debug(String message) { }
            @Override public void info(String message) { log.add(message); }
            @Override public void warn(String message) { log.add(message); }
            @Override public void error(String message) { log.add(message); }
        };
        return new TexCompiler(this::fakeTex, toolchain, new TexLogParser(5), collecting, Map.of("PATH", "/usr/bin"),
                null, 2, null).compile(job);
    }

    @Test
    void aPictureNameOutsideTheWorkingDirectoryIsRefused() throws Exception {
        pictures.clear();
        pictures.put("../escape", "\\draw (0,0);");
        Files.writeString(src.resolve("escape.csv"), "x\n");
        TexFailure failure = assertThrows(TexFailure.class, this::compile);
        assertTrue(failure.messages().get(0).text().contains("'../escape'"), failure.messages().toString());
        assertEquals(List.of(), pictureJobs);
    }

    @Test
    void theFigureListIsReadWithEachPicturesPlace() {
        List<FigureList.Figure> figures = FigureList.parse(List.of("figures/main-figure0", "figures/plot", ""),
                List.of("texreport figure|figures/plot|./sections/02-results.tex|14|345.0pt 9 cmr m n 0 g 0 G",
                        "Some other line"));
        assertEquals(2, figures.size());
        assertEquals(new FigureList.Figure("figures/main-figure0", "", 0, ""), figures.get(0));
        assertEquals("figures/main-figure0", figures.get(0).where());
        assertEquals("sections/02-results.tex:14", figures.get(1).where());
        assertEquals("345.0pt 9 cmr m n 0 g 0 G", figures.get(1).context());
        assertTrue(FigureList.safe("figures/main-figure0"));
        assertFalse(FigureList.safe("../x"));
        assertFalse(FigureList.safe("/tmp/x"));
        assertFalse(FigureList.safe("a b"));
        assertFalse(FigureList.safe("figures/./x"));
    }
}
