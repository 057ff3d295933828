package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Engines started ahead of their pass, for {@code report:watch}. Between two builds, each milestone whose last
 * first pass started from a preamble format gets an engine that loads that format and waits on its command line,
 * before it reads anything of the document, until the next build releases it; the pass then costs the document
 * alone (process start and format loading, about 0.1 s of the demo's 0.4 s pass, are done while the team types).
 * A plain {@code report:build} starts none: started while it renders the milestone (measured), an engine only takes
 * a core from the JVM on a 2-core machine, and the build is no faster.
 *
 * <p>A waiting engine has opened nothing in the working directory (the format's driver keeps the job from naming
 * itself, which would open the log: {@link FormatDump}), so the last build's files stay as they were. It is used only
 * when the pass's command line is exactly the one it was started with (same format, engine, environment and
 * sandbox); otherwise it is stopped and the pass runs as usual. {@link #close} stops them all: no engine outlives
 * the watch.
 */
public final class StandbyEngines implements AutoCloseable {
    private final ProcessRunner runner;
    private final Map<Path, Standby> wanted = new LinkedHashMap<>();
    private final Map<Path, Waiting> waiting = new HashMap<>();
    private boolean closed;

    /** A pass to start ahead of time: its held command line, the job's name and the format file it loads. */
    private record Standby(ProcessSpec spec, String jobName, Path format) { }

    /**
     * A started engine, with what it was started on: its working directory and its format file, as the file
     * system identified them then ({@link #identity}).
     */
    private record Waiting(Standby standby, HeldProcess process, List<String> startedOn) { }

    public StandbyEngines(ProcessRunner runner) {
        this.runner = runner;
    }

    /**
     * The job's first pass from {@code format} on an engine that waited for it, when there is one for exactly this
     * pass; empty otherwise (the caller runs the pass). Either way an engine is asked for the next build's.
     */
    Optional<ProcessOutcome> firstPass(CompileJob job, JobSandbox sandbox, Path engine, Path format)
            throws EnvironmentException {
        Optional<List<String>> arguments = sandbox.standbyArguments(format);
        if (arguments.isEmpty()) {
            return Optional.empty();
        }
        ProcessSpec held = ProcessSpec.tex(engine, arguments.get(), job.workDir(), sandbox.environment(),
                job.timeout());
        want(held, job.jobName(), format);
        return release(held, job.jobName(), format, job.timeout());
    }

    /** Asks for an engine like {@code pass} to wait for the next build (started by {@link #startWanted}). */
    synchronized void want(ProcessSpec pass, String jobName, Path format) {
        wanted.put(pass.workingDir(), new Standby(pass, jobName, format));
    }

    /**
     * Runs the pass on the engine waiting for it, if one was started with exactly this command line. Empty when
     * there is none (or it ended meanwhile): the caller runs the pass itself. Another engine waiting in the same
     * directory is stopped.
     */
    Optional<ProcessOutcome> release(ProcessSpec pass, String jobName, Path format, Duration timeout)
            throws EnvironmentException {
        Waiting ready;
        synchronized (this) {
            ready = waiting.remove(pass.workingDir());
        }
        if (ready == null) {
            return Optional.empty();
        }
        // Same command line, and the same directory and format file it started on: a directory made again (a
        // 'mvn clean' during the watch) is not the engine's working directory, and a format dumped again while it
        // waited is not the one it loaded. Its pass would fail where a new engine's succeeds.
        if (!ready.standby().spec().equals(pass) || !ready.process().waiting()
                || !ready.startedOn().equals(identity(pass.workingDir(), format))) {
            stop(ready);
            return Optional.empty();
        }
        Path file = pass.workingDir().resolve(StandbyTex.FILE);
        AtomicFile.write(file, temp -> Files.writeString(temp, StandbyTex.fileText(jobName), StandardCharsets.UTF_8));
        Optional<ProcessOutcome> outcome = ready.process().release(StandbyTex.GO, timeout);
        if (outcome.isEmpty()) {
            stop(ready);
        }
        return outcome;
    }

    /**
     * The files an engine waiting in {@code dir} may hold open (its log and recorder file, should a package ask
     * for the job's name at its start): the renderer leaves them, and the directory itself, in place.
     */
    public synchronized Set<Path> held(Path dir) {
        Waiting engine = waiting.get(dir);
        if (engine == null) {
            return Set.of();
        }
        String job = engine.standby().jobName();
        return Set.of(dir.resolve(job + ".log"), dir.resolve(job + ".fls"));
    }

    /**
     * Starts an engine for each pass asked for since the last call, in place of any still waiting in the same
     * directory. An engine that cannot start is left out: the next build runs that pass itself.
     */
    public void startWanted() {
        List<Standby> starting;
        synchronized (this) {
            if (closed) {
                return;
            }
            starting = new ArrayList<>(wanted.values());
            wanted.clear();
        }
        starting.forEach(this::start);
    }

    /**
     * Starts an engine for {@code standby} in place of any waiting in its directory; one that cannot start is left
     * out.
     */
    private void start(Standby standby) {
        Waiting old;
        synchronized (this) {
            old = waiting.remove(standby.spec().workingDir());
        }
        if (old != null) {
            stop(old);
        }
        List<String> identity = identity(standby.spec().workingDir(), standby.format());
        Optional<HeldProcess> process;
        try {
            process = identity.isEmpty() ? Optional.empty() : runner.hold(standby.spec());
        } catch (EnvironmentException e) {
            process = Optional.empty();
        }
        if (process.isEmpty()) {
            return;
        }
        Waiting started = new Waiting(standby, process.get(), identity);
        synchronized (this) {
            if (!closed) {
                waiting.put(standby.spec().workingDir(), started);
                return;
            }
        }
        stop(started);
    }

    /** Stops every waiting engine and starts no more. */
    @Override
    public void close() {
        List<Waiting> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(waiting.values());
            waiting.clear();
            wanted.clear();
        }
        stopping.forEach(StandbyEngines::stop);
    }

    /**
     * The working directory and the format file of a pass as the file system identifies them (device and inode,
     * and the format's time), or empty when either is missing.
     */
    private static List<String> identity(Path workDir, Path format) {
        try {
            BasicFileAttributes formatFile = Files.readAttributes(format, BasicFileAttributes.class);
            return List.of(String.valueOf(Files.readAttributes(workDir, BasicFileAttributes.class).fileKey()),
                    formatFile.fileKey() + " " + formatFile.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Stops a waiting engine and removes its recorder's file: until an engine opens its log, the recorder writes to
     * a file named after the format and the process ({@code <format><pid>.fls}, next to the format), which the
     * engine would only have renamed to the job's .fls on its release.
     */
    private static void stop(Waiting engine) {
        engine.process().close();
        // Asked after close(), which waits until the process has ended: one stopped as it started has its id too.
        long pid = engine.process().pid();
        if (pid < 0) {
            return;
        }
        String name = engine.standby().format().getFileName().toString();
        Path recorder = engine.standby().format().resolveSibling(
                name.substring(0, name.length() - ".fmt".length()) + pid + ".fls");
        try {
            Files.deleteIfExists(recorder);
        } catch (IOException ignored) {
            // a leftover recorder file next to the format is never read
        }
    }
}
