package dev.texreport.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one {@code report:build}: every requested milestone, problems about the report as a whole (such as
 * unused results files), and where the summary was written.
 */
public record BuildResult(List<MilestoneResult> milestones, List<Problem> problems, Path summaryJson) {
    public BuildResult {
        milestones = List.copyOf(milestones);
        problems = List.copyOf(problems);
    }

    public boolean passed() {
        return milestones.stream().allMatch(MilestoneResult::passed) && problems.stream().noneMatch(Problem::isError);
    }

    public List<MilestoneResult> failed() {
        return milestones.stream().filter(m -> !m.passed()).toList();
    }

    /** The messages of the build's own warnings. */
    public List<String> warnings() {
        return problems.stream().filter(p -> !p.isError()).map(Problem::message).toList();
    }

    /** True when a failure comes from the machine (missing engine, timeout) rather than from the team's sources. */
    public boolean brokenEnvironment() {
        return milestones.stream().anyMatch(m -> m.failure() != null && !m.failure().isUserMistake());
    }
}
