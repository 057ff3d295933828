package dev.texreport.maven;

import dev.texreport.core.ConfigurationException;
import dev.texreport.core.staff.Shard;
import dev.texreport.core.staff.ShardPlan;
import dev.texreport.core.staff.TeamsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The teams of a staff aggregator: the modules of the build that aggregate nothing themselves and have report
 * sources ({@code src/report}), each named by its folder, as a CI artifact of it would be. report:build and
 * report:aggregate plan shards over the same list.
 */
final class StaffTeams {
    /** Where the last staff summary is, relative to the aggregator: its build times balance the shards. */
    static final String TIMES = "target/report/staff/summary.json";

    private StaffTeams() {
    }

    static boolean isTeam(MavenProject project) {
        return project.getModules().isEmpty() && Files.isDirectory(project.getBasedir().toPath().resolve("src/report"));
    }

    static String name(MavenProject project) {
        return project.getBasedir().toPath().getFileName().toString();
    }

    /** Every team module of the session by name. */
    static Map<String, MavenProject> of(MavenSession session) {
        Map<String, MavenProject> teams = new TreeMap<>();
        for (MavenProject project : session.getProjects()) {
            if (isTeam(project)) {
                teams.putIfAbsent(name(project), project);
            }
        }
        return teams;
    }

    /** The shard plan of the session's teams, balanced by the times in {@code times} (default: {@link #TIMES}). */
    static ShardPlan plan(MavenSession session, Shard shard, Path times) {
        Path file = times != null ? times : session.getTopLevelProject().getBasedir().toPath().resolve(TIMES);
        return ShardPlan.of(java.util.List.copyOf(of(session).keySet()), TeamsFile.previousSeconds(file),
                shard.count());
    }

    static Shard shard(String text) throws ConfigurationException {
        return Shard.parse(text);
    }
}
