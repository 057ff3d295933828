package dev.texreport.core.build;

import dev.texreport.core.checks.MilestoneChecks;
import dev.texreport.core.template.TemplateRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Loads and runs once, on a background thread, the library code a build needs after the pack and the results are
 * read: FreeMarker for rendering, PDFBox for the checks of each PDF. Loading those classes and their first runs take
 * a few tenths of a second on one core, which a full build would otherwise spend waiting before its first TeX
 * process and after its first PDF; bench/run.sh measures the effect (cold builds, many teams with -T 2). It runs once
 * per JVM, nothing waits for it, and any failure is ignored: the build itself then does the same work.
 */
final class Warmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    /** @param outputDir the report folder: a PDF of the last build there, if any, is what the checks warm up on */
    static void startOnce(Path outputDir) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> run(lastPdf(outputDir)), "report-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * The newest milestone PDF the last build published: reading its fonts and glyphs (Type 1 programs, as TeX
     * embeds them) warms up the code the checks spend most of their time in, which a PDF made here would not reach.
     */
    private static Path lastPdf(Path outputDir) {
        try (var files = Files.list(outputDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pdf")
                            && !f.getFileName().toString().endsWith(".failed.pdf") && Files.isRegularFile(f))
                    .max(java.util.Comparator.comparing(f -> f.toFile().lastModified())).orElse(null);
        } catch (Exception e) {
            return null;
        }
    }

    private static void run(Path last) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("texreport-warmup");
            new TemplateRenderer(dir).renderText("warmup", "\\section{${title}}", Map.of("title", "A & B"));
            if (last != null) {
                MilestoneChecks.warmUp(last);
                return;
            }
            Path pdf = dir.resolve("warmup.pdf");
            try (PDDocument document = new PDDocument()) {
                PDPage page = new PDPage();
                document.addPage(page);
                // Lines only: a standard font would make PDFBox look for a system font and log about it.
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.addRect(108, 100, 396, 600);
                    content.moveTo(108, 400);
                    content.lineTo(504, 400);
                    content.stroke();
                }
                document.save(pdf.toFile());
            }
            MilestoneChecks.warmUp(pdf);
        } catch (Exception | LinkageError e) {
            // only an optimisation: the build loads the same code when it needs it
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                    Files.deleteIfExists(dir);
                } catch (Exception ignored) {
                    // a left-over file in the temp folder is harmless
                }
            }
        }
    }
}
