package dev.texreport.core.tex;

import dev.texreport.core.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One document to compile.
 *
 * @param label       prefix for log lines, e.g. {@code final}
 * @param engine      the engine
 * @param workDir     the private working directory holding {@code <jobName>.tex}
 * @param jobName     the main file without {@code .tex}
 * @param environment extra variables for TeX and bibtex (search paths)
 * @param timeout     limit for each process
 * @param shellEscape whether \write18 may run commands
 * @param sourceDateEpoch the time (seconds since 1970) written into the PDF, so equal inputs give equal bytes
 */
public record CompileJob(String label, Engine engine, Path workDir, String jobName, Map<String, String> environment,
                         Duration timeout, boolean shellEscape, long sourceDateEpoch) {
    public CompileJob {
        environment = Map.copyOf(environment);
    }

    public Path file(String extension) {
        return workDir.resolve(jobName + extension);
    }
}
