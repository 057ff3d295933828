package dev.texreport.core;

import java.nio.file.Path;

/**
 * A place in a file the user wrote, printed as {@code file:line:column} relative to the project.
 * Line and column are 1-based; 0 means unknown.
 */
public record SourceLocation(Path file, int line, int column) {
    public static SourceLocation of(Path file, int line) {
        return new SourceLocation(file, line, 0);
    }

    /** Renders the location relative to {@code base} when the file lies below it. */
    public String describe(Path base) {
        Path shown = file;
        if (base != null && file.isAbsolute() && file.startsWith(base)) {
            shown = base.relativize(file);
        }
        StringBuilder text = new StringBuilder(ProjectPaths.slashes(shown));
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }
}
