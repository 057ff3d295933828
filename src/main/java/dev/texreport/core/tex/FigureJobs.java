package dev.texreport.core.tex;

import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * (Over the house's 250 lines on purpose: listing, caching, running and collecting the pictures' jobs share one
 * state per document and are easier to check in one place.)
 *
 * {@code \tikzexternalize} without shell escape: the picture jobs tikz would start through {@code \write18}, run by
 * the plugin. texreport-measure.sty switches tikz to its {@code mode=list and make}, so a pass lists its pictures
 * ({@link FigureList}) and typesets those that exist as PDFs; after the pass each missing or changed picture is
 * taken from the {@link FigureCache} or made by its own job, the command line tikz would use
 * ({@code -jobname <name> "\def\tikzexternalrealjob{main}\input{main}"}) under the pass's sandbox, environment and
 * timeout, several at once. The pictures present count in the pass planner's state, so the document is typeset
 * again once they changed. Before the first pass the folders the pictures go into are created (TeX cannot) and the
 * last build's pictures that still hold are put in place, so that an unchanged document needs no extra pass.
 */
final class FigureJobs {
    /** The name under which the pictures present count in the pass planner's state. */
    static final String STATE = "tikz pictures";

    private final CompileJob job;
    private final JobSandbox sandbox;
    private final ProcessRunner runner;
    private final Toolchain toolchain;
    private final TexLogParser parser;
    private final ReportLog log;
    private final Executor executor;
    private final FigureCache cache;
    /** The pictures in the working directory: job name to key. */
    private final Map<String, String> present = new TreeMap<>();
    /** Pictures without a key (no tikz hash), made once in this build. */
    private final Set<String> madeWithoutKey = new java.util.HashSet<>();
    private final FigureFolders folders;
    /** The preamble format the document's passes start from (null: none); each picture's job starts from it too. */
    private final Path format;
    private boolean listed;

    FigureJobs(CompileJob job, JobSandbox sandbox, ProcessRunner runner, Toolchain toolchain, TexLogParser parser,
               ReportLog log, Executor executor, Path format) {
        this.job = job;
        this.format = format;
        this.sandbox = sandbox;
        this.runner = runner;
        this.toolchain = toolchain;
        this.parser = parser;
        this.log = log;
        this.executor = executor;
        this.cache = new FigureCache(cacheDir(job));
        this.folders = new FigureFolders(job.workDir(), job.label(), log);
    }

    static Path cacheDir(CompileJob job) {
        return job.outputDir().resolve(".texreport").resolve("figures").resolve(job.label());
    }

    /** See {@link FigureFolders#makeMissing}. */
    boolean makeMissingFolder(List<String> logLines) throws EnvironmentException {
        return folders.makeMissing(logLines);
    }

    /** Before the first pass: the prefix folders the sources name, and the last build's pictures that still hold. */
    void prepare() throws EnvironmentException {
        folders.prepare();
        for (Map.Entry<String, String> picture : cache.index().entrySet()) {
            if (cache.restore(picture.getValue(), job.workDir(), picture.getKey())) {
                present.put(picture.getKey(), picture.getValue());
            }
        }
    }

    /** The pictures present, for the pass planner's state; null when there are none. */
    String state() {
        return present.isEmpty() ? null : Hashes.sha256(present.toString());
    }

