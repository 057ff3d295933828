package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine and bibtex/biber until the files TeX reads back stop changing ({@link PassPlanner}), starting
 * from the last build's auxiliary files when there are some ({@link AuxSeed}) and from the preamble's cached format
 * when there is one ({@link FormatCache}). A build that fails that way is retried plainly, from scratch, so neither
 * an old .aux nor a format can break a build.
 *
 * <p>No pass runs with {@code -draftmode}: it saved about 0.05 s of a 0.8 s pass on the demo's final (measured), and
 * which pass is the last one is only known after it ran, so a wrong guess costs a whole extra pass.
 */
public final class TexCompiler {
    public static final int MAX_PASSES = PassPlanner.MAX_PASSES;

    private final ProcessRunner runner;
    private final Toolchain toolchain;
    private final TexLogParser parser;
    private final ReportLog log;
    private final Map<String, String> parentEnvironment;
    private final FormatCache formats;
    private final Executor figureExecutor;
    private final StandbyEngines standbys;

    /**
     * @param parentEnvironment the build's environment, of which TeX gets only what it needs
     *                          ({@link dev.texreport.core.sandbox.TexEnvironment})
     */
    public TexCompiler(ProcessRunner runner, Toolchain toolchain, TexLogParser parser, ReportLog log,
                       Map<String, String> parentEnvironment) {
        this(runner, toolchain, parser, log, parentEnvironment, null, 1, null);
    }

    /**
     * @param formats  the preamble formats of this build, or null: every pass loads the preamble itself
     * @param threads  how many picture jobs ({@link FigureJobs}) of the build may run at once
     * @param standbys engines started ahead of a first pass from a format, or null (report:watch keeps them
     *                 between its builds)
     */
    public TexCompiler(ProcessRunner runner, Toolchain toolchain, TexLogParser parser, ReportLog log,
                       Map<String, String> parentEnvironment, FormatCache formats, int threads,
                       StandbyEngines standbys) {
        this.standbys = standbys;
        this.formats = formats;
        this.runner = runner;
        this.toolchain = toolchain;
        this.parser = parser;
        this.log = log;
        this.parentEnvironment = Map.copyOf(parentEnvironment);
        this.figureExecutor = figurePool(Math.max(1, threads));
    }

