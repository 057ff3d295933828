package dev.texreport.core;

/** Where the core reports progress. The Maven adapter forwards to Maven's log; tests collect lines. */
public interface ReportLog {
    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message);

    /** A log that drops everything, for callers that only want the result. */
    ReportLog SILENT = new ReportLog() {
        @Override public void debug(String message) { }
        @Override public void info(String message) { }
        @Override public void warn(String message) { }
        @Override public void error(String message) { }
    };
}
