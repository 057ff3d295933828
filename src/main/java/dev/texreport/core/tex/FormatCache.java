package dev.texreport.core.tex;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.Engine;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.ReportLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * (Over the house's 250 lines on purpose: the key, the manifest, the dump and every refusal decide together
 * whether a format may be trusted, and belong in one place.)
 *
 * Preamble formats: the part of {@code main.tex} above the plugin's marker line ({@link #MARKER}, written by the
 * document template after everything that is the same for every milestone) is loaded once by an {@code -ini} run
 * and dumped into a format, and every pass of every milestone with that preamble starts from it instead of loading
 * the same packages again (about 0.4 s of a 1 s pdflatex pass on the demo).
 *
 * <p>The dump is mylatexformat's (TeX Live's {@code mylatexformat.ltx}: it stops at the marker, and in a pass from
 * the format skips the lines up to it) with a small driver of the plugin's ({@link FormatDump}). A format is keyed
 * by the engine, its version line, TeX's environment, the text of the preamble and the content of every file the
 * dump read, as its recorder lists them ({@link FormatKey}); it is never used when any of them changed, nor when a
 * milestone's own folder holds a file of the same name that its search path would find first. The key's first part
 * (without the files, which are only known after a dump) names a manifest in
 * {@code target/report/.texreport/formats/} that lists those files with their hashes.
 *
 * <p>What a format cannot hold makes the milestone fall back to plain passes, with one debug line saying why:
 * LuaLaTeX (its Lua state is not kept in a format), shell escape, a template without the marker, a
 * preamble that fails in the dump, that writes files (mylatexformat would postpone them), or that leaves material
 * on the page other than colour-stack and log {@code \write} nodes (those are put back by a small file the format's
 * marker reads, so the PDF stays byte for byte the same). A refusal is kept in the manifest, so the dump is not
 * tried again until the preamble changes.
 */
public final class FormatCache {
    /** The line of {@code main.tex} after which the preamble is the milestone's own (running head, PDF info, ...). */
    public static final String MARKER = "\\csname texreport@dumphere\\endcsname\\csname endofdump\\endcsname";
    /** Bump when the driver or the way formats are made changes: old formats are then never used. */
    static final String VERSION = "2";
    /** A format to start passes from; {@code page} is what the preamble left on the page, given back after it. */
    record Format(String key, Path file, String page, List<String> preambleLog) { }

    private final Path dir;
    private final String engineVersion;
    private final ReportLog log;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, Boolean> told = new ConcurrentHashMap<>();
    private final Map<Path, String> hashes = new ConcurrentHashMap<>();

    /**
     * @param outputDir     the report output folder; formats live in its {@code .texreport/formats}
     * @param engineVersion the engine's version line: a TeX update never reuses a format
     */
    public FormatCache(Path outputDir, String engineVersion, ReportLog log) {
        this.dir = directory(outputDir);
        this.engineVersion = engineVersion;
        this.log = log;
    }

    /** Where the formats of a report output folder live (TeX may read there, as from the installation). */
    static Path directory(Path outputDir) {
        return outputDir.resolve(".texreport").resolve("formats");
    }

