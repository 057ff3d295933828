package dev.texreport.core;

import java.nio.file.Path;

/** Paths as messages and summaries show them: relative to the project, with forward slashes on every system. */
public final class ProjectPaths {
    private ProjectPaths() {
    }

    /** {@code file} relative to {@code base} when it lies below it, else as it is; always with '/'. */
    public static String relative(Path base, Path file) {
        Path shown = base != null && file.isAbsolute() && file.startsWith(base) ? base.relativize(file) : file;
        return slashes(shown);
    }

    /** The path with '/' as separator. */
    public static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }
}
