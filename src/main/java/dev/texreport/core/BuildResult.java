package dev.texreport.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one {@code report:build}: every requested milestone, warnings about the report as a whole (such
 * as unused results files), and where the summary was written.
 */
public record BuildResult(List<MilestoneResult> milestones, List<String> warnings, Path summaryJson) {
    public BuildResult {
        milestones = List.copyOf(milestones);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return milestones.stream().allMatch(MilestoneResult::passed);
    }

    public List<MilestoneResult> failed() {
        return milestones.stream().filter(m -> !m.passed()).toList();
    }

    /** True when a failure comes from the machine (missing engine, timeout) rather than from the team's sources. */
    public boolean brokenEnvironment() {
        return milestones.stream().anyMatch(m -> m.failure() != null && !m.failure().isUserMistake());
    }
}
