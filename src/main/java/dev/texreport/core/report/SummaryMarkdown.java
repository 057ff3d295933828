package dev.texreport.core.report;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.PageFigures;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * target/report/summary.md, the build as people read it in a CI run's summary: one table row per milestone
 * (content pages against the limit, the time to its deadline, the outcome), the course's dated events, then every
 * error and warning. Plain string building: no JSON library is loaded for it.
 */
public final class SummaryMarkdown {
    private SummaryMarkdown() {
    }

    public static String render(Path projectDir, List<MilestoneResult> milestones, List<Problem> buildProblems,
                                List<String> events) {
        boolean dated = milestones.stream().anyMatch(m -> m.dueText() != null);
        StringBuilder md = new StringBuilder("### Report build\n\n");
        if (milestones.isEmpty()) {
            md.append("**Failed** before any milestone was built:\n\n");
            buildProblems.forEach(p -> md.append("- ").append(p.isError() ? ":x: " : ":warning: ")
                    .append(oneLine(p.message())).append("\n"));
            return md.toString();
        }
        md.append("| Milestone | Content pages | Limit | PDF pages |").append(dated ? " Deadline |" : "")
                .append(" Status | PDF |\n");
        md.append("|---|---:|---:|---:|").append(dated ? "---|" : "").append("---|---|\n");
        for (MilestoneResult m : milestones) {
            String status = switch (m.status()) {
                case PASSED, OVER_LIMIT_NOT_FAILING -> m.status().text() + (m.upToDate() ? " (up to date)" : "");
                case OVER_LIMIT, FAILED -> "**" + m.status().text() + "**";
            };
            md.append("| ").append(m.title()).append(" (`").append(m.id()).append("`) | ")
                    .append(Double.isNaN(m.contentPages()) ? "–" : PageFigures.pages(m.contentPages(), m.pageLimit()))
                    .append(" | ").append(m.pageLimit()).append(" | ")
                    .append(m.pdf() == null ? "–" : Integer.toString(m.pdfPages())).append(" | ");
            if (dated) {
                md.append(m.dueText() == null ? "–" : m.dueText().replaceFirst("^due ", "")).append(" | ");
            }
            md.append(status).append(" | ").append(m.pdf() == null ? "–" : "`" + ProjectPaths.relative(projectDir, m.pdf())
                    + "`").append(" |\n");
        }
        if (!events.isEmpty()) {
            md.append("\nCourse dates:\n\n");
            events.forEach(e -> md.append("- ").append(e).append("\n"));
        }
        List<String> notes = new ArrayList<>();
        for (MilestoneResult m : milestones) {
            m.errors().forEach(e -> notes.add("- :x: **" + m.id() + "**: " + oneLine(e)));
            m.warnings().forEach(w -> notes.add("- :warning: **" + m.id() + "**: " + oneLine(w)));
        }
        buildProblems.forEach(p -> notes.add("- " + (p.isError() ? ":x: " : ":warning: ") + oneLine(p.message())));
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append(n).append("\n"));
        }
        return md.toString();
    }

    public static void write(Path file, String markdown) throws EnvironmentException {
        AtomicFile.write(file, temp -> Files.writeString(temp, markdown, StandardCharsets.UTF_8));
    }

    private static String oneLine(String text) {
        return "`" + text.lines().findFirst().orElse("").replace("`", "'") + "`";
    }
}
