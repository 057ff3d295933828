package dev.texreport.core.build;

import dev.texreport.core.BuildDefaults;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Problem;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.checks.MilestoneChecks;
import dev.texreport.core.course.CourseDate;
import dev.texreport.core.course.CourseEvent;
import dev.texreport.core.course.Deadlines;
import dev.texreport.core.course.MilestoneSpec;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.incremental.BuildStamp;
import dev.texreport.core.incremental.PluginIdentity;
import dev.texreport.core.incremental.StateStore;
import dev.texreport.core.report.BuildSummaries;
import dev.texreport.core.report.Provenance;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.template.Palette;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.FormatCache;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.StandbyEngines;
import dev.texreport.core.tex.TexCompiler;
import dev.texreport.core.tex.TexLogParser;
import dev.texreport.core.tex.Toolchain;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code report:build} without Maven: finds what changed, renders, compiles and checks every requested milestone
 * ({@link MilestonePipeline}), then writes summary.json and summary.md. Problems in one milestone do not stop the
 * others; the caller decides from the {@link BuildResult} whether the build fails.
 */
public final class ReportService implements ReportBuilder {
    /** Overfull boxes narrower than this are normal typesetting noise and not reported. */
    private static final double OVERFULL_THRESHOLD_PT = 5.0;

    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final String path;
    private final ReportLog log;
    /** Engines for the next rebuild's first passes: started only when a watcher asks ({@link #prepareNext}). */
    private final StandbyEngines standbys;

    /**
     * @param runner      runs TeX, bibtex and git
     * @param environment the build's environment: the PATH to find engines on when report.texBin is not set, and
     *                    what TeX may see of it (only what TeX Live needs)
     * @param log         progress and problems
     */
    public ReportService(ProcessRunner runner, Map<String, String> environment, ReportLog log) {
        this.runner = runner;
        this.environment = Map.copyOf(environment);
        this.path = environment.getOrDefault("PATH", "");
        this.log = log;
        this.standbys = new StandbyEngines(runner);
    }

    @Override
    public void prepareNext() {
        standbys.startWanted();
    }

    @Override
    public void stopPrepared() {
        standbys.close();
    }

    /**
     * Builds the requested milestones. Throws only for problems that concern the whole build (an unknown
     * milestone, unreadable results, a missing engine); a milestone's own errors are in its result.
     */
    @Override
    public BuildResult build(BuildRequest request) throws ReportException {
        return build(request, true);
    }

    /**
     * Builds after a change to the sources that a watcher saw: like {@link #build}, but without the build stamp,
     * which cannot match after a change (each milestone's own fingerprint still skips those the change did not
     * touch). The next {@link #build} writes a stamp again.
     */
    @Override
    public BuildResult rebuild(BuildRequest request) throws ReportException {
        return build(request, false);
    }

    /**
     * One build at a time in the project ({@link ProjectLock}); whatever happens, summary.json then tells about this
     * build: a failure before any milestone was built writes a summary that says so, never leaving the last
     * build's verdict in place.
     */
    private BuildResult build(BuildRequest request, boolean useStamp) throws ReportException {
        try (ProjectLock lock = ProjectLock.acquire(request.outputDir(), request.projectDir(), request.lockTimeout(),
                log)) {
            try {
                return buildLocked(request, useStamp);
            } catch (ReportException e) {
                BuildSummaries.writeFailure(request, e, log);
                throw e;
            } catch (RuntimeException e) {
                EnvironmentException bug = new EnvironmentException("The report build broke unexpectedly (" + e
                        + "); this is a bug of report-maven-plugin, please report it with the output of mvn -X", e);
                BuildSummaries.writeFailure(request, bug, log);
                throw bug;
            }
        }
    }

