package dev.texreport.maven;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.report.BuildReporter;
import dev.texreport.core.report.ReactorReport;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Renders, compiles and checks every milestone of the team's report: {@code mvn report:build}. Each PDF is written
 * to {@code target/report/MILESTONE.pdf} (e.g. {@code target/report/final.pdf}) and attached to the project (type
 * {@code pdf}, classifier = the milestone).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractReportMojo {
    @Component
    MavenProjectHelper projectHelper;

    /** This project's summary.json once written, also when the build then fails. */
    private Path summary;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        try {
            buildReport();
        } finally {
            if (mavenSession != null) {
                aggregate(ReactorProgress.of(mavenSession).finished(project, summary));
            }
        }
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
        try {
            BuildRequest request = buildRequest();
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
        if (!failure.isEmpty()) {
            Throwable cause = result.failed().stream().map(MilestoneResult::failure).filter(f -> f != null)
                    .findFirst().orElse(null);
            if (result.brokenEnvironment()) {
                throw new MojoExecutionException(failure, cause);
            }
            throw new MojoFailureException(failure, cause);
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
            getLog().info("Reports of " + teams.size() + " projects (" + top.getBasedir().toPath()
                    .relativize(out.resolve("summary.md")) + "):");
            table.forEach(line -> getLog().info("  " + line));
        } catch (ReportException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
