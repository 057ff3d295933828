package dev.texreport.core.checks;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.pages.PageMeasure;
import java.nio.file.Path;
import java.util.List;

/**
 * What the checks of one milestone look at.
 *
 * @param milestone   the milestone as the pack declares it
 * @param request     the build's settings (mode, failing checks, title, authors)
 * @param aux         the last pass's .aux, where the headings and citations are
 * @param measure     the page accounting
 * @param pdf         the typeset PDF, opened once for all checks that read it
 * @param usedResults whether the templates read any results file
 * @param teamFiles   the team's own source files that went into the milestone
 * @param sources     maps a place in a generated file back to the team's file
 */
public record CheckInput(MilestoneSpec milestone, BuildRequest request, Path aux, PageMeasure measure,
                         CheckedPdf pdf, boolean usedResults, List<Path> teamFiles, SourceMapper sources) {
    public CheckInput {
        teamFiles = List.copyOf(teamFiles);
    }

    /** Maps a line of a file in the working directory to {@code src/report/...:line}, or empty when unknown. */
    @FunctionalInterface
    public interface SourceMapper {
        String where(String generatedFile, int line);
    }

    /** Whether report.failOnChecks makes this check's findings fail the build. */
    boolean failing(dev.texreport.core.FormatCheck check) {
        return request.failingChecks().contains(check.id());
    }
}
