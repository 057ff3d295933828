package dev.texreport.core;

/**
 * Base of every failure the core reports. {@link #isUserMistake()} separates what the team must fix in its
 * sources (the build fails) from a broken environment such as a missing engine or a timeout (the build errors).
 * The message is written for the user and never needs a stack trace to be understood.
 */
public abstract class ReportException extends Exception {
    protected ReportException(String message) {
        super(message);
    }

    protected ReportException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract boolean isUserMistake();
}
