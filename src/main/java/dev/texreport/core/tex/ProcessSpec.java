package dev.texreport.core.tex;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One external process to run: the executable and its arguments (never a shell string), the working directory,
 * extra environment variables and the time it may take.
 *
 * @param standardOutput where the process's standard output goes, byte for byte, for a program that writes its
 *                       result there (latexdiff); null: standard output is read as lines like standard error
 */
public record ProcessSpec(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                          Duration timeout, Path standardOutput) {
    public ProcessSpec {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    public ProcessSpec(Path executable, List<String> arguments, Path workingDir, Map<String, String> environment,
                       Duration timeout) {
        this(executable, arguments, workingDir, environment, timeout, null);
    }
}