    private BuildResult buildLocked(BuildRequest request, boolean useStamp) throws ReportException {
        if (request.shellEscape()) {
            log.warn("Shell escape is ON (report.shellEscape=true): TeX may run any command the sources ask for."
                    + " Only build sources you trust.");
        }
        Provenance provenance = new Provenance(runner, path, request.projectDir());
        EngineLocator locator = new EngineLocator(request.texBin(), path);
        StateStore state = new StateStore(request.outputDir());
        BuildStamp stamp = new BuildStamp(state);
        Optional<String> stampKey = useStamp ? stampKey(request, locator, provenance) : Optional.empty();
        if (stampKey.isPresent() && !request.force()) {
            Optional<BuildResult> same = StampReplay.replay(request, state, stampKey.get(),
                    ReportService.class.getClassLoader(), log);
            if (same.isPresent()) {
                BuildSummaries.appendCiSummary(request, log);
                return same.get();
            }
        }
        stamp.forget();
        Warmup.startOnce(request.outputDir());
        // Git's answer (a process) comes while the pack and the results load.
        CompletableFuture<Optional<Long>> lastCommit = request.sourceDateEpoch() != null
                ? CompletableFuture.completedFuture(Optional.empty())
                : CompletableFuture.supplyAsync(() -> provenance.lastCommitTime(request.sourceDir()));
        TemplatePack pack = TemplatePack.load(request.template(), request.projectDir(),
                ReportService.class.getClassLoader());
        List<MilestoneSpec> milestones = BuildPlan.milestones(request, pack);
        // Before anything reads the sources: no link may lead TeX (or the plugin) out of the project.
        SourceSandbox.verify(request, pack);
        Toolchain toolchain = Toolchain.locate(locator, request.engine());
        ResultsLoader.LoadedResults results = new ResultsLoader(log::info).load(request.sourceDir().resolve("results"));
        long sourceDate = request.sourceDateEpoch() != null ? request.sourceDateEpoch()
                : lastCommit.join().orElse(BuildDefaults.FIXED_SOURCE_DATE);
        String engineVersion = toolchain.version(runner, request.projectDir(),
                state.engineVersionFile(toolchain.enginePath()));
        String configuration = String.join("\n", request.outputSettings(), "sourceDateEpoch=" + sourceDate,
                "plugin=" + PluginIdentity.value(), "engine=" + engineVersion,
                // The series names of all results files decide every figure's colours (Palette).
                "palette=" + Palette.of(results.model()).digest());
        BuildContext build = new BuildContext(request, pack, toolchain, results, DocumentModel.base(request, pack),
                sourceDate, configuration, state, standbys, log);
        TexCompiler compiler = new TexCompiler(runner, toolchain, new TexLogParser(OVERFULL_THRESHOLD_PT), log,
                environment, request.formatCache() ? new FormatCache(request.outputDir(), engineVersion, log) : null,
                request.threads(), standbys);
        MilestonePipeline pipeline = new MilestonePipeline(build, new MilestoneRenderer(build),
                new CompileStep(compiler, build), new MilestoneChecks(), new Fingerprints(build));
        List<MilestoneResult> built = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now(request.clock());
        Map<String, ZonedDateTime> dues = new HashMap<>();
        List<MilestoneResult> scheduled = new MilestoneScheduler(pipeline, request.threads()).run(milestones);
        for (int i = 0; i < milestones.size(); i++) {
            built.add(withDeadline(pack, milestones.get(i), scheduled.get(i), now, dues));
        }
        List<CourseDate> events = new ArrayList<>();
        List<String> eventTexts = new ArrayList<>();
        for (CourseEvent event : pack.course().events()) {
            CourseDate date = new CourseDate(event.title(), pack.date(event));
            String text = date.describe(now);
            log.info("[course] " + text);
            events.add(date);
            eventTexts.add(text);
        }
        List<Problem> problems = new ArrayList<>();
        results.warnings(request.projectDir()).forEach(w -> problems.add(new Problem.Note(Problem.Severity.WARNING,
                "results", w)));
        problems.addAll(BuildPlan.unusedResults(request, results, built));
        Path summary = new BuildSummaries(provenance).write(request, built, problems, events, eventTexts,
                state.upToDateSummary(), stampKey.isPresent());
        BuildSummaries.appendCiSummary(request, log);
        if (stampKey.isPresent()) {
            stamp.write(stampKey.get(), pack.trail().steps(), built, dues, problems,
                    events.stream().map(e -> new BuildStamp.Event(e.title(), e.date())).toList());
        }
        return new BuildResult(built, problems, summary);
    }

    /**
     * The build stamp's key, taken before anything is read, so that a file changed during the build counts. Git is
     * asked for HEAD on another thread while this one hashes the sources: a process start is most of a no-op
     * build's own time.
     */
    private static Optional<String> stampKey(BuildRequest request, EngineLocator locator, Provenance provenance) {
        CompletableFuture<Optional<String>> head = CompletableFuture.supplyAsync(provenance::head);
        try {
            Path engine = locator.locate(request.engine().executable());
            return BuildStamp.key(request, engine, head::join);
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
    }

    /** Adds the deadline to a result and logs the time left. */
    private MilestoneResult withDeadline(TemplatePack pack, MilestoneSpec spec, MilestoneResult result,
                                         ZonedDateTime now, Map<String, ZonedDateTime> dues) {
        try {
            Optional<ZonedDateTime> due = pack.due(spec);
            if (due.isPresent()) {
                dues.put(spec.id(), due.get());
                String text = Deadlines.describe(due.get(), now.withZoneSameInstant(due.get().getZone()));
                log.info("[" + spec.id() + "] " + text);
                return result.withDeadline(due.get().toOffsetDateTime().toString(), text);
            }
        } catch (ConfigurationException e) {
            log.warn(e.getMessage());
        }
        return result;
    }
}
