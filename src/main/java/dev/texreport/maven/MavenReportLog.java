package dev.texreport.maven;

import dev.texreport.core.ReportLog;
import org.apache.maven.plugin.logging.Log;

/** Forwards the core's messages to Maven's log. */
final class MavenReportLog implements ReportLog {
    private final Log log;

    MavenReportLog(Log log) {
        this.log = log;
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void error(String message) {
        log.error(message);
    }
}
