package dev.texreport.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads one line of a team's file to show it under an error message. */
public final class SourceLines {
    private SourceLines() {
    }

    /** Line {@code number} (1-based) of {@code file}, or empty when the file or the line cannot be read. */
    public static String line(Path file, int number) {
        if (file == null || number <= 0 || !Files.isRegularFile(file)) {
            return "";
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.skip(number - 1L).findFirst().orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }
}
