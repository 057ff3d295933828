package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the engine and bibtex/biber until the files TeX reads back stop changing ({@link PassPlanner}), starting
 * from the last build's auxiliary files when there are some ({@link AuxSeed}). A seeded build that fails is retried
 * from scratch, so an old .aux can never break a build.
 */
public final class TexCompiler {
    public static final int MAX_PASSES = PassPlanner.MAX_PASSES;

    private final ProcessRunner runner;
    private final Toolchain toolchain;
    private final TexLogParser parser;
    private final ReportLog log;
    private final Map<String, String> parentEnvironment;
    private final Executor figureExecutor;

    /**
     * @param parentEnvironment the build's environment, of which TeX gets only what it needs
     *                          ({@link dev.texreport.core.sandbox.TexEnvironment})
     */
    public TexCompiler(ProcessRunner runner, Toolchain toolchain, TexLogParser parser, ReportLog log,
                       Map<String, String> parentEnvironment) {
        this(runner, toolchain, parser, log, parentEnvironment, 1);
    }

    /**
     * @param threads how many picture jobs ({@link FigureJobs}) of the build may run at once
     */
    public TexCompiler(ProcessRunner runner, Toolchain toolchain, TexLogParser parser, ReportLog log,
                       Map<String, String> parentEnvironment, int threads) {
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
        return run(job, List.of());
    }

    /** Compiles starting from {@code seed}'s files when it has any (null: from scratch). */
    public CompileOutcome compile(CompileJob job, AuxSeed seed) throws EnvironmentException, TexFailure {
        List<String> planted = seed == null ? List.of() : seed.plant(job);
        if (planted.isEmpty()) {
            return run(job, List.of());
        }
        try {
            return run(job, planted);
        } catch (TexFailure failure) {
            log.info("[" + job.label() + "] retrying without the previous build's auxiliary files");
            AuxSeed.uproot(job, planted);
            return run(job, List.of());
        }
    }

    private CompileOutcome run(CompileJob job, List<String> planted) throws EnvironmentException, TexFailure {
        JobSandbox sandbox = new JobSandbox(job, toolchain, runner, parentEnvironment);
        AuxSnapshot start;
        try {
            start = planted.isEmpty() ? AuxSnapshot.empty() : AuxSnapshot.ofFiles(job.workDir(), planted);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.workDir() + ": " + e.getMessage(), e);
        }
        FigureJobs figures = new FigureJobs(job, sandbox, runner, toolchain, parser, log, figureExecutor);
        figures.prepare();
        start = start.with(FigureJobs.STATE, figures.state());
        PassPlanner planner = new PassPlanner(start);
        BibliographyRunner bibliography = new BibliographyRunner(runner, toolchain, log, job, sandbox,
                !planted.isEmpty());
        String reason = planted.isEmpty() ? "first pass" : "first pass, from the previous build's .aux";
        String name = job.engine().executable();
        for (int pass = 1; ; pass++) {
            sandbox.beforePass();
            ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.enginePath(), sandbox.engineArguments(),
                    job.workDir(), sandbox.environment(), job.timeout()));
            if (outcome.timedOut()) {
                throw new EnvironmentException(name + " pass " + pass + " did not finish "
                        + "within " + job.timeout().toSeconds() + " s (report.timeout) and was stopped. A macro that "
                        + "loops forever (e.g. \\loop without an end) does this; if the document is just large, "
                        + "raise report.timeout.");
            }
            log.info(String.format(Locale.ROOT, "[%s] %s pass %d (%s) %.1f s", job.label(), name, pass, reason,
                    outcome.elapsed().toMillis() / 1000.0));
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
                List<TexMessage> messages = new ArrayList<>(parser.parse(logLines, outcome.output()));
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

    private static TexFailure nonConvergence(CompileJob job, int pass, List<String> changed, String why) {
        String files = String.join(", ", changed);
        return new TexFailure("cross-references do not converge: " + files + " keep changing ("
                + why + ")", List.of(new TexMessage(TexMessage.Kind.ERROR, "", 0, "cross-references do not "
                + "converge after " + pass + " passes: " + files + " keep changing (" + why + "). Look for a "
                + "reference whose text changes the page it is on, e.g. \\pageref near a page break.", files)),
                List.of());
    }
}
