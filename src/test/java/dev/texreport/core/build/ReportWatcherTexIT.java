package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.ReportLog;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watch mode on real files and the real pdflatex: edit a section, see a new PDF, without restarting. */
class ReportWatcherTexIT {
    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    private final ReportLog collecting = new ReportLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { log.add("INFO " + message); }
        @Override public void warn(String message) { log.add("WARN " + message); }
        @Override public void error(String message) { log.add("ERROR " + message); }
    };

    private static String text(Path pdf) {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        } catch (Exception e) {
            return "";
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void anEditedSectionGivesANewPdfAndAFailedBuildDoesNotStopWatching() throws Exception {
        TeamProject project = new TeamProject(dir).file("src/report/final/01.tex", "\\section{A}\nFirst version.\n")
                .file("src/report/midterm/01.tex", "\\section{M}\nMidterm.\n");
        ReportService service = new ReportService(new CommonsExecProcessRunner(), System.getenv(), collecting);
        Path pdf = dir.resolve("target/report/final.pdf");
        try (ReportWatcher watcher = new ReportWatcher(service, project.request().build(), collecting,
                Duration.ofMillis(100))) {
            Thread thread = new Thread(watcher::run, "watch-test");
            thread.start();
            await("the first build", () -> text(pdf).contains("First version."));
            await("the watching message", () -> log.stream().anyMatch(l -> l.startsWith("INFO Watching src/report")));

            log.clear();
            project.file("src/report/final/01.tex", "\\section{A}\nSecond version.\n");
            await("the rebuilt PDF", () -> text(pdf).contains("Second version."));
            await("the page budget", () -> log.stream().anyMatch(l -> l.startsWith("INFO final: 0.")));
            assertTrue(log.contains("INFO [midterm] up to date"), "only the edited milestone is rebuilt: " + log);

            project.file("src/report/final/01.tex", "\\section{A}\nBroken \\bfx.\n");
            await("the error", () -> log.stream().anyMatch(l -> l.contains("Undefined control sequence \\bfx")));
            project.file("src/report/final/01.tex", "\\section{A}\nThird version.\n");
            await("the fixed PDF", () -> text(pdf).contains("Third version."));

            watcher.close();
            thread.join(20_000);
            assertFalse(thread.isAlive(), "close() ends the watch");
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(p -> p.info().command().orElse("")
                .contains("pdflatex")), "no TeX process is left");
        assertTrue(Files.isRegularFile(pdf));
    }

    @Test
    void aChangedTemplatePackFolderRebuildsToo() throws Exception {
        TeamProject project = new TeamProject(dir).file("src/report/final/01.tex", "\\section{A}\nText.\n");
        BuildRequest request = project.request().build();
        ReportService service = new ReportService(new CommonsExecProcessRunner(), System.getenv(), collecting);
        Path pdf = dir.resolve("target/report/final.pdf");
        try (ReportWatcher watcher = new ReportWatcher(service, request, collecting, Duration.ofMillis(50))) {
            Thread thread = new Thread(watcher::run, "watch-test");
            thread.start();
            await("the first build", () -> text(pdf).contains("Deep Learning course project"));
            await("the watching message", () -> log.stream().anyMatch(l -> l.startsWith("INFO Watching src/report")));
            Path course = dir.resolve("test-pack/course.json");
            Files.writeString(course, Files.readString(course).replace("Deep Learning course project",
                    "Advanced Deep Learning"));
            await("the PDF with the pack's new course name", () -> text(pdf).contains("Advanced Deep Learning"));
            watcher.close();
            thread.join(20_000);
        }
    }

    @Test
    void aBuildStartedBesideTheWatchWaitsForItsRebuildAndNeitherSeesTheOthersFiles() throws Exception {
        TeamProject project = new TeamProject(dir).file("src/report/references.bib",
                        "@misc{a, author={Ann Author}, title={First}, year={2020}}\n")
                .file("src/report/final/01.tex", "\\section{A}\nCited \\citep{a}. Version 1.\n");
        ReportService watchService = new ReportService(new CommonsExecProcessRunner(), System.getenv(), collecting);
        Path pdf = dir.resolve("target/report/final.pdf");
        try (ReportWatcher watcher = new ReportWatcher(watchService, project.request().build(), collecting,
                Duration.ofMillis(50))) {
            Thread thread = new Thread(watcher::run, "watch-test");
            thread.start();
            await("the first build", () -> text(pdf).contains("Version 1."));
            await("the watching message", () -> log.stream().anyMatch(l -> l.startsWith("INFO Watching src/report")));
            // An IDE's build of the same project, started while the watch rebuilds after an edit.
            log.clear();
            project.file("src/report/final/01.tex", "\\section{A}\nCited \\citep{a}. Version 2.\n");
            TeamProject ide = new TeamProject(dir);
            var result = ide.build(ide.request().force(true).build());
            assertTrue(result.passed(), String.join("\n", result.failed().stream()
                    .flatMap(m -> m.errors().stream()).toList()));
            await("the watch's rebuild", () -> text(pdf).contains("Version 2."));
            await("the watch's page budget", () -> log.stream().anyMatch(l -> l.startsWith("INFO final: 0.")));
            assertTrue(log.stream().noneMatch(l -> l.startsWith("ERROR")), "no false errors: " + log);
            watcher.close();
            thread.join(20_000);
        }
    }

    /** The engines this JVM started that wait for a build to release them (StandbyEngines). */
    private static List<ProcessHandle> waitingEngines() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("texreportgo")).orElse(false))
                .toList();
    }

    @Test
    void aRebuildRunsOnAnEngineThatWaitedWithTheFormatLoadedAndMakesTheSamePdf() throws Exception {
        TeamProject project = new TeamProject(dir).file("src/report/final/01.tex", "\\section{A}\nFirst version.\n");
        ReportService service = new ReportService(new CommonsExecProcessRunner(), System.getenv(), collecting);
        Path pdf = dir.resolve("target/report/final.pdf");
        Path workLog = dir.resolve("target/report/final/main.log");
        Path formats = dir.resolve("target/report/.texreport/formats");
        try (ReportWatcher watcher = new ReportWatcher(service, project.request().build(), collecting,
                Duration.ofMillis(50))) {
            Thread thread = new Thread(watcher::run, "watch-test");
            thread.start();
            await("the first build", () -> text(pdf).contains("First version."));
            await("an engine waiting for the next build", () -> waitingEngines().size() == 1);
            // While it waits, the last build's working files are as that build left them.
            Thread.sleep(500);
            assertTrue(Files.readString(workLog).contains("Output written on main.pdf"),
                    "the last pass's whole log is still there");

            log.clear();
            project.file("src/report/final/01.tex", "\\section{A}\nSecond version, on the waiting engine.\n");
            await("the rebuilt PDF", () -> text(pdf).contains("Second version, on the waiting engine."));
            await("the page budget", () -> log.stream().anyMatch(l -> l.startsWith("INFO final: 0.")));
            assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO [final] pdflatex pass 1")
                    && l.endsWith("(engine started in advance)")), "the pass ran on the waiting engine: " + log);
            assertTrue(Files.readString(workLog).contains("Output written on main.pdf"), "its log is main.log");
            byte[] watched = Files.readAllBytes(pdf);

            // An error on such an engine is located in the team's file, as on any pass.
            await("the next waiting engine", () -> waitingEngines().size() == 1);
            log.clear();
            project.file("src/report/final/01.tex", "\\section{A}\nBroken \\bfx here.\n");
            await("the error", () -> log.stream().anyMatch(l -> l.contains("01.tex:2")
                    && l.contains("Undefined control sequence \\bfx")));

            await("the next waiting engine", () -> waitingEngines().size() == 1);
            watcher.close();
            thread.join(20_000);
            assertFalse(thread.isAlive(), "close() ends the watch");
            assertTrue(waitingEngines().isEmpty(), "no engine outlives the watch");
            try (var files = Files.list(formats)) {
                List<Path> left = files.filter(f -> f.getFileName().toString().endsWith(".fls")).toList();
                assertTrue(left.isEmpty(), "a stopped engine leaves no recorder file next to the format: " + left);
            }

            // The same sources built by a plain build (no engine in advance) give the same bytes.
            project.file("src/report/final/01.tex", "\\section{A}\nSecond version, on the waiting engine.\n");
            var plain = new TeamProject(dir).build(project.request().force(true).build());
            assertTrue(plain.passed(), plain.failed().toString());
            assertArrayEquals(watched, Files.readAllBytes(pdf), "an engine started in advance makes the same PDF");
        }
    }
}