    /** After a pass: puts every picture it listed in place, from the cache or by running its job. */
    void afterPass(List<String> logLines) throws TexFailure, EnvironmentException {
        List<FigureList.Figure> figures;
        try {
            figures = FigureList.read(job.file(".figlist"), logLines);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + job.file(".figlist") + ": " + e.getMessage(), e);
        }
        if (figures.isEmpty()) {
            return;
        }
        listed = true;
        String engine = job.engine().executable() + " " + toolchain.enginePath();
        Map<FigureList.Figure, String> toMake = new LinkedHashMap<>();
        int fromCache = 0;
        Map<String, String> now = new TreeMap<>();
        for (FigureList.Figure figure : figures) {
            if (!FigureList.safe(figure.name())) {
                throw new TexFailure("a picture has a name the plugin does not run", List.of(new TexMessage(
                        TexMessage.Kind.ERROR, figure.file(), figure.line(), "tikz's external library names this "
                        + "picture '" + figure.name() + "'; picture names (\\tikzsetnextfilename, the prefix) may use "
                        + "letters, digits, '-', '_', '.' and '/' between folders, and stay inside the build folder",
                        figure.name())), List.of());
            }
            String key;
            try {
                key = FigureCache.key(job.workDir().resolve(figure.name() + ".md5"), figure, engine);
            } catch (IOException e) {
                key = null;
            }
            if (key == null) {
                if (!madeWithoutKey.contains(figure.name())) {
                    toMake.put(figure, null);
                }
                continue;
            }
            now.put(figure.name(), key);
            if (key.equals(present.get(figure.name()))) {
                continue;
            }
            if (cache.restore(key, job.workDir(), figure.name())) {
                present.put(figure.name(), key);
                fromCache++;
            } else {
                toMake.put(figure, key);
            }
        }
        present.keySet().retainAll(now.keySet());
        if (fromCache > 0) {
            log.info("[" + job.label() + "] " + fromCache + " picture" + (fromCache == 1 ? "" : "s")
                    + " from the cache");
        }
        make(toMake);
    }

    /** After the last pass: the cache keeps this build's pictures and forgets the others. */
    void finish() throws EnvironmentException {
        if (listed || !cache.index().isEmpty()) {
            cache.keepOnly(present);
        }
    }

    private void make(Map<FigureList.Figure, String> toMake) throws TexFailure, EnvironmentException {
        if (toMake.isEmpty()) {
            return;
        }
        List<CompletableFuture<Object>> running = new ArrayList<>();
        for (FigureList.Figure figure : toMake.keySet()) {
            for (String extension : List.of(".pdf", ".dpth", ".xdv")) {
                delete(job.workDir().resolve(figure.name() + extension));
            }
            folders.create(job.workDir().resolve(figure.name()).getParent());
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    run(figure);
                    return null;
                } catch (TexFailure | EnvironmentException e) {
                    return e;
                }
            }, executor));
        }
        List<TexMessage> messages = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        EnvironmentException broken = null;
        String summary = null;
        int i = 0;
        for (Map.Entry<FigureList.Figure, String> entry : toMake.entrySet()) {
            Object result = running.get(i++).join();
            if (result instanceof TexFailure failure) {
                messages.addAll(failure.messages());
                if (tail.isEmpty()) {
                    tail.addAll(failure.logTail());
                }
                summary = summary == null ? failure.getMessage() : summary;
                if (!failure.located().isEmpty()) {
                    throw failure;
                }
            } else if (result instanceof EnvironmentException e) {
                broken = broken == null ? e : broken;
            } else {
                keep(entry.getKey(), entry.getValue());
            }
        }
        if (broken != null) {
            throw broken;
        }
        if (summary != null) {
            throw new TexFailure(summary, messages, tail);
        }
    }

    private void keep(FigureList.Figure figure, String key) throws EnvironmentException {
        if (key == null) {
            madeWithoutKey.add(figure.name());
            return;
        }
        List<Path> roots = new ArrayList<>(job.sources());
        roots.add(job.workDir());
        try {
            cache.store(key, job.workDir(), figure.name(), FigureReads.reads(job.workDir().resolve(figure.name()
                    + ".fls"), job.workDir(), figure.name(), job.jobName() + ".tex", roots, format != null));
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + figure.name() + ".fls: " + e.getMessage(), e);
        }
        present.put(figure.name(), key);
    }

    /** One picture's job: tikz's command line for it, under the pass's sandbox. */
    private void run(FigureList.Figure figure) throws TexFailure, EnvironmentException {
        String name = figure.name();
        String engine = job.engine().executable();
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.enginePath(), sandbox.figureArguments(name, format),
                job.workDir(), sandbox.environment(), job.timeout()));
        if (outcome.timedOut()) {
            throw new EnvironmentException(engine + " did not finish the picture at " + figure.where() + " ("
                    + name + ") within " + job.timeout().toSeconds() + " s (report.timeout) and was stopped. A "
                    + "picture with very many points does this (thin the data, or raise report.timeout).");
        }
        List<String> logLines = TexFiles.readLog(job.workDir().resolve(name + ".log"));
        sandbox.afterFigure(name, logLines);
        if (!outcome.succeeded() || !Files.isRegularFile(sandbox.figureOutput(name))) {
            List<TexMessage> errors = parser.parse(logLines, outcome.output()).stream()
                    .filter(m -> m.kind().isError()).toList();
            List<TexMessage> messages = new ArrayList<>();
            TexMessage first = errors.isEmpty() ? null : errors.get(0);
            if (first != null && first.line() > 0 && sameFile(first.file(), figure.file())) {
                // The job names the line inside the picture: that line first, and where the picture starts.
                messages.add(new TexMessage(TexMessage.Kind.ERROR, first.file(), first.line(), first.text()
                        + " (in the picture starting at line " + figure.line() + ", made by tikz's external job "
                        + name + ")", first.subject()));
                messages.addAll(errors.subList(1, errors.size()));
            } else {
                String cause = first == null ? "see " + name + ".log in the build folder" : first.text();
                messages.add(new TexMessage(TexMessage.Kind.ERROR, figure.file(), figure.line(), "the picture "
                        + "starting here (tikz's external job " + name + ") could not be made: " + cause, name));
                messages.addAll(errors);
            }
            // Where the picture is, in the team's own file, is in the messages (the build maps their paths).
            throw new TexFailure(engine + " could not make a picture (tikz's external job " + name + ")", messages,
                    TexFiles.tail(logLines.isEmpty() ? outcome.output() : logLines));
        }
        sandbox.finishFigure(name, runner, toolchain);
        log.info(String.format(Locale.ROOT, "[%s] picture %s (%s) %.1f s", job.label(), name, figure.where(),
                outcome.elapsed().toMillis() / 1000.0));
    }

    /** The same file, as TeX's log and the picture list name it ({@code ./sections/a.tex}, {@code sections/a.tex}). */
    private static boolean sameFile(String a, String b) {
        return a != null && b != null && Path.of(a).normalize().equals(Path.of(b).normalize());
    }

    private static void delete(Path file) throws EnvironmentException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot remove " + file + ": " + e.getMessage(), e);
        }
    }
}
