package dev.texreport.core.tex;

import dev.texreport.core.Diagnostic;
import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.SourceLocation;
import dev.texreport.core.sandbox.BcfCheck;
import dev.texreport.core.sandbox.LuaSandbox;
import dev.texreport.core.sandbox.RecorderCheck;
import dev.texreport.core.sandbox.SandboxRoots;
import dev.texreport.core.sandbox.TexEnvironment;
import dev.texreport.core.sandbox.XdvReader;
import dev.texreport.core.sandbox.XdvSpecialCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * (Over the house's 250 lines on purpose: every engine's command line, its checks after a pass, a picture's job
 * and the format dump, and XeLaTeX's driver run, are the one place where the sandbox meets the engine.)
 *
 * Holds one compile job to the rule that a report reads only its own sources and the TeX installation and writes
 * only into its working directory, for every engine:
 * <ul>
 *   <li>every process gets only the environment TeX needs ({@link TexEnvironment}: no CI secrets) with kpathsea's
 *       own switches (openin_any/openout_any paranoid, shell escape off), and a TEXMFVAR of the project's own;</li>
 *   <li>LuaLaTeX starts with the Lua sandbox ({@link LuaSandbox}: Lua's io, os, lfs and the other libraries that
 *       open files by name are checked against the same folders) and without sockets;</li>
 *   <li>after every pass, every file the engine read or wrote ({@code -recorder}'s .fls) must lie inside those
 *       folders ({@link RecorderCheck}), and the Lua sandbox must have refused nothing;</li>
 *   <li>XeLaTeX writes XDV only; its PDF driver runs once at the end, after every file a special names was checked
 *       ({@link XdvSpecialCheck}): xdvipdfmx itself ignores openin_any;</li>
 *   <li>biber runs only when the .bcf names no file or URL outside ({@link BcfCheck}).</li>
 * </ul>
 * A violation stops the build with a {@link TexFailure} whose diagnostics say what was refused.
 */
final class JobSandbox {
    private final CompileJob job;
    private final SandboxRoots roots;
    private final Map<String, String> environment;
    private final Path luaScript;

    JobSandbox(CompileJob job, Toolchain toolchain, ProcessRunner runner, Map<String, String> parentEnvironment)
            throws EnvironmentException {
        this.job = job;
        Path varDirectory = TexEnvironment.varDirectory(job.outputDir());
        Map<String, String> environment = new TreeMap<>(TexEnvironment.forTex(parentEnvironment, varDirectory));
        environment.putAll(job.environment());
        environment.put("openin_any", "p");
        environment.put("openout_any", "p");
        environment.put("max_print_line", "100000");
        environment.put("error_line", "254");
        environment.put("half_error_line", "238");
        environment.put("shell_escape", job.shellEscape() ? "t" : "f");
        // Byte-identical output: dates, \today and the trailer ID come from this time, not from the clock.
        environment.put("SOURCE_DATE_EPOCH", Long.toString(job.sourceDateEpoch()));
        environment.put("FORCE_SOURCE_DATE", "1");
        this.environment = Map.copyOf(environment);
        // The project's preamble formats (FormatCache) are read like the installation's own formats.
        List<Path> readable = new ArrayList<>(job.sources());
        readable.add(FormatCache.directory(job.outputDir()));
        this.roots = SandboxRoots.of(job.workDir(), readable, varDirectory,
                toolchain.installation(runner, this.environment, job.workDir(),
                        job.outputDir().resolve(".texreport").resolve("tex-installation.txt")));
        this.luaScript = LuaSandbox.scriptFile(job.outputDir(), job.label());
    }

    /** The whole environment of every process of this job. */
    Map<String, String> environment() {
        return environment;
    }

    /** Whether the Lua sandbox applies: LuaLaTeX without shell escape (which opens everything anyway). */
    private boolean lua() {
        return job.engine() == Engine.LUALATEX && !job.shellEscape();
    }

    /** The engine's command line for a plain pass. */
    List<String> engineArguments() {
        return engineArguments(null);
    }

    /**
     * The engine's command line for a pass.
     *
     * @param format a preamble format to start from ({@link FormatCache}), or null
     */
    List<String> engineArguments(Path format) {
        List<String> arguments = new ArrayList<>(commonArguments());
        if (format != null) {
            String name = format.toString();
            arguments.add("-fmt=" + name.substring(0, name.length() - ".fmt".length()));
        }
        arguments.add(job.jobName() + ".tex");
        return arguments;
    }

    /**
     * The command line of an engine started ahead of its pass from {@code format} ({@link StandbyEngines}): the
     * pass's own, with the job named and the held start in place of the main file. Empty under the Lua sandbox,
     * whose script is written again just before each pass.
     */
    Optional<List<String>> standbyArguments(Path format) {
        if (lua()) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>(engineArguments(format));
        arguments.remove(arguments.size() - 1);
        arguments.add("-jobname=" + job.jobName());
        arguments.add(StandbyTex.commandLine());
        return Optional.of(arguments);
    }

    /**
     * The command line of the run that dumps the preamble into a format: the same switches as a pass, from the
     * engine's own LaTeX format, with the plugin's driver and mylatexformat before the document.
     */
    List<String> dumpArguments(String formatJob, String document) {
        List<String> arguments = new ArrayList<>(List.of("-ini", "-jobname=" + formatJob));
        arguments.addAll(commonArguments());
        arguments.remove("-halt-on-error");  // the driver's \showlists counts as an error; FormatCache reads the log
        arguments.addAll(List.of("&" + job.engine().executable(), FormatDump.DRIVER, "mylatexformat.ltx", document));
        return arguments;
    }

    private List<String> commonArguments() {
        List<String> arguments = new ArrayList<>();
        if (lua()) {
            arguments.addAll(LuaSandbox.engineArguments(luaScript));
        }
        if (job.engine() == Engine.XELATEX) {
            arguments.add("-no-pdf");
        }
        if (job.engine() != Engine.LUALATEX) {
            // A "%&format" first line must not choose what the engine loads (LuaTeX ignores such lines anyway).
            arguments.add("-no-parse-first-line");
        }
        arguments.add("-interaction=nonstopmode");
        arguments.add("-halt-on-error");
        arguments.add("-file-line-error");
        arguments.add("-recorder");
        arguments.add(job.shellEscape() ? "-shell-escape" : "-no-shell-escape");
        return arguments;
    }

    /** What a successful pass leaves: the PDF, or XeLaTeX's XDV. */
    Path passOutput() {
        return job.file(job.engine() == Engine.XELATEX ? ".xdv" : ".pdf");
    }

    /** Before each pass: the Lua sandbox is written again, so nothing a run left can change it. */
    void beforePass() throws EnvironmentException {
        if (lua()) {
            LuaSandbox.install(luaScript, roots, job.jobName());
        }
    }

    /** After each pass: what the engine read and wrote, and what the Lua sandbox refused. */
    void afterPass(List<String> logLines) throws TexFailure, EnvironmentException {
        afterRun(job.file(".fls"), logLines);
    }

    /** After any run of the engine over the document (a pass, a format dump): the checks on its recorder file. */
    void afterRun(Path fls, List<String> logLines) throws TexFailure, EnvironmentException {
        check(fls, job.file(".log"), logLines);
    }

    /**
     * The command line of a picture's job ({@link FigureJobs}): the pass's own, with tikz's job name and input in
     * place of the main file, as tikz's {@code mode=list and make} would run it (without a shell), and the picture's
     * own Lua sandbox script (jobs run at the same time).
     *
     * @param format the preamble format the document's passes start from, or null
     */
    List<String> figureArguments(String name, Path format) throws EnvironmentException {
        List<String> arguments = new ArrayList<>(engineArguments(format));
        arguments.remove(arguments.size() - 1);
        if (lua()) {
            Path script = figureScript(name);
            LuaSandbox.install(script, roots, name);
            arguments.replaceAll(a -> a.startsWith("--lua=") ? LuaSandbox.engineArguments(script).get(0) : a);
        }
        arguments.add("-jobname=" + name);
        if (format == null) {
            arguments.add("\\def\\tikzexternalrealjob{" + job.jobName() + "}\\input{" + job.jobName() + "}");
        } else {
            // A format skips all input up to its marker, this command line too; the document defines
            // \tikzexternalrealjob right after the marker instead (DocumentModel's formatMarker).
            arguments.add(job.jobName() + ".tex");
        }
        return arguments;
    }

    private Path figureScript(String name) {
        return LuaSandbox.scriptFile(job.outputDir(), job.label() + "-" + name.replace('/', '-'));
    }

    /** After a picture's job: the same checks as after a pass, on its own recorder file and log. */
    void afterFigure(String name, List<String> logLines) throws TexFailure, EnvironmentException {
        check(job.workDir().resolve(name + ".fls"), job.workDir().resolve(name + ".log"), logLines);
    }

    /** What a successful picture's job leaves: the PDF, or XeLaTeX's XDV. */
    Path figureOutput(String name) {
        return job.workDir().resolve(name + (job.engine() == Engine.XELATEX ? ".xdv" : ".pdf"));
    }

    /** The picture's PDF; for XeLaTeX, its XDV checked and turned into a PDF as {@link #finish} does. */
    Path finishFigure(String name, ProcessRunner runner, Toolchain toolchain) throws TexFailure, EnvironmentException {
        return job.engine() == Engine.XELATEX ? drive(name, runner, toolchain) : job.workDir().resolve(name + ".pdf");
    }

    private void check(Path fls, Path log, List<String> logLines) throws TexFailure, EnvironmentException {
        List<Diagnostic> problems = new ArrayList<>();
        try {
            problems.addAll(RecorderCheck.diagnostics(new RecorderCheck(roots).outside(fls), fls));
        } catch (RecorderCheck.TamperedException e) {
            problems.add(Diagnostic.error(SourceLocation.of(fls, 0), "the document overwrote TeX's own record of"
                    + " the files it read (" + e.getMessage() + "); a report may not write its .fls file"));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + fls + ": " + e.getMessage(), e);
        }
        if (lua()) {
            for (String refusal : LuaSandbox.refusals(logLines)) {
                problems.add(Diagnostic.error(SourceLocation.of(log, 0), refusal
                        + "; a report may read only its own sources and the TeX installation, and write only into its"
                        + " working directory"));
            }
        }
        if (!problems.isEmpty()) {
            throw new TexFailure("the document reached outside the project", List.of(), List.of(), problems);
        }
    }

    /** Before biber: its control file must name no file or URL outside (biber ignores openin_any). */
    void beforeBiber() throws TexFailure, EnvironmentException {
        try {
            List<String> problems = new BcfCheck(roots).problems(job.file(".bcf"));
            if (!problems.isEmpty()) {
                List<Diagnostic> diagnostics = new ArrayList<>();
                problems.forEach(p -> diagnostics.add(Diagnostic.error(SourceLocation.of(job.file(".bcf"), 0),
                        "biber was asked for " + p + "; a report may use only the bibliography files of the project")));
                throw new TexFailure("biber was asked for files outside the project", List.of(), List.of(),
                        diagnostics);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.file(".bcf") + ": " + e.getMessage(), e);
        }
    }

    /**
     * After the last pass: the PDF. For XeLaTeX, the XDV's specials and fonts are checked and xdvipdfmx makes the
     * PDF once; the other engines wrote it themselves.
     */
    Path finish(ProcessRunner runner, Toolchain toolchain) throws TexFailure, EnvironmentException {
        if (job.engine() != Engine.XELATEX) {
            return job.file(".pdf");
        }
        return drive(job.jobName(), runner, toolchain);
    }

    private Path drive(String jobName, ProcessRunner runner, Toolchain toolchain)
            throws TexFailure, EnvironmentException {
        Path xdv = job.workDir().resolve(jobName + ".xdv");
        Path pdf = job.workDir().resolve(jobName + ".pdf");
        List<String> problems;
        try {
            problems = new XdvSpecialCheck(roots).problems(XdvReader.read(xdv));
        } catch (IOException e) {
            problems = List.of("an XDV file the plugin cannot read (" + e.getMessage() + ")");
        }
        if (!problems.isEmpty()) {
            throw new TexFailure("the document asked for files outside the project", List.of(), List.of(),
                    XdvSpecialCheck.diagnostics(problems, xdv));
        }
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.program("xdvipdfmx"),
                XdvSpecialCheck.driverArguments(jobName), job.workDir(), environment, job.timeout()));
        if (outcome.timedOut()) {
            throw new EnvironmentException("xdvipdfmx did not finish within " + job.timeout().toSeconds()
                    + " s (report.timeout) and was stopped.");
        }
        if (!outcome.succeeded() || !Files.isRegularFile(pdf)) {
            throw new TexFailure("xdvipdfmx could not make the PDF", List.of(), TexFiles.tail(outcome.output()));
        }
        return pdf;
    }
}
