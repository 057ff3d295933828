package dev.texreport.maven;

import dev.texreport.core.report.ReactorReport;
import dev.texreport.core.staff.ShardPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * Counts the report:build executions of one Maven build, so that the last one to finish (in any order, also under
 * -T) writes the aggregated table of all teams, and holds what all executions of the build share: the shard plan
 * (computed once, so every module of a sharded build sees the same one). Keyed by the execution request, which
 * every per-thread copy of the session shares (under -T Maven hands each module a clone of the session); weak keys,
 * so nothing outlives the build.
 */
final class ReactorProgress {
    private static final Map<MavenExecutionRequest, ReactorProgress> BUILDS = new WeakHashMap<>();

    private final int expected;
    private final List<ReactorReport.Team> teams = new ArrayList<>();
    private int finished;
    private ShardPlan plan;

    private ReactorProgress(int expected) {
        this.expected = expected;
    }

    static ReactorProgress of(MavenSession session) {
        synchronized (BUILDS) {
            return BUILDS.computeIfAbsent(session.getRequest(), r -> new ReactorProgress(session.getProjects().size()));
        }
    }

    /** The build's shard plan, made by {@code planner} on first use. */
    synchronized ShardPlan plan(Supplier<ShardPlan> planner) {
        if (plan == null) {
            plan = planner.get();
        }
        return plan;
    }

    /**
     * Records one finished execution (null summary: nothing built there) and how long it took; returns every team
     * once all executions of the session are in, else an empty list.
     */
    synchronized List<ReactorReport.Team> finished(MavenProject project, Path summaryJson, double seconds) {
        finished++;
        if (summaryJson != null) {
            teams.add(new ReactorReport.Team(project.getArtifactId(), project.getBasedir().toPath(), summaryJson,
                    seconds));
        }
        if (finished < expected || expected < 2) {
            return List.of();
        }
        List<ReactorReport.Team> all = new ArrayList<>(teams);
        all.sort(Comparator.comparing(ReactorReport.Team::name));
        return all;
    }
}
