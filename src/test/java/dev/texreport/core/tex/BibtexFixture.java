package dev.texreport.core.tex;

import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A working directory and a report source directory laid out as a milestone build lays them out (bibtex finds the
 * team's .bib through BIBINPUTS = working directory, then the source directory), and the real bibtex, pdflatex and
 * biber run in it with the environment the compiler gives them.
 */
final class BibtexFixture {
    final Path work;
    final Path src;
    private final EngineLocator locator = new EngineLocator(null, System.getenv("PATH"));
    private final ProcessRunner runner = new CommonsExecProcessRunner();

    BibtexFixture(Path root) throws IOException {
        this.work = Files.createDirectories(root.resolve("work"));
        this.src = Files.createDirectories(root.resolve("src"));
    }

    CompileJob job() {
        return new CompileJob("test", Engine.PDFLATEX, work, "main",
                Map.of("BIBINPUTS", "." + File.pathSeparator + src + File.pathSeparator), Duration.ofSeconds(60),
                false, 0L, List.of(src), work.resolveSibling("out"));
    }

    /** The environment TexCompiler gives TeX and bibtex for {@link #job()}. */
    Map<String, String> environment() throws EnvironmentException {
        return new JobSandbox(job(), Toolchain.locate(locator, Engine.PDFLATEX), runner, System.getenv())
                .environment();
    }

    BibtexFixture source(String name, String text) throws IOException {
        write(src.resolve(name), text);
        return this;
    }

    BibtexFixture working(String name, String text) throws IOException {
        write(work.resolve(name), text);
        return this;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    ProcessOutcome run(String program, String... arguments) throws EnvironmentException {
        return runner.run(new ProcessSpec(locator.locate(program), List.of(arguments), work, environment(),
                Duration.ofSeconds(60)));
    }

    ProcessOutcome bibtex() throws EnvironmentException {
        return run("bibtex", "main");
    }

    ProcessOutcome pdflatex() throws EnvironmentException {
        return run("pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-file-line-error", "-no-shell-escape",
                "main.tex");
    }

    List<String> lines(String name) throws IOException {
        Path file = work.resolve(name);
        return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
    }

    /** Runs bibtex on {@code main.aux} and reads its .blg and output into messages. */
    List<TexMessage> bibtexMessages() throws Exception {
        ProcessOutcome outcome = bibtex();
        return BibtexLog.forJob(work, environment()).bibtex(lines("main.blg"), outcome.output());
    }

    boolean has(String program) {
        try {
            locator.locate(program);
            return true;
        } catch (EnvironmentException e) {
            return false;
        }
    }
}
