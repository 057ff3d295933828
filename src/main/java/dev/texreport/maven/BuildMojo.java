package dev.texreport.maven;

import dev.texreport.core.BuildReporter;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.ReportService;
import dev.texreport.core.SourceException;
import dev.texreport.core.tex.CommonsExecProcessRunner;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Renders, compiles and checks every milestone of the team's report: {@code mvn report:build}. Each PDF is written
 * to {@code target/report/<milestone>.pdf} and attached to the project (type {@code pdf}, classifier = milestone).
 */
@Mojo(name = "build", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class BuildMojo extends AbstractReportMojo {
    @Component
    private MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the report build (report.skip=true).");
            return;
        }
        BuildRequest request = buildRequest();
        ReportLog log = new MavenReportLog(getLog());
        BuildResult result;
        try {
            result = new ReportService(new CommonsExecProcessRunner(log::debug), System.getenv("PATH"), log)
                    .build(request);
        } catch (SourceException e) {
            e.diagnostics().forEach(d -> getLog().error(d.format(request.projectDir())));
            throw new MojoFailureException("Report build failed: " + e.getMessage() + " (listed above)");
        } catch (ReportException e) {
            if (e.isUserMistake()) {
                throw new MojoFailureException(e.getMessage());
            }
            throw new MojoExecutionException(e.getMessage());
        }
        BuildReporter reporter = new BuildReporter(request.projectDir());
        reporter.logProblems(result, log);
        for (MilestoneResult milestone : result.milestones()) {
            if (milestone.pdf() != null && projectHelper != null) {
                projectHelper.attachArtifact(project, "pdf", milestone.id(), milestone.pdf().toFile());
            }
        }
        reporter.closingLines(result).forEach(getLog()::info);
        if (!result.passed()) {
            String summary = reporter.failureSummary(result);
            if (result.brokenEnvironment()) {
                throw new MojoExecutionException(summary);
            }
            throw new MojoFailureException(summary);
        }
    }
}
