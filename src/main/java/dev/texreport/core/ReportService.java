package dev.texreport.core;

import dev.texreport.core.pack.CourseDescription;
import dev.texreport.core.pack.MilestoneSpec;
import dev.texreport.core.pack.TemplatePack;
import dev.texreport.core.results.ResultsLoader;
import dev.texreport.core.tex.EngineLocator;
import dev.texreport.core.tex.ProcessOutcome;
import dev.texreport.core.tex.ProcessRunner;
import dev.texreport.core.tex.ProcessSpec;
import dev.texreport.core.tex.TexCompiler;
import dev.texreport.core.tex.TexLogParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code report:build} without Maven: render, compile and check every requested milestone, then write
 * summary.json. Problems in one milestone do not stop the others; the caller decides from the {@link BuildResult}
 * whether the build fails.
 */
public final class ReportService {
    /** Overfull boxes narrower than this are normal typesetting noise and not reported. */
    private static final double OVERFULL_THRESHOLD_PT = 5.0;
    /** The date in PDFs built outside git: 2020-01-01T00:00:00Z, so such builds are reproducible too. */
    static final long FIXED_SOURCE_DATE = 1577836800L;

    private final ProcessRunner runner;
    private final String path;
    private final ReportLog log;
    /** Engine versions asked once per service: a watch session does not ask again on every change. */
    private final Map<Path, String> engineVersions = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param runner runs TeX and bibtex
     * @param path   the PATH to find engines on when report.texBin is not set
     * @param log    progress and problems
     */
    public ReportService(ProcessRunner runner, String path, ReportLog log) {
        this.runner = runner;
        this.path = path;
        this.log = log;
    }

    /**
     * Builds the requested milestones. Throws only for problems that concern the whole build (an unknown
     * milestone, unreadable results, a missing engine); a milestone's own errors are in its result.
     */
    public BuildResult build(BuildRequest request) throws ReportException {
        return build(request, true);
    }

    /**
     * Builds after a change to the sources that a watcher saw: like {@link #build}, but without the build stamp,
     * which cannot match after a change (each milestone's own fingerprint still skips those the change did not
     * touch). The next {@link #build} writes a stamp again.
     */
    public BuildResult rebuild(BuildRequest request) throws ReportException {
        return build(request, false);
    }

    private BuildResult build(BuildRequest request, boolean useStamp) throws ReportException {
        if (request.shellEscape()) {
            log.warn("Shell escape is ON (report.shellEscape=true): TeX may run any command the sources ask for."
                    + " Only build sources you trust.");
        }
        Provenance provenance = new Provenance(runner, path, request.projectDir());
        EngineLocator locator = new EngineLocator(request.texBin(), path);
        Optional<String> stampKey = useStamp ? stampKey(request, locator, provenance) : Optional.empty();
        if (stampKey.isPresent() && !request.force()) {
            Optional<BuildResult> same = BuildStamp.reuse(request, stampKey.get(), ReportService.class.getClassLoader(),
                    log);
            if (same.isPresent()) {
                if (request.ciSummary() != null) {
                    appendCiSummary(request.ciSummary(), same.get().summaryJson().resolveSibling("summary.md"));
                }
                return same.get();
            }
        }
        BuildStamp.forget(request.outputDir());
        Warmup.startOnce();
        // Git's answer (a process) comes while the pack and the results load.
        java.util.concurrent.CompletableFuture<Optional<Long>> lastCommit = request.sourceDateEpoch() != null
                ? java.util.concurrent.CompletableFuture.completedFuture(Optional.empty())
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> provenance.lastCommitTime(request.sourceDir()));
        TemplatePack pack = TemplatePack.load(request.template(), request.projectDir(),
                ReportService.class.getClassLoader());
        List<MilestoneSpec> milestones = selectMilestones(request, pack);
        if (milestones.isEmpty()) {
            throw new ConfigurationException("Nothing to build: " + request.sourceDir() + " has no milestone folder."
                    + " Create one of " + pack.knownIds() + " (e.g. src/report/final/) with the paper's sections.");
        }
        locator.locate(request.engine().executable());
        ResultsLoader.LoadedResults results = new ResultsLoader().load(request.sourceDir().resolve("results"));
        TexCompiler compiler = new TexCompiler(runner, locator, new TexLogParser(OVERFULL_THRESHOLD_PT), log);
        long sourceDate = request.sourceDateEpoch() != null ? request.sourceDateEpoch()
                : lastCommit.join().orElse(FIXED_SOURCE_DATE);
        String configuration = String.join("\n", request.outputSettings(), "sourceDateEpoch=" + sourceDate,
                "plugin=" + PluginIdentity.value(),
                "engine=" + engineVersion(locator.locate(request.engine().executable()), request));
        MilestoneBuilder builder = new MilestoneBuilder(request, pack, compiler,
                baseModel(request, pack), results, sourceDate, configuration, log);

