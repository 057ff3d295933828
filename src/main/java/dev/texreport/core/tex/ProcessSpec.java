package dev.texreport.core.tex;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One external process to run: the executable and its arguments (never a shell string), the working directory,
 * its environment and the time it may take.
 *
 * @param environment    variables added to the build's own environment, or, when {@code inherit} is false, the
 *                       whole environment of the process (TeX gets only what it needs, never the CI's secrets)
 * @param inherit        whether the process starts from the build's environment
 * @param standardOutput where the process's standard output goes, byte for byte, for a program that writes its
 *                       result there (latexdiff); null: standard output is read as lines like standard error
 */
public record ProcessSpec(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                          Duration timeout, boolean inherit, Path standardOutput) {
    public ProcessSpec {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public ProcessSpec(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                       Duration timeout, boolean inherit) {
        this(executable, arguments, workingDir, environment, timeout, inherit, null);
    }

    /** A process that starts from the build's environment plus {@code environment} (git, engine versions). */
    public ProcessSpec(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                       Duration timeout) {
        this(executable, arguments, workingDir, environment, timeout, true);
    }

    /** A TeX process: exactly {@code environment}, nothing inherited. */
    static ProcessSpec tex(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                           Duration timeout) {
        return new ProcessSpec(executable, arguments, workingDir, environment, timeout, false);
    }
}
