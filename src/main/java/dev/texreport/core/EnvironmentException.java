package dev.texreport.core;

/** The machine cannot run the build: an engine is missing, a process timed out, a file cannot be written. */
public class EnvironmentException extends ReportException {
    public EnvironmentException(String message) {
        super(message);
    }

    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isUserMistake() {
        return false;
    }
}
