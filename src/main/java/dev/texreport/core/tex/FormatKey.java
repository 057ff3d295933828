package dev.texreport.core.tex;

import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What identifies a preamble for {@link FormatCache}: its text up to the marker, the engine, TeX's environment. */
final class FormatKey {
    private FormatKey() {
    }

    /** The text of {@code main.tex} up to and with the marker line; empty when there is no marker. */
    static Optional<String> head(Path mainTex) throws EnvironmentException {
        String text;
        try {
            text = Files.readString(mainTex, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + mainTex + ": " + e.getMessage(), e);
        }
        int at = 0;
        for (String line : text.split("\n", -1)) {
            at += line.length() + 1;
            if (line.strip().equals(FormatCache.MARKER)) {
                return Optional.of(text.substring(0, Math.min(at, text.length())));
            }
            if (line.strip().startsWith("\\begin{document}")) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The key before any file is known: engine, its version, TeX's environment and the preamble's text. */
    static String key(Engine engine, String engineVersion, Map<String, String> environment, String head) {
        StringBuilder text = new StringBuilder("texreport format ").append(FormatCache.VERSION).append('\n')
                .append(engine.name()).append('\n').append(engineVersion).append('\n');
        new TreeMap<>(environment).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return engine.executable() + "-" + Hashes.sha256(text.append(head).toString()).substring(0, 32);
    }

    /** The files the job's search path finds before the installation, by name (the first one of each name). */
    static Map<String, Path> ownFiles(CompileJob job) {
        Map<String, Path> files = new java.util.HashMap<>();
        String path = job.environment().getOrDefault("TEXINPUTS", ".");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            boolean deep = entry.endsWith("//");
            Path folder = job.workDir().resolve(deep ? entry.substring(0, entry.length() - 2) : entry);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var walk = deep ? Files.walk(folder) : Files.list(folder)) {
                walk.filter(Files::isRegularFile).sorted()
                        .forEach(f -> files.putIfAbsent(f.getFileName().toString(), f));
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable folder hides nothing TeX could read either
            }
        }
        return files;
    }
}