    /** The format {@code job} can start from, made now when needed; empty: plain passes (logged once at debug). */
    Optional<Format> prepare(CompileJob job, JobSandbox sandbox, ProcessRunner runner, Toolchain toolchain)
            throws EnvironmentException, TexFailure {
        if (job.engine() == Engine.LUALATEX) {
            // Tried: the dump succeeds, but a pass from it stops at once ("Undefined control sequence"), since a
            // format keeps no Lua state (luaotfload's fonts and callbacks), which LuaLaTeX's preamble sets up.
            return refuse(job, "lua", "LuaLaTeX cannot keep a preamble's Lua state (luaotfload) in a format");
        }
        if (job.shellEscape()) {
            return refuse(job, "shell escape", "shell escape is on, and a preamble may run commands while it loads");
        }
        Optional<String> head = FormatKey.head(job.file(".tex"));
        if (head.isEmpty()) {
            return refuse(job, "no marker", "main.tex has no line " + MARKER + " (a template of the pack's own)");
        }
        Map<String, String> environment = new TreeMap<>(sandbox.environment());
        // The milestones' search paths differ (each has its own figures folder); what a preamble found through
        // them is in the manifest, and a file of the milestone's own that would hide it is looked for below.
        environment.remove("TEXINPUTS");
        environment.remove("BIBINPUTS");
        String key = FormatKey.key(job.engine(), engineVersion, environment, head.get());
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Optional<FormatManifest> known = read(key).filter(m -> unchanged(m, job));
            FormatManifest manifest = known.isPresent() ? known.get() : dump(job, sandbox, runner, toolchain, key);
            if (manifest.refused() != null) {
                return refuse(job, key, manifest.refused());
            }
            Path file = dir.resolve(manifest.format());
            List<String> preambleLog = TexFiles.readLog(dir.resolve(logName(manifest.format())));
            return Optional.of(new Format(key, file, manifest.page(), preambleLog));
        }
    }

    /** Passes from {@code format} failed where plain passes succeeded: it is not used again for this preamble. */
    void distrust(Format format, String why) {
        Optional<FormatManifest> manifest = read(format.key());
        try {
            if (manifest.isPresent()) {
                write(new FormatManifest(format.key(), manifest.get().files(), Map.of(), null, "", why));
            }
            Files.deleteIfExists(format.file());
        } catch (EnvironmentException | IOException e) {
            log.debug("cannot mark the format " + format.file() + " as unusable: " + e.getMessage());
        }
    }

    /**
     * Whether every file the dump read still has the content it had, and none would be found elsewhere by this job
     * (a file of the same name in its working directory or its own figures folder, which its search path puts first).
     */
    private boolean unchanged(FormatManifest manifest, CompileJob job) {
        Map<String, Path> own = FormatKey.ownFiles(job);
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            Path file = resolve(job.workDir(), entry.getKey());
            Path first = own.get(String.valueOf(file.getFileName()));
            if (first != null && !first.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                log.debug("the preamble format " + manifest.key() + " is not for " + job.label() + ": it would read "
                        + first + " instead of " + entry.getKey());
                return false;
            }
            String stamp = manifest.stamps() == null ? null : manifest.stamps().get(entry.getKey());
            if (stamp != null && stamp.equals(stamp(file))) {
                continue;
            }
            Optional<String> now = hash(file);
            if (now.isEmpty() || !now.get().equals(entry.getValue())) {
                log.debug("the preamble format " + manifest.key() + " is out of date: " + entry.getKey() + " changed");
                return false;
            }
        }
        return manifest.refused() != null || Files.isRegularFile(dir.resolve(manifest.format()));
    }

    private FormatManifest dump(CompileJob job, JobSandbox sandbox, ProcessRunner runner, Toolchain toolchain, String key)
            throws EnvironmentException, TexFailure {
        FormatDump.Result dump = FormatDump.run(job, sandbox, runner, toolchain);
        try {
            Map<String, String> files = new TreeMap<>();
            Map<String, String> stamps = new TreeMap<>();
            for (String input : dump.inputs()) {
                Path file = resolve(job.workDir(), input);
                hash(file).ifPresent(hash -> files.put(input, hash));
                if (outsideProject(file, job)) {
                    stamps.put(input, stamp(file));
                }
            }
            if (dump.refused() != null) {
                FormatManifest refused = new FormatManifest(key, files, stamps, null, "", dump.refused());
                write(refused);
                return refused;
            }
            StringBuilder full = new StringBuilder(key);
            files.forEach((name, hash) -> full.append('\n').append(name).append(' ').append(hash));
            String name = key + "-" + Hashes.sha256(full.toString()).substring(0, 16) + ".fmt";
            Files.createDirectories(dir);
            Path temp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
            Files.move(dump.format(), temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            AtomicFile.write(dir.resolve(logName(name)),
                    t -> Files.write(t, dump.preambleLog(), StandardCharsets.UTF_8));
            Optional<FormatManifest> old = read(key);
            FormatManifest manifest = new FormatManifest(key, files, stamps, name, dump.page(), null);
            write(manifest);
            if (old.isPresent() && old.get().format() != null && !old.get().format().equals(name)) {
                Files.deleteIfExists(dir.resolve(old.get().format()));
                Files.deleteIfExists(dir.resolve(logName(old.get().format())));
            }
            log.debug("[" + job.label() + "] dumped the preamble into the format " + name + " ("
                    + String.format(java.util.Locale.ROOT, "%.1f s", dump.elapsed().toMillis() / 1000.0) + ")");
            return manifest;
        } catch (IOException e) {
            throw new EnvironmentException("Cannot keep the preamble format in " + dir + ": " + e.getMessage(), e);
        } finally {
            FormatDump.cleanUp(job.workDir());
        }
    }

    private static String logName(String format) {
        return format.substring(0, format.length() - ".fmt".length()) + ".log";
    }

    private static Path resolve(Path workDir, String name) {
        return name.startsWith("./") ? workDir.resolve(name.substring(2)) : Path.of(name);
    }

    /** A file's hash; those of the TeX installation are asked for by every milestone, so they are kept. */
    /** A file of the TeX installation: not in the report's output folder nor in the project's sources. */
    private boolean outsideProject(Path file, CompileJob job) {
        return file.isAbsolute() && !file.startsWith(job.outputDir())
                && job.sources().stream().noneMatch(file::startsWith);
    }

    /** A file's size and modification time, or "" when it cannot be read. */
    private static String stamp(Path file) {
        try {
            return Files.size(file) + "/" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    private Optional<String> hash(Path file) {
        boolean shared = file.isAbsolute() && !file.startsWith(dir.getParent().getParent());
        String known = shared ? hashes.get(file) : null;
        if (known != null) {
            return Optional.of(known);
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String hash = Hashes.sha256(file);
            if (shared) {
                hashes.put(file, hash);
            }
            return Optional.of(hash);
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
    }

    private Optional<Format> refuse(CompileJob job, String key, String why) {
        if (told.putIfAbsent(key + "\n" + why, Boolean.TRUE) == null) {
            log.debug("[" + job.label() + "] no preamble format, plain passes: " + why);
        }
        return Optional.empty();
    }

    private Optional<FormatManifest> read(String key) {
        return FormatManifest.read(dir.resolve(key + ".json"));
    }

    private void write(FormatManifest manifest) throws EnvironmentException {
        manifest.write(dir.resolve(manifest.key() + ".json"));
    }
}
