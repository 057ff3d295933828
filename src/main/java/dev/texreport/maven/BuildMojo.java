package dev.texreport.maven;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.report.BuildReporter;
import dev.texreport.core.report.ReactorReport;
import dev.texreport.core.staff.MilestoneComparison;
import dev.texreport.core.staff.Shard;
import dev.texreport.core.staff.ShardPlan;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Renders, compiles and checks every milestone of the team's report: {@code mvn report:build}. Each PDF is written
 * to {@code target/report/MILESTONE.pdf} (e.g. {@code target/report/final.pdf}) and attached to the project (type
 * {@code pdf}, classifier = the milestone).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractReportMojo {
    /**
     * In a staff aggregator: build only this share of the team modules, as {@code INDEX/COUNT} (e.g. {@code 2/3}),
     * for a CI matrix where each runner builds one shard. The split is the same on every runner, and balanced by
     * the build times of the last staff summary ({@code report.shardTimes}) when there is one.
     */
    @Parameter(property = "report.shard")
    String shard;

    /**
     * The staff summary whose build times balance the shards; default: the aggregator's
     * {@code target/report/staff/summary.json} (what report:aggregate wrote last).
     */
    @Parameter(property = "report.shardTimes")
    File shardTimes;

    /**
     * After the build, compare each milestone with the one before it (midterm with proposal, final with midterm):
     * latexdiff on the generated sources, typeset like a milestone, into {@code target/report/compare/}. For staff
     * feedback; needs latexdiff.
     */
    @Parameter(property = "report.compare", defaultValue = "false")
    boolean compare;

    @Component
    MavenProjectHelper projectHelper;

    /** Makes the change views (tests put a fake here). */
    Function<ReportLog, Comparer> comparers = log -> new MilestoneComparison(new CommonsExecProcessRunner(log::debug),
            System.getenv(), log)::compare;

    /** What makes the change views of a built project. */
    @FunctionalInterface
    interface Comparer {
        List<MilestoneComparison.Result> compare(BuildRequest request, List<String> milestones)
                throws ReportException;
    }

    /** This project's summary.json once written, also when the build then fails. */
    private Path summary;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        long start = System.nanoTime();
        try {
            if (!otherShard()) {
                buildReport();
            }
        } finally {
            if (mavenSession != null) {
                aggregate(ReactorProgress.of(mavenSession).finished(project, summary,
                        (System.nanoTime() - start) / 1e9));
            }
        }
    }

    /** In a sharded staff build: whether this module belongs to another shard (then it is skipped). */
    private boolean otherShard() throws MojoFailureException {
        if (skip || shard == null || shard.isBlank()) {
            return false;
        }
        Shard mine;
        try {
            mine = Shard.parse(shard);
        } catch (ReportException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (mavenSession == null || mavenSession.getProjects().size() < 2) {
            getLog().warn("report.shard=" + mine + " splits the team modules of an aggregator; this build has one "
                    + "project, which is built.");
            return false;
        }
        if (!StaffTeams.isTeam(project)) {
            return false;
        }
        Path times = shardTimes == null ? null : shardTimes.toPath();
        ShardPlan plan = ReactorProgress.of(mavenSession).plan(() -> StaffTeams.plan(mavenSession, mine, times));
        String team = StaffTeams.name(project);
        if (plan.builds(mine, team)) {
            return false;
        }
        getLog().info("[shard " + mine + "] " + team + " is built by shard " + plan.shardOf(team) + "/"
                + mine.count() + "; skipped here.");
        return true;
    }

    private void buildReport() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the report build (report.skip=true).");
            return;
        }
        if (!sourceDirectory.isDirectory() && mavenSession != null && mavenSession.getProjects().size() > 1) {
            getLog().info("No " + project.getBasedir().toPath().relativize(sourceDirectory.toPath())
                    + " in " + project.getArtifactId() + "; nothing to build in this module.");
            return;
        }
        ReportLog log = reportLog();
        Path projectDir = project.getBasedir().toPath();
        BuildResult result;
        BuildRequest request;
        try {
            request = buildRequest();
            result = services.apply(log).build(request);
        } catch (ReportException e) {
            MojoFailures.raise(e, projectDir, log);
            return;
        }
        summary = result.summaryJson();
        for (MilestoneResult milestone : result.milestones()) {
            if (milestone.pdf() != null && projectHelper != null) {
                projectHelper.attachArtifact(project, "pdf", milestone.id(), milestone.pdf().toFile());
            }
        }
        String failure = new BuildReporter(projectDir).report(result, log, null);
        if (compare) {
            compare(request, result, log);
        }
        if (!failure.isEmpty()) {
            Throwable cause = result.failed().stream().map(MilestoneResult::failure).filter(f -> f != null)
                    .findFirst().orElse(null);
            if (result.brokenEnvironment()) {
                throw new MojoExecutionException(failure, cause);
            }
            throw new MojoFailureException(failure, cause);
        }
    }

    /** The change views never fail the build: what goes wrong is a warning. */
    private void compare(BuildRequest request, BuildResult result, ReportLog log) {
        try {
            comparers.apply(log).compare(request, result.milestones().stream().map(MilestoneResult::id).toList());
        } catch (ReportException e) {
            log.warn("[compare] no change views: " + e.getMessage());
        }
    }

    /** At the end of a multi-module build: one table of every team's milestones, in the log and in files. */
    private void aggregate(List<ReactorReport.Team> teams) throws MojoExecutionException {
        if (teams.isEmpty()) {
            return;
        }
        MavenProject top = mavenSession.getTopLevelProject();
        // The same output folder as the modules', relative to the aggregator (target/report by default).
        Path relative = project.getBasedir().toPath().relativize(outputDirectory.toPath());
        Path out = relative.isAbsolute() ? relative : top.getBasedir().toPath().resolve(relative).normalize();
        try {
            List<String> table = new ReactorReport().write(out, top.getBasedir().toPath(), teams);
            getLog().info("Reports of " + teams.size() + (teams.size() == 1 ? " project (" : " projects (")
                    + top.getBasedir().toPath()
                    .relativize(out.resolve("summary.md")) + "):");
            table.forEach(line -> getLog().info("  " + line));
        } catch (ReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
