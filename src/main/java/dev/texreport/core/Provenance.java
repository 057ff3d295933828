package dev.texreport.core;

import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a results file's numbers come from: its content hash, and the git commit that last changed it when the
 * project is a git repository (asked from git itself; no commit is recorded when git is absent or the file is new).
 */
final class Provenance {
    private final ProcessRunner runner;
    private final String path;
    private final Path projectDir;

    Provenance(ProcessRunner runner, String path, Path projectDir) {
        this.runner = runner;
        this.path = path;
        this.projectDir = projectDir;
    }

    static String sha256(Path file) throws EnvironmentException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Optional<String> lastCommit(Path file) {
        try {
            Path git = new EngineLocator(null, path).locate("git");
            ProcessOutcome outcome = runner.run(new ProcessSpec(git, List.of("log", "-1", "--format=%H", "--",
                    projectDir.relativize(file).toString()), projectDir, Map.of(), Duration.ofSeconds(20)));
            String commit = outcome.output().isEmpty() ? "" : outcome.output().get(0).strip();
            return outcome.succeeded() && commit.matches("[0-9a-f]{40}") ? Optional.of(commit) : Optional.empty();
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
    }
}