    /**
     * The build's pool for picture jobs, shared by its milestones. Its threads end on their own a little after the
     * last job (each job waits for its TeX process, so no process outlives the build).
     */
    private static Executor figurePool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 2, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "report-picture");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Compiles from scratch. */
    public CompileOutcome compile(CompileJob job) throws EnvironmentException, TexFailure {
        return compile(job, null);
    }

    /** Compiles starting from {@code seed}'s files when it has any (null: from scratch). */
    public CompileOutcome compile(CompileJob job, AuxSeed seed) throws EnvironmentException, TexFailure {
        List<String> planted = seed == null ? List.of() : seed.plant(job);
        JobSandbox sandbox = new JobSandbox(job, toolchain, runner, parentEnvironment);
        FormatCache.Format format = formats == null ? null
                : formats.prepare(job, sandbox, runner, toolchain).orElse(null);
        if (planted.isEmpty() && format == null) {
            return run(job, sandbox, List.of(), null, new AtomicInteger());
        }
        AtomicInteger passes = new AtomicInteger();
        try {
            return run(job, sandbox, planted, format, passes);
        } catch (TexFailure failure) {
            // A format that got through a pass works: a later failure (references that never settle, ...) is the
            // document's, and plain passes would only repeat it.
            boolean formatSuspect = format != null && passes.get() <= 1;
            if (planted.isEmpty() && !formatSuspect) {
                throw failure;
            }
            String without = planted.isEmpty() ? "the preamble format" : formatSuspect
                    ? "the previous build's auxiliary files and the preamble format"
                    : "the previous build's auxiliary files";
            log.info("[" + job.label() + "] retrying without " + without);
            AuxSeed.uproot(job, planted);
            CompileOutcome retried = run(job, new JobSandbox(job, toolchain, runner, parentEnvironment), List.of(),
                    formatSuspect ? null : format, new AtomicInteger());
            if (formatSuspect && planted.isEmpty()) {
                log.debug("[" + job.label() + "] passes from the preamble format failed where plain passes "
                        + "succeed; it is not used again: " + failure.getMessage());
                formats.distrust(format, "passes from it failed where plain passes succeed (" + failure.getMessage()
                        + ")");
            }
            return retried;
        }
    }

    /** @param passes counts the passes started, for the caller to tell a format that never worked */
    private CompileOutcome run(CompileJob job, JobSandbox sandbox, List<String> planted, FormatCache.Format format,
                               AtomicInteger passes) throws EnvironmentException, TexFailure {
        usePage(job, format);
        AuxSnapshot start;
        try {
            start = planted.isEmpty() ? AuxSnapshot.empty() : AuxSnapshot.ofFiles(job.workDir(), planted);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
        FigureJobs figures = new FigureJobs(job, sandbox, runner, toolchain, parser, log, figureExecutor,
                format == null ? null : format.file());
        figures.prepare();
        start = start.with(FigureJobs.STATE, figures.state());
        PassPlanner planner = new PassPlanner(start);
        BibliographyRunner bibliography = new BibliographyRunner(runner, toolchain, log, job, sandbox,
                !planted.isEmpty());
        String reason = planted.isEmpty() ? "first pass" : "first pass, from the previous build's .aux";
        String name = job.engine().executable();
        for (int pass = 1; ; pass++) {
            passes.set(pass);
            sandbox.beforePass();
            ProcessOutcome outcome = pass == 1 && standbys != null && format != null
                    ? standbys.firstPass(job, sandbox, toolchain.enginePath(), format.file()).orElse(null) : null;
            boolean heldStart = outcome != null;
            if (outcome == null) {
                outcome = runner.run(ProcessSpec.tex(toolchain.enginePath(), sandbox.engineArguments(
                        format == null ? null : format.file()), job.workDir(), sandbox.environment(), job.timeout()));
            }
            if (outcome.timedOut()) {
                throw new EnvironmentException(name + " pass " + pass + " did not finish "
                        + "within " + job.timeout().toSeconds() + " s (report.timeout) and was stopped. A macro that "
                        + "loops forever (e.g. \\loop without an end) does this; if the document is just large, "
                        + "raise report.timeout.");
            }
            log.info(String.format(Locale.ROOT, "[%s] %s pass %d (%s) %.1f s%s", job.label(), name, pass, reason,
                    outcome.elapsed().toMillis() / 1000.0, format == null ? "" : heldStart
                            ? ", from the preamble format (engine started in advance)" : ", from the preamble format"));
            List<String> logLines = TexFiles.readLog(job.file(".log"));
            sandbox.afterPass(logLines);
            if (!outcome.succeeded() || !Files.isRegularFile(sandbox.passOutput())) {
                if (figures.makeMissingFolder(logLines)) {
                    pass--;
                    continue;
                }
                throw new TexFailure(name + " stopped with an error in pass " + pass,
                        bibliography.fromBbl(parser.parse(logLines, outcome.output())),
                        TexFiles.tail(logLines.isEmpty() ? outcome.output() : logLines));
            }
            bibliography.afterPass(pass);
            figures.afterPass(logLines);
            AuxSnapshot state;
            try {
                state = AuxSnapshot.take(job.workDir(), job.jobName());
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read TeX's auxiliary files in " + job.workDir() + ": "
                        + e.getMessage(), e);
            }
            PassPlanner.Next next = planner.after(pass, state.with(FigureJobs.STATE, figures.state()));
            if (next instanceof PassPlanner.Done done) {
                figures.finish();
                List<TexMessage> messages = new ArrayList<>();
                if (format != null) {
                    // What loading the preamble said is in the dump's log, not in the pass's.
                    messages.addAll(parser.parse(format.preambleLog(), List.of()));
                }
                parser.parse(logLines, outcome.output()).stream().filter(m -> !messages.contains(m))
                        .forEach(messages::add);
                messages.addAll(bibliography.warnings());
                messages.addAll(bibliography.silentLosses());
                return new CompileOutcome(sandbox.finish(runner, toolchain), messages, pass, bibliography.runs(),
                        done.state().hashes().keySet());
            } else if (next instanceof PassPlanner.Oscillates oscillates) {
                throw nonConvergence(job, pass, oscillates.changed(), "they returned to an earlier state");
            } else if (next instanceof PassPlanner.TooMany tooMany) {
                throw nonConvergence(job, pass, tooMany.changed(), "they still changed after " + pass + " passes");
            }
            reason = ((PassPlanner.Again) next).reason();
        }
    }

    /** What the preamble left on the page, given back to passes from a format (FormatCache). */
    private static void usePage(CompileJob job, FormatCache.Format format) throws EnvironmentException {
        Path page = job.workDir().resolve(FormatDump.PAGE_FILE);
        try {
            if (format == null || format.page().isEmpty()) {
                Files.deleteIfExists(page);
            } else {
                AtomicFile.write(page, temp -> Files.writeString(temp, format.page(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write " + page + ": " + e.getMessage(), e);
        }
    }

    private static TexFailure nonConvergence(CompileJob job, int pass, List<String> changed, String why) {
        String files = String.join(", ", changed);
        return new TexFailure("cross-references do not converge: " + files + " keep changing ("
                + why + ")", List.of(new TexMessage(TexMessage.Kind.ERROR, "", 0, "cross-references do not "
                + "converge after " + pass + " passes: " + files + " keep changing (" + why + "). Look for a "
                + "reference whose text changes the page it is on, e.g. \\pageref near a page break.", files)),
                List.of());
    }
}
