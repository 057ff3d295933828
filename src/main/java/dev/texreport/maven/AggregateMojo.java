package dev.texreport.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.staff.CourseView;
import dev.texreport.core.staff.Shard;
import dev.texreport.core.staff.ShardPlan;
import dev.texreport.core.staff.StaffAggregator;
import dev.texreport.core.staff.TeamsFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * For course staff: one page of every team, {@code mvn report:aggregate}. Reads the teams' summary.json files and
 * writes {@code target/report/staff/}: {@code index.html} (a dashboard: pages against the limit, status, late or on
 * time, warnings, the first error, a thumbnail of each first page, links to each PDF, its log and its change view;
 * sortable, filterable, printable, no network), {@code summary.json} and {@code summary.md}. In an aggregator POM
 * the teams are its modules (after report:build); with {@code report.aggregateFrom} they are whatever summaries
 * lie below that folder, e.g. the artifacts of a CI run's shards. Needs no TeX and no team sources.
 */
@Mojo(name = "aggregate", aggregator = true, requiresProject = false, threadSafe = true)
public class AggregateMojo extends AbstractMojo {
    /** Skips the goal entirely. */
    @Parameter(property = "report.skip", defaultValue = "false")
    boolean skip;

    /**
     * Folders of downloaded CI artifacts to read instead of the aggregator's modules, comma-separated, relative to
     * the current project: every summary.json below them counts (one subfolder per team, or a shard's staff folder).
     */
    @Parameter(property = "report.aggregateFrom")
    String aggregateFrom;

    /** A file listing the teams you expect, one per line; those without a summary are shown as missing. */
    @Parameter(property = "report.teams")
    File teams;

    /** Where the staff page, its summary.json/summary.md, thumbnails and copies of the teams' PDFs go. */
    @Parameter(property = "report.staffDirectory", defaultValue = "${project.build.directory}/report/staff")
    File staffDirectory;

    /** The course's template pack, for the milestones' order, deadlines and the course's dates. */
    @Parameter(property = "report.template", defaultValue = "builtin")
    String template;

    /** The teams' output folder (as in report:build); in an aggregator, the same path is used in every module. */
    @Parameter(property = "report.outputDirectory", defaultValue = "${project.build.directory}/report")
    File outputDirectory;

    /** In an aggregator: aggregate only this shard's teams ({@code INDEX/COUNT}, as report:build's). */
    @Parameter(property = "report.shard")
    String shard;

    /** The staff summary whose build times balance the shards (as report:build's). */
    @Parameter(property = "report.shardTimes")
    File shardTimes;

    @Parameter(defaultValue = "${session}", readonly = true)
    MavenSession mavenSession;

    @Parameter(defaultValue = "${project}", readonly = true)
    MavenProject project;

    /** The cores to render thumbnails on. */
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the staff page (report.skip=true).");
            return;
        }
        ReportLog log = new MavenReportLog(getLog());
        Path base = project.getBasedir().toPath();
        try {
            Shard mine = Shard.parse(shard);
            Map<String, String> expected = new LinkedHashMap<>();
            List<StaffAggregator.ProjectSummary> projects = new ArrayList<>();
            List<Path> folders = new ArrayList<>();
            ShardPlan plan = null;
            List<String> from = AbstractReportMojo.splitList(aggregateFrom);
            if (!from.isEmpty()) {
                from.forEach(folder -> folders.add(base.resolve(folder).normalize()));
            } else {
                Map<String, MavenProject> modules = mavenSession == null ? Map.of() : StaffTeams.of(mavenSession);
                if (modules.isEmpty()) {
                    throw new ConfigurationException("report:aggregate found no teams: run it in an aggregator POM "
                            + "whose modules are the team projects (each with src/report), or name a folder of "
                            + "downloaded summaries with -Dreport.aggregateFrom=FOLDER.");
                }
                if (mine != null) {
                    plan = StaffTeams.plan(mavenSession, mine, shardTimes == null ? null : shardTimes.toPath());
                }
                Map<Path, Double> seconds = buildSeconds(base);
                Map<String, Double> previous = TeamsFile.previousSeconds(
                        staffDirectory.toPath().resolve("summary.json"));
                Path relative = base.relativize(outputDirectory.toPath().toAbsolutePath());
                for (Map.Entry<String, MavenProject> module : modules.entrySet()) {
                    if (plan != null && !plan.builds(mine, module.getKey())) {
                        continue;
                    }
                    Path dir = module.getValue().getBasedir().toPath().toAbsolutePath().normalize();
                    Double time = seconds.containsKey(dir) ? seconds.get(dir) : previous.get(module.getKey());
                    projects.add(new StaffAggregator.ProjectSummary(module.getKey(),
                            dir.resolve(relative).resolve("summary.json"), time));
                    expected.put(module.getKey(), "no summary.json: its report was not built yet (run report:build)");
                }
            }
            if (teams != null) {
                TeamsFile.expect(TeamsFile.read(teams.toPath()), teams.toPath(), expected);
            }
            CourseView course = CourseView.of(TemplatePack.load(template, base, getClass().getClassLoader()));
            StaffAggregator.Outcome outcome = new StaffAggregator(log, threads).aggregate(new StaffAggregator.Request(
                    staffDirectory.toPath(), projects, folders, expected, course, mine, plan));
            Path shown = outcome.index();
            Path page = shown.startsWith(base) ? base.relativize(shown) : shown;
            getLog().info("Staff page of " + outcome.teams() + (outcome.teams() == 1 ? " team" : " teams")
                    + (mine == null ? "" : " (shard " + mine + ")") + ": " + page);
            outcome.table().forEach(line -> getLog().info("  " + line));
            outcome.notes().forEach(note -> getLog().info(note));
            if (!outcome.missing().isEmpty()) {
                getLog().warn(outcome.missing().size() + " of " + outcome.teams() + " teams "
                        + (outcome.missing().size() == 1 ? "has" : "have") + " no report:");
                outcome.missing().forEach(m -> getLog().warn("  " + m));
            }
        } catch (ReportException e) {
            MojoFailures.raise(e, base, log);
        }
    }

    /**
     * How long each module's last report:build took, from the aggregator's own summary.json (report:build writes
     * it at the end of a multi-module build), by module folder.
     */
    private Map<Path, Double> buildSeconds(Path base) {
        Map<Path, Double> seconds = new HashMap<>();
        Path file = outputDirectory.toPath().resolve("summary.json");
        if (!Files.isRegularFile(file)) {
            return seconds;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode team : root.path("teams")) {
                if (team.path("buildSeconds").isNumber() && team.hasNonNull("dir")) {
                    seconds.put(base.resolve(team.path("dir").asText()).toAbsolutePath().normalize(),
                            team.path("buildSeconds").asDouble());
                }
            }
        } catch (IOException e) {
            getLog().debug("No build times in " + file + ": " + e.getMessage());
        }
        return seconds;
    }
}
