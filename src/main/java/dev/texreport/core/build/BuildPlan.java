package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.results.ResultsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which milestones a build makes, and what it says about the report as a whole afterwards. */
final class BuildPlan {
    private BuildPlan() {
    }

    /** When every milestone was built: a warning for each results file none of them read. */
    static List<Problem> unusedResults(BuildRequest request, ResultsLoader.LoadedResults results,
                                       List<MilestoneResult> built) {
        List<Problem> problems = new ArrayList<>();
        if (!request.milestones().isEmpty() || !built.stream().allMatch(m -> m.failure() == null)) {
            return problems;
        }
        Set<Path> used = new HashSet<>();
        built.forEach(m -> used.addAll(m.resultsUsed()));
        for (Path file : results.files()) {
            if (!used.contains(file)) {
                problems.add(new Problem.Note(Problem.Severity.WARNING, "unused-results",
                        ProjectPaths.relative(request.projectDir(), file)
                                + ": no milestone uses this results file; use it, or move it out of results/"));
            }
        }
        return problems;
    }

    /**
     * The milestones asked for (report.milestone), or every milestone of the pack whose folder exists; an unknown or
     * absent milestone is the user's mistake.
     */
    static List<MilestoneSpec> milestones(BuildRequest request, TemplatePack pack) throws ReportException {
        List<MilestoneSpec> selected = new ArrayList<>();
        if (request.milestones().isEmpty()) {
            for (MilestoneSpec spec : pack.course().milestones()) {
                if (Files.isDirectory(request.sourceDir().resolve(spec.id()))) {
                    selected.add(spec);
                }
            }
            if (selected.isEmpty()) {
                throw new ConfigurationException("Nothing to build: " + request.sourceDir() + " has no milestone"
                        + " folder. Create one of " + pack.knownIds() + " (e.g. src/report/final/) with the paper's"
                        + " sections.");
            }
            return selected;
        }
        for (String id : request.milestones()) {
            MilestoneSpec spec = pack.requireMilestone(id);
            if (!Files.isDirectory(request.sourceDir().resolve(id))) {
                throw new ConfigurationException("Milestone '" + id + "' was asked for (report.milestone) but "
                        + ProjectPaths.relative(request.projectDir(), request.sourceDir().resolve(id))
                        + "/ does not exist.");
            }
            if (!selected.contains(spec)) {
                selected.add(spec);
            }
        }
        return selected;
    }
}
