package dev.texreport.core.report;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where inputs come from: a results file's content hash, and what git knows (the commit that last changed a file,
 * and when). Git is asked through the process runner; when git is absent or the file is not committed there is
 * simply no answer.
 */
public final class Provenance {
    /** git's exit code for "fatal: ...", which outside a repository says "not a git repository". */
    private static final int NOT_A_REPOSITORY = 128;
    private final ProcessRunner runner;
    private final String path;
    private final Path projectDir;
    private final Map<List<String>, Optional<String>> answers = new ConcurrentHashMap<>();
    private volatile boolean outsideRepository;

    public Provenance(ProcessRunner runner, String path, Path projectDir) {
        this.runner = runner;
        this.path = path;
        this.projectDir = projectDir;
    }

    public Optional<String> lastCommit(Path file) {
        return gitLog("%H", file).filter(commit -> commit.matches("[0-9a-f]{40}"));
    }

    /** When the last commit that touched {@code path} was made, in seconds since 1970. */
    public Optional<Long> lastCommitTime(Path path) {
        return gitLog("%ct", path).filter(time -> time.matches("\\d+")).map(Long::parseLong);
    }

    /** The commit git's HEAD names, or empty outside git (or without git). */
    public Optional<String> head() {
        return git(List.of("rev-parse", "--verify", "-q", "HEAD")).filter(commit -> commit.matches("[0-9a-f]{40,64}"));
    }

    private Optional<String> gitLog(String format, Path path) {
        return git(List.of("log", "-1", "--format=" + format, "--", projectDir.relativize(path).toString()));
    }

    /**
     * Git's answer, asked once per build: the summaries ask about the same results file for every milestone that
     * uses it. Outside a repository, git is asked once in all (each question would only be refused again).
     */
    private Optional<String> git(List<String> arguments) {
        if (outsideRepository) {
            return Optional.empty();
        }
        return answers.computeIfAbsent(arguments, this::ask);
    }

    private Optional<String> ask(List<String> arguments) {
        try {
            Path git = new EngineLocator(null, this.path).locate("git");
            ProcessOutcome outcome = runner.run(new ProcessSpec(git, arguments, projectDir, Map.of(),
                    Duration.ofSeconds(20)));
            if (outcome.exitCode() == NOT_A_REPOSITORY
                    && outcome.output().stream().anyMatch(l -> l.contains("not a git repository"))) {
                outsideRepository = true;
            }
            String answer = outcome.output().isEmpty() ? "" : outcome.output().get(0).strip();
            return outcome.succeeded() && !answer.isEmpty() ? Optional.of(answer) : Optional.empty();
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
    }
}
