package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;

/** What the Maven goals ask of the core: a build, and a rebuild after a change a watcher saw. */
public interface ReportBuilder {
    BuildResult build(BuildRequest request) throws ReportException;

    BuildResult rebuild(BuildRequest request) throws ReportException;
}
