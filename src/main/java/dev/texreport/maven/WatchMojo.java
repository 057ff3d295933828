package dev.texreport.maven;

import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.build.ReportWatcher;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the report, then rebuilds the milestones whose sources change, printing the page budget after each build:
 * {@code mvn report:watch}. Stops on Ctrl-C; running TeX processes are killed with the JVM.
 */
@Mojo(name = "watch", threadSafe = true)
public class WatchMojo extends AbstractReportMojo {
    /**
     * Milliseconds the sources must stay unchanged before a rebuild starts. An editor's save (a temporary file, then
     * a rename) takes a few milliseconds; a longer burst of changes (a git checkout) may start a second rebuild, which
     * is correct, only extra work. Raise it if saving over a slow network share starts builds of half-written files.
     */
    @Parameter(property = "report.watchQuietMillis", defaultValue = "50")
    int quietMillis;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping the report watch (report.skip=true).");
            return;
        }
        ReportLog log = reportLog();
        ReportWatcher watcher;
        try {
            watcher = new ReportWatcher(services.apply(log), buildRequest(), log,
                    Duration.ofMillis(Math.max(0, quietMillis)));
        } catch (ReportException e) {
            MojoFailures.raise(e, project.getBasedir().toPath(), log);
            return;
        }
        Thread stopper = new Thread(watcher::close, "report-watch-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            watcher.run();
        } finally {
            watcher.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is shutting down (Ctrl-C): the hook is running or has run
            }
        }
    }
}
