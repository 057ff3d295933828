package dev.texreport.core.build;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.course.TemplatePack;
import dev.texreport.core.incremental.InputFingerprint;
import dev.texreport.core.report.BuildReporter;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code report:watch}: builds, then rebuilds whenever a file under the report sources changes, until closed.
 * Each rebuild is the normal build, so only milestones whose inputs changed run TeX, starting from their last
 * .aux (usually one pass, no bibtex). A failed build is reported and watching goes on.
 */
public final class ReportWatcher implements AutoCloseable {
    private final ReportBuilder service;
    private final BuildRequest request;
    private final ReportLog log;
    private final Duration quiet;
    private final WatchService watcher;
    private volatile boolean closed;
    private int builds;

    /**
     * @param quiet how long the sources must stay unchanged before a rebuild starts (an editor's save is often
     *              several writes)
     */
    public ReportWatcher(ReportBuilder service, BuildRequest request, ReportLog log, Duration quiet)
            throws EnvironmentException {
        this.service = service;
        this.request = request;
        this.log = log;
        this.quiet = quiet;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
            registerTree(request.sourceDir());
            // A template pack in a folder (course staff working on it) is a source too; packs in jars cannot change.
            Path pack = request.projectDir().resolve(request.template()).normalize();
            if (!request.template().equals(TemplatePack.BUILTIN) && Files.isDirectory(pack)
                    && !pack.startsWith(request.sourceDir())) {
                registerTree(pack);
            }
        } catch (IOException e) {
            throw new EnvironmentException("Cannot watch " + request.sourceDir() + ": " + e.getMessage(), e);
        }
    }

    /** Builds and watches until {@link #close()} or an interrupt. Returns the number of builds made. */
    public int run() {
        build();
        while (!closed) {
            try {
                WatchKey key = watcher.take();
                boolean relevant = drain(key);
                // Wait until the sources stay quiet, then build once for the whole burst of events.
                WatchKey more;
                while ((more = watcher.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant && !closed) {
                    build();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ClosedWatchServiceException e) {
                break;
            }
        }
        return builds;
    }

    private void build() {
        builds++;
        try {
            BuildResult result = builds == 1 ? service.build(request) : service.rebuild(request);
            String failure = new BuildReporter(request.projectDir()).report(result, log, null);
            if (!failure.isEmpty()) {
                log.error(failure);
            }
        } catch (ReportException e) {
            new BuildReporter(request.projectDir()).logFailure(e, log);
        }
        if (!closed) {
            log.info("Watching " + ProjectPaths.relative(request.projectDir(), request.sourceDir())
                    + " for changes (Ctrl-C to stop)");
            service.prepareNext();
        }
    }

    /** Takes the events of one key; new folders are watched too. Returns whether any event can change a PDF. */
    private boolean drain(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                relevant = true;
                continue;
            }
            Path changed = dir.resolve((Path) event.context());
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(changed)) {
                try {
                    registerTree(changed);
                } catch (IOException e) {
                    log.warn("Cannot watch " + changed + ": " + e.getMessage());
                }
            }
            relevant |= !InputFingerprint.isEditorLeftover(changed);
        }
        key.reset();
        return relevant;
    }

    private void registerTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        service.stopPrepared();
        try {
            watcher.close();
        } catch (IOException ignored) {
            // closing a watch service only releases file handles
        }
    }
}
