package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;

/** What the Maven goals ask of the core: a build, and a rebuild after a change a watcher saw. */
public interface ReportBuilder {
    BuildResult build(BuildRequest request) throws ReportException;

    BuildResult rebuild(BuildRequest request) throws ReportException;

    /**
     * Between a watcher's builds: starts what makes the next rebuild faster (engines waiting with the preamble
     * format loaded, for the milestones the last build compiled). Does nothing unless a watcher calls it.
     */
    default void prepareNext() {
    }

    /** Stops what {@link #prepareNext} started; the watcher calls it when it stops. */
    default void stopPrepared() {
    }
}
