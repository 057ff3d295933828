package dev.texreport.core.report;

import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.PageFigures;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.SourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Says what a build did, once, for every goal that builds (build, sample, watch): each problem at its level with
 * its location, one closing line per milestone, and the one-paragraph reason the build fails. A failing page-limit
 * verdict is not logged as an error because it is the failure's own message.
 */
public final class BuildReporter {
    private final Path projectDir;

    public BuildReporter(Path projectDir) {
        this.projectDir = projectDir;
    }

    /**
     * Logs the problems and the closing lines; returns the reason the build fails, empty when it passed.
     *
     * @param shownDir how the closing lines show the output folder, when it is not relative to the project (the
     *                 sample goal builds in another folder), or null
     */
    public String report(BuildResult result, ReportLog log, String shownDir) {
        logProblems(result, log);
        for (String line : closingLines(result)) {
            log.info(shownDir == null ? line : line.replace("-> target/", "-> " + shownDir + "/target/"));
        }
        return failureSummary(result);
    }

    public void logProblems(BuildResult result, ReportLog log) {
        result.problems().stream().filter(p -> !p.isError()).forEach(p -> log.warn(p.message()));
        result.problems().stream().filter(Problem::isError).forEach(p -> log.error(p.message()));
        for (MilestoneResult m : result.milestones()) {
            m.problems().stream().filter(p -> !p.isError()).forEach(p -> log.warn("[" + m.id() + "] " + p.message()));
            m.problems().stream().filter(p -> p.isError() && !(p instanceof Problem.PageLimitExceeded))
                    .forEach(p -> log.error("[" + m.id() + "] " + p.message()));
        }
    }

    /**
     * Logs a failure of the whole build (before any milestone was built): each of a {@link SourceException}'s
     * problems at its place, else the message.
     */
    public void logFailure(ReportException failure, ReportLog log) {
        if (failure instanceof SourceException source && !source.diagnostics().isEmpty()) {
            source.diagnostics().forEach(d -> log.error(d.format(projectDir)));
        } else {
            log.error(failure.getMessage());
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
                    + " content pages (" + m.pdfPages() + " in PDF) -> " + ProjectPaths.relative(projectDir, m.pdf());
            if (m.upToDate()) {
                line += " (up to date)";
            }
            if (m.status() == MilestoneResult.Status.OVER_LIMIT) {
                line += " OVER THE LIMIT";
            } else if (m.status() == MilestoneResult.Status.OVER_LIMIT_NOT_FAILING) {
                line += " over the limit (not failing)";
            } else if (!m.passed()) {
                line += " FAILED";
            }
            if (!m.passed()) {
                line += lastGood(m);
            }
            lines.add(line);
        }
        return lines;
    }

    /** Where the last good PDF of a failed milestone stays (its failed PDF is {@code <m>.failed.pdf}). */
    private String lastGood(MilestoneResult m) {
        Path good = m.pdf().resolveSibling(m.id() + ".pdf");
        if (good.equals(m.pdf())) {
            return "";
        }
        return Files.isRegularFile(good) ? "; the last good PDF stays: " + ProjectPaths.relative(projectDir, good)
                : "; there is no earlier good PDF";
    }

    /** The reason the build fails, naming every failed milestone; empty when it passed. */
    public String failureSummary(BuildResult result) {
        List<String> parts = new ArrayList<>();
        long buildErrors = result.problems().stream().filter(Problem::isError).count();
        if (buildErrors > 0) {
            parts.add(buildErrors + " error(s), listed above");
        }
        for (MilestoneResult m : result.failed()) {
            long others = m.problems().stream()
                    .filter(p -> p.isError() && !(p instanceof Problem.PageLimitExceeded)).count();
            m.problems().stream().filter(p -> p.isError() && p instanceof Problem.PageLimitExceeded)
                    .forEach(p -> parts.add(p.message()));
            if (others > 0) {
                parts.add(m.id() + ": " + others + " error(s), listed above");
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "Report build failed: " + String.join("; ", parts);
    }
}
