package dev.texreport.core;

import java.nio.file.Path;

/**
 * One message for the user about their sources: where (if known), what, and the offending source line.
 *
 * @param severity   error or warning
 * @param location   the file and line in the team's sources, or null when no file can be named
 * @param message    what is wrong, in TeX's or FreeMarker's words made readable
 * @param sourceLine the text of the offending line, or empty
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String sourceLine) {
    public enum Severity { ERROR, WARNING }

    public Diagnostic {
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    public static Diagnostic error(SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, location, message, "");
    }

    public static Diagnostic warning(SourceLocation location, String message) {
        return new Diagnostic(Severity.WARNING, location, message, "");
    }

    public Diagnostic withSourceLine(String line) {
        return new Diagnostic(severity, location, message, line);
    }

    /** One line {@code file:line: message}, followed by the source line when there is one. */
    public String format(Path base) {
        String head = location == null ? message : location.describe(base) + ": " + message;
        if (sourceLine.isBlank() || location == null) {
            return head;
        }
        return head + System.lineSeparator() + "    " + location.line() + " | " + sourceLine.strip();
    }
}
