package dev.texreport.core.staff;

import java.util.List;

/**
 * One team as the staff page lists it: its milestones, what stopped its build before any milestone, how long its
 * build took, or why it is missing.
 *
 * @param team          the team's name (its project folder)
 * @param milestones    the milestones its summary holds, in its order
 * @param buildErrors   errors of the whole build (a wrong setting, unreadable results), empty when there are none
 * @param buildWarnings warnings of the whole build (e.g. a results file no milestone uses)
 * @param buildSeconds  how long the team's build took in the last aggregator build, or null when not measured
 * @param missingReason why there is no summary, or null when there is one
 * @param origin        where the summary was read, for the log and the duplicates note
 * @param notes         what the team's build says about its change views (latexdiff missing, a diff that failed)
 */
public record TeamReport(String team, List<MilestoneCell> milestones, List<String> buildErrors,
                         List<String> buildWarnings, Double buildSeconds, String missingReason, String origin,
                         List<String> notes) {
    public TeamReport {
        milestones = List.copyOf(milestones);
        buildErrors = List.copyOf(buildErrors);
        buildWarnings = List.copyOf(buildWarnings);
        notes = List.copyOf(notes);
    }

    public static TeamReport missing(String team, String reason) {
        return new TeamReport(team, List.of(), List.of(), List.of(), null, reason, null, List.of());
    }

    /** The same team with other milestones. */
    public TeamReport withMilestones(List<MilestoneCell> cells) {
        return new TeamReport(team, cells, buildErrors, buildWarnings, buildSeconds, missingReason, origin, notes);
    }

    public boolean isMissing() {
        return missingReason != null;
    }

    public MilestoneCell milestone(String id) {
        return milestones.stream().filter(m -> m.id().equals(id)).findFirst().orElse(null);
    }
}