        List<MilestoneResult> built = buildAll(builder, milestones, request.threads());
        List<CourseDate> events = new ArrayList<>();
        List<String> eventTexts = new ArrayList<>();
        for (dev.texreport.core.pack.CourseEvent event : pack.course().events()) {
            CourseDate date = new CourseDate(event.title(), pack.date(event));
            String text = date.describe(java.time.ZonedDateTime.now(request.clock()));
            log.info("[course] " + text);
            events.add(date);
            eventTexts.add(text);
        }
        List<String> warnings = new ArrayList<>();
        boolean everyMilestone = request.milestones().isEmpty()
                && built.stream().allMatch(m -> m.failure() == null);
        if (everyMilestone) {
            Set<Path> used = new HashSet<>();
            built.forEach(m -> used.addAll(m.resultsUsed()));
            for (Path file : results.files()) {
                if (!used.contains(file)) {
                    warnings.add(request.projectDir().relativize(file).toString().replace('\\', '/')
                            + ": no milestone uses this results file; use it, or move it out of results/");
                }
            }
        }
        Path summary = request.outputDir().resolve("summary.json");
        SummaryWriter summaries = new SummaryWriter(provenance);
        summaries.write(summary, request.projectDir(), built, warnings, events, eventTexts);
        if (request.ciSummary() != null) {
            appendCiSummary(request.ciSummary(), summary.resolveSibling("summary.md"));
        }
        if (stampKey.isPresent()) {
            Map<String, java.time.ZonedDateTime> dues = new java.util.HashMap<>();
            for (MilestoneSpec milestone : milestones) {
                pack.due(milestone).ifPresent(due -> dues.put(milestone.id(), due));
            }
            summaries.writeJson(BuildStamp.summaryFile(request.outputDir()), summary, request.projectDir(),
                    built.stream().map(MilestoneResult::asReused).toList(), warnings, events);
            BuildStamp.write(request, stampKey.get(), pack.trail(), built, dues, warnings, events);
        }
        return new BuildResult(built, warnings, summary);
    }

    /**
     * The build stamp's key, taken before anything is read, so that a file changed during the build counts. Git is
     * asked for HEAD on another thread while this one hashes the sources: a process start is most of a no-op
     * build's own time.
     */
    private static Optional<String> stampKey(BuildRequest request, EngineLocator locator, Provenance provenance) {
        java.util.concurrent.CompletableFuture<Optional<String>> head =
                java.util.concurrent.CompletableFuture.supplyAsync(provenance::head);
        try {
            Path engine = locator.locate(request.engine().executable());
            return BuildStamp.key(request, engine, head::join);
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks every milestone for changes, then renders the stale ones one after the other and hands each to TeX as
     * soon as it is rendered, up to {@code threads} at once (TeX uses one core, and the machine may have more). The
     * longest milestone goes first, so that it does not start last and keep the build waiting; the page limit is the
     * course's own measure of how long a milestone is. Results come back in the course's order.
     */
    private static List<MilestoneResult> buildAll(MilestoneBuilder builder, List<MilestoneSpec> milestones,
                                                  int threads) {
        Map<MilestoneSpec, java.util.concurrent.Future<MilestoneResult>> results = new LinkedHashMap<>();
        List<MilestoneSpec> stale = new ArrayList<>();
        for (MilestoneSpec milestone : milestones) {
            java.util.Optional<MilestoneResult> reused = builder.upToDate(milestone);
            if (reused.isPresent()) {
                results.put(milestone, java.util.concurrent.CompletableFuture.completedFuture(reused.get()));
            } else {
                stale.add(milestone);
            }
        }
        stale.sort(java.util.Comparator.comparingInt(MilestoneSpec::pageLimit).reversed());
        java.util.concurrent.ExecutorService pool = threads <= 1 || stale.size() <= 1 ? null
                : java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, stale.size()), r -> {
                    Thread thread = new Thread(r, "report-milestone");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            for (MilestoneSpec milestone : stale) {
                MilestoneBuilder.Step step = builder.prepare(milestone);
                results.put(milestone, step.done() != null
                        ? java.util.concurrent.CompletableFuture.completedFuture(step.done())
                        : pool == null ? java.util.concurrent.CompletableFuture.completedFuture(
                                builder.compile(step.prepared()))
                        : pool.submit(() -> builder.compile(step.prepared())));
            }
            List<MilestoneResult> done = new ArrayList<>();
            for (MilestoneSpec milestone : milestones) {
                done.add(builder.withDeadline(milestone, results.get(milestone).get()));
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The build was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A milestone build failed unexpectedly", e.getCause());
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** GitHub Actions shows what a step appends to $GITHUB_STEP_SUMMARY on the run's page. */
    private void appendCiSummary(Path ciSummary, Path markdown) {
        try {
            Files.writeString(ciSummary, Files.readString(markdown) + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            log.warn("Cannot append the report summary to " + ciSummary + ": " + e.getMessage());
        }
    }

    /** The engine's own version line, part of every milestone's fingerprint: a TeX update rebuilds. */
    private String engineVersion(Path engine, BuildRequest request) throws ReportException {
        String known = engineVersions.get(engine);
        if (known != null) {
            return known;
        }
        // Asking the engine costs a process; its answer is kept next to the build state, keyed by the binary's
        // path, size and time, so a no-op build does not start TeX at all.
        Path cache = BuildState.directory(request.outputDir()).resolve("engine-" + engine.getFileName() + ".txt");
        String key;
        try {
            key = EngineLocator.identity(engine);
            if (Files.isRegularFile(cache)) {
                List<String> lines = Files.readAllLines(cache);
                if (lines.size() == 2 && lines.get(0).equals(key)) {
                    engineVersions.put(engine, lines.get(1));
                    return lines.get(1);
                }
            }
        } catch (java.io.IOException e) {
            key = null;
        }
        ProcessOutcome outcome = runner.run(new ProcessSpec(engine, List.of("--version"), request.projectDir(),
                Map.of(), java.time.Duration.ofSeconds(30)));
        String version = outcome.output().isEmpty() ? engine.toString() : outcome.output().get(0).strip();
        engineVersions.put(engine, version);
        if (key != null) {
            String line = key;
            AtomicFile.write(cache, temp -> Files.write(temp, List.of(line, version)));
        }
        return version;
    }

    private static List<MilestoneSpec> selectMilestones(BuildRequest request, TemplatePack pack)
            throws ReportException {
        List<MilestoneSpec> selected = new ArrayList<>();
        if (request.milestones().isEmpty()) {
            for (MilestoneSpec spec : pack.course().milestones()) {
                if (Files.isDirectory(request.sourceDir().resolve(spec.id()))) {
                    selected.add(spec);
                }
            }
            return selected;
        }
        for (String id : request.milestones()) {
            MilestoneSpec spec = pack.requireMilestone(id);
            if (!Files.isDirectory(request.sourceDir().resolve(id))) {
                throw new ConfigurationException("Milestone '" + id + "' was asked for (report.milestone) but "
                        + request.projectDir().relativize(request.sourceDir().resolve(id)) + "/ does not exist.");
            }
            if (!selected.contains(spec)) {
                selected.add(spec);
            }
        }
        return selected;
    }

    private static Map<String, Object> baseModel(BuildRequest request, TemplatePack pack) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Author author : request.authors()) {
            authors.add(Map.of("name", author.name(), "email", author.email(), "affiliation", author.affiliation(),
                    "row", author.row()));
        }
        model.put("project", Map.of("title", request.title(), "authors", authors));
        model.put("mode", request.mode().id());
        List<String> names = request.authors().stream().map(Author::name).toList();
        model.put("pdfinfo", Map.of("title", PdfString.hex(request.title()),
                "author", PdfString.hex(request.mode() == Mode.ANONYMOUS ? "Anonymous" : String.join(", ", names))));
        CourseDescription.Layout layout = pack.course().layout();
        model.put("course", Map.of("name", pack.course().name(),
                "bibliographyStyle", pack.course().bibliographyStyle(),
                "layout", Map.of("notice", layout.notice(), "runningHead", layout.runningHead(),
                        "authorsPerRow", layout.authorsPerRow(), "natbib", layout.natbib())));
        return model;
    }
}
