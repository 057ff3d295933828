package dev.texreport.maven;

import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.SourceException;
import dev.texreport.core.report.BuildReporter;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The one translation of the core's failures into Maven's two kinds, keeping the cause: a mistake in the team's
 * sources or settings fails the build ({@link MojoFailureException}, no stack trace), a broken environment (a
 * missing engine, a timeout, a file that cannot be written) is an execution error with the core's hint. Problems
 * with a place in the sources are logged first, each at its place; the exception then sums them up.
 */
final class MojoFailures {
    private MojoFailures() {
    }

    /** Logs what {@code e} found in the sources and returns the exception to throw. */
    static Exception of(ReportException e, Path projectDir, ReportLog log) {
        if (e instanceof SourceException source && !source.diagnostics().isEmpty()) {
            new BuildReporter(projectDir).logFailure(e, log);
            return new MojoFailureException("Report build failed: " + e.getMessage() + " (listed above)", e);
        }
        return e.isUserMistake() ? new MojoFailureException(e.getMessage(), e)
                : new MojoExecutionException(e.getMessage(), e);
    }

    /** Throws what {@link #of} returns, typed for a Mojo's {@code execute}. */
    static void raise(ReportException e, Path projectDir, ReportLog log)
            throws MojoExecutionException, MojoFailureException {
        Exception mapped = of(e, projectDir, log);
        if (mapped instanceof MojoFailureException failure) {
            throw failure;
        }
        throw (MojoExecutionException) mapped;
    }
}
