package dev.texreport.core.tex;

import dev.texreport.core.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param sources     the project's folders TeX may read besides its working directory (the report sources)
 * @param outputDir   the report output folder (target/report); the project's TEXMFVAR and the LuaTeX sandbox
 *                    script live in its .texreport folder, outside every working directory
 */
public record CompileJob(String label, Engine engine, Path workDir, String jobName, Map<String, String> environment,
                         Duration timeout, boolean shellEscape, long sourceDateEpoch, List<Path> sources,
                         Path outputDir) {
    public CompileJob {
        environment = Map.copyOf(environment);
        sources = List.copyOf(sources);
    }

    public Path file(String extension) {
        return workDir.resolve(jobName + extension);
    }
}
