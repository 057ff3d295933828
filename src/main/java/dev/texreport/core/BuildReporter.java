package dev.texreport.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what a build did, once: each problem at its level with its location, one closing line per milestone, and
 * the one-paragraph reason the build fails. The over-limit sentence is not logged as an error because it is the
 * failure's own message.
 */
public final class BuildReporter {
    private final Path projectDir;

    public BuildReporter(Path projectDir) {
        this.projectDir = projectDir;
    }

    public void logProblems(BuildResult result, ReportLog log) {
        result.warnings().forEach(log::warn);
        for (MilestoneResult m : result.milestones()) {
            m.warnings().forEach(w -> log.warn("[" + m.id() + "] " + w));
            for (String error : m.errors()) {
                if (!isPageLimit(m, error)) {
                    log.error("[" + m.id() + "] " + error);
                }
            }
        }
    }

    /** {@code final: 7.6 of 8 content pages (11 in PDF) -> target/report/final.pdf}. */
    public List<String> closingLines(BuildResult result) {
        List<String> lines = new ArrayList<>();
        for (MilestoneResult m : result.milestones()) {
            if (m.pdf() == null) {
                lines.add(m.id() + ": FAILED, no PDF (" + m.errors().size() + " error(s) above)");
                continue;
            }
            String line = m.id() + ": " + PageFigures.pages(m.contentPages(), m.pageLimit()) + " of " + m.pageLimit()
                    + " content pages (" + m.pdfPages() + " in PDF) -> " + relative(m.pdf());
            if (m.upToDate()) {
                line += " (up to date)";
            }
            if (m.overLimit()) {
                line += " OVER THE LIMIT";
            } else if (!m.passed()) {
                line += " FAILED";
            }
            lines.add(line);
        }
        return lines;
    }

    /** The reason the build fails, naming every failed milestone; empty when it passed. */
    public String failureSummary(BuildResult result) {
        List<String> parts = new ArrayList<>();
        for (MilestoneResult m : result.failed()) {
            long others = m.errors().stream().filter(e -> !isPageLimit(m, e)).count();
            m.errors().stream().filter(e -> isPageLimit(m, e)).forEach(parts::add);
            if (others > 0) {
                parts.add(m.id() + ": " + others + " error(s), listed above");
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "Report build failed: " + String.join("; ", parts);
    }

    private static boolean isPageLimit(MilestoneResult m, String error) {
        return m.overLimit() && error.equals(m.overLimitMessage());
    }

    private String relative(Path file) {
        return file.startsWith(projectDir) ? projectDir.relativize(file).toString().replace('\\', '/')
                : file.toString();
    }
}
