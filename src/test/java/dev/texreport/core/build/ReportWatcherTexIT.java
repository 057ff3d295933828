package dev.texreport.core.build;

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
}
