package dev.texreport.core.tex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Preamble formats: the part of {@code main.tex} above the plugin's marker line ({@link #MARKER}, written by the
 * document template after everything that is the same for every milestone) is loaded once by an {@code -ini} run
 * and dumped into a format, and every pass of every milestone with that preamble starts from it instead of loading
 * the same packages again (about 0.4 s of a 1 s pdflatex pass on the demo).
 *
 * <p>The dump is mylatexformat's (TeX Live's {@code mylatexformat.ltx}: it stops at the marker, and in a pass from
 * the format skips the lines up to it) with a small driver of the plugin's ({@link #DRIVER_TEXT}). A format is keyed
 * by the engine, its version line, the search paths, the text of the preamble and the content of every file the
 * dump read, as its recorder lists them; it is never used when any of them changed. The key's first part (without
 * the files, which are only known after a dump) names a manifest in {@code target/report/.texreport/formats/}
 * that lists those files with their hashes.
 *
 * <p>What a format cannot hold makes the milestone fall back to plain passes, with one debug line saying why:
 * LuaLaTeX (its Lua state is not kept in a format), a
 * preamble that fails in the dump, that writes files (mylatexformat would postpone them), or that leaves material
 * on the page other than colour-stack and log {@code \write} nodes (those are put back by a small file the format's
 * marker reads, so the PDF stays byte for byte the same). A refusal is kept in the manifest, so the dump is not
 * tried again until the preamble changes.
 */
public final class FormatCache {
    /** The line of {@code main.tex} after which the preamble is the milestone's own (running head, PDF info, ...). */
    public static final String MARKER = "\\csname texreport@dumphere\\endcsname\\csname endofdump\\endcsname";
    /** Bump when the driver or the way formats are made changes: old formats are then never used. */
    static final String VERSION = "1";
    static final String DRIVER = "texreport-dump.ltx";
    static final String DUMP_JOB = "texreport-format";
    static final String PAGE_FILE = "texreport-format-page.tex";
    static final String DRIVER_TEXT = """
            % texreport-dump.ltx -- written by report-maven-plugin next to main.tex for the one run that dumps the
            % preamble every milestone shares into a format (report.formatCache). The command line is
            %   -ini &<engine> texreport-dump.ltx mylatexformat.ltx main.tex
            % mylatexformat reads main.tex up to the plugin's marker line, which calls the macro below, and dumps.
            \\catcode`\\@=11
            \\def\\texreport@dumphere{%
              % mylatexformat would load extra fonts before the dump, which renumbers the PDF's font resources: the
              % format keeps the fonts the preamble loaded, no more, so a pass from it writes the same bytes.
              \\let\\MYLATEX@fontpreloading\\relax
              % What the preamble left on the page (e.g. pgfplots: a colour-stack push) is not kept in a format; the
              % plugin reads it from this listing and gives it back to every pass that starts from the format.
              {\\showboxbreadth=10000 \\showboxdepth=10000 \\showlists}%
              % In a pass from the format mylatexformat resumes at the marker line, which then reads that file.
              \\gdef\\texreport@dumphere{\\InputIfFileExists{texreport-format-page.tex}{}{}}}
            \\catcode`\\@=12
            \\expandafter\\input\\endinput
            """;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern PAGE_NODE = Pattern.compile(
            "\\\\write-\\{[^\\\\{}]*}|\\\\pdfcolorstack \\d+ (?:push|set) \\{[^\\\\{}]*}|\\\\pdfcolorstack \\d+ (?:pop|current)");

    /** A format to start passes from; {@code page} is what the preamble left on the page, given back after it. */
    record Format(Path file, String page, List<String> preambleLog) { }

    /** What a dump left: the format, or the reason there is none. Stored as JSON next to the formats. */
    record Manifest(String key, Map<String, String> files, String format, String page, String refused) { }

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
        Optional<String> head = head(job.file(".tex"));
        if (head.isEmpty()) {
            return refuse(job, "no marker", "main.tex has no line " + MARKER + " (a template of the pack's own)");
        }
        Map<String, String> environment = new TreeMap<>(sandbox.environment());
        // The milestones' search paths differ (each has its own figures folder); what a preamble found through
        // them is in the manifest, and a file of the milestone's own that would hide it is looked for below.
        environment.remove("TEXINPUTS");
        environment.remove("BIBINPUTS");
        String key = key(job.engine(), engineVersion, environment, head.get());
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Optional<Manifest> known = read(key).filter(m -> unchanged(m, job));
            Manifest manifest = known.isPresent() ? known.get() : dump(job, sandbox, runner, toolchain, key);
            if (manifest.refused() != null) {
                return refuse(job, key, manifest.refused());
            }
            Path file = dir.resolve(manifest.format());
            List<String> preambleLog = TexFiles.readLog(dir.resolve(logName(manifest.format())));
            return Optional.of(new Format(file, manifest.page(), preambleLog));
        }
    }

    /** Passes from {@code format} failed where plain passes succeeded: it is not used again for this preamble. */
    void distrust(Format format, String why) {
        for (Path file : list()) {
            Optional<Manifest> manifest = readFile(file);
            if (manifest.isPresent() && format.file().getFileName().toString().equals(manifest.get().format())) {
                Manifest m = manifest.get();
                try {
                    write(new Manifest(m.key(), m.files(), null, "", why));
                    Files.deleteIfExists(format.file());
                } catch (EnvironmentException | IOException e) {
                    log.debug("cannot mark the format " + format.file() + " as unusable: " + e.getMessage());
                }
            }
        }
    }

    /** The text of {@code main.tex} up to and with the marker line; empty when there is no marker. */
    static Optional<String> head(Path mainTex) throws EnvironmentException {
        String text;
        try {
            text = Files.readString(mainTex, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + mainTex + ": " + e.getMessage(), e);
        }
        int at = 0;
        for (String line : text.split("\n", -1)) {
            at += line.length() + 1;
            if (line.strip().equals(MARKER)) {
                return Optional.of(text.substring(0, Math.min(at, text.length())));
            }
            if (line.strip().startsWith("\\begin{document}")) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The key before any file is known: engine, its version, TeX's environment and the preamble's text. */
    static String key(Engine engine, String engineVersion, Map<String, String> environment, String head) {
        StringBuilder text = new StringBuilder("texreport format ").append(VERSION).append('\n')
                .append(engine.name()).append('\n').append(engineVersion).append('\n');
        new TreeMap<>(environment).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return engine.executable() + "-" + Hashes.sha256(text.append(head).toString()).substring(0, 32);
    }

    /**
     * Whether every file the dump read still has the content it had, and none would be found elsewhere by this job
     * (a file of the same name in its working directory or its own figures folder, which its search path puts first).
     */
    private boolean unchanged(Manifest manifest, CompileJob job) {
        Map<String, Path> own = ownFiles(job);
        for (Map.Entry<String, String> entry : manifest.files().entrySet()) {
            Path file = resolve(job.workDir(), entry.getKey());
            Path first = own.get(String.valueOf(file.getFileName()));
            if (first != null && !first.toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize())) {
                log.debug("the preamble format " + manifest.key() + " is not for " + job.label() + ": it would read "
                        + first + " instead of " + entry.getKey());
                return false;
            }
            Optional<String> now = hash(file);
            if (now.isEmpty() || !now.get().equals(entry.getValue())) {
                log.debug("the preamble format " + manifest.key() + " is out of date: " + entry.getKey() + " changed");
                return false;
            }
        }
        return manifest.refused() != null || Files.isRegularFile(dir.resolve(manifest.format()));
    }

    /** The files the job's search path finds before the installation, by name (the first one of each name). */
    private static Map<String, Path> ownFiles(CompileJob job) {
        Map<String, Path> files = new java.util.HashMap<>();
        String path = job.environment().getOrDefault("TEXINPUTS", ".");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            boolean deep = entry.endsWith("//");
            Path folder = job.workDir().resolve(deep ? entry.substring(0, entry.length() - 2) : entry);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (var walk = deep ? Files.walk(folder) : Files.list(folder)) {
                walk.filter(Files::isRegularFile).sorted()
                        .forEach(f -> files.putIfAbsent(f.getFileName().toString(), f));
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable folder hides nothing TeX could read either
            }
        }
        return files;
    }

    private Manifest dump(CompileJob job, JobSandbox sandbox, ProcessRunner runner, Toolchain toolchain, String key)
            throws EnvironmentException, TexFailure {
        Path workDir = job.workDir();
        Path driver = workDir.resolve(DRIVER);
        AtomicFile.write(driver, temp -> Files.writeString(temp, DRIVER_TEXT, StandardCharsets.UTF_8));
        ProcessOutcome outcome = runner.run(ProcessSpec.tex(toolchain.enginePath(), sandbox.dumpArguments(DUMP_JOB,
                job.jobName() + ".tex"), workDir, sandbox.environment(), job.timeout()));
        List<String> logLines = TexFiles.readLog(workDir.resolve(DUMP_JOB + ".log"));
        Path fls = workDir.resolve(DUMP_JOB + ".fls");
        Path made = workDir.resolve(DUMP_JOB + ".fmt");
        try {
            if (!Files.isRegularFile(fls)) {
                String said = outcome.output().isEmpty() ? "" : ": " + outcome.output().get(outcome.output().size() - 1);
                Manifest refused = new Manifest(key, Map.of(), null, "", "the engine did not start the dump (exit "
                        + outcome.exitCode() + said.strip() + ")");
                write(refused);
                return refused;
            }
            sandbox.afterRun(fls, logLines);
            Map<String, String> files = new TreeMap<>();
            List<String> written = new ArrayList<>();
            Recorded recorded = recorded(fls, workDir);
            for (String input : recorded.inputs()) {
                if (!input.equals("./" + job.jobName() + ".tex") && !input.equals("./" + DRIVER)) {
                    hash(resolve(workDir, input)).ifPresent(hash -> files.put(input, hash));
                }
            }
            for (String output : recorded.outputs()) {
                if (!output.startsWith("./" + DUMP_JOB + ".")) {
                    written.add(output);
                }
            }
            String why = outcome.timedOut() ? "the dump did not finish within " + job.timeout().toSeconds() + " s"
                    : firstError(logLines).map(e -> "the dump stopped: " + e)
                    .orElse(!written.isEmpty() ? "the preamble writes " + String.join(", ", written)
                            : !Files.isRegularFile(made) ? "the engine wrote no format (exit " + outcome.exitCode() + ")"
                            : null);
            Page page = page(logLines);
            if (why == null && page.refused() != null) {
                why = page.refused();
            }
            if (why != null) {
                Manifest refused = new Manifest(key, files, null, "", why);
                write(refused);
                return refused;
            }
            StringBuilder full = new StringBuilder(key);
            files.forEach((name, hash) -> full.append('\n').append(name).append(' ').append(hash));
            String name = key + "-" + Hashes.sha256(full.toString()).substring(0, 16) + ".fmt";
            Files.createDirectories(dir);
            Path target = dir.resolve(name);
            Path temp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + ".tmp");
            Files.move(made, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            List<String> preambleLog = logLines.subList(0, page.listingStart());
            AtomicFile.write(dir.resolve(logName(name)), t -> Files.write(t, preambleLog, StandardCharsets.UTF_8));
            Optional<Manifest> old = read(key);
            Manifest manifest = new Manifest(key, files, name, page.replay(), null);
            write(manifest);
            if (old.isPresent() && old.get().format() != null && !old.get().format().equals(name)) {
                Files.deleteIfExists(dir.resolve(old.get().format()));
                Files.deleteIfExists(dir.resolve(logName(old.get().format())));
            }
            log.debug("[" + job.label() + "] dumped the preamble into the format " + name + " ("
                    + String.format(java.util.Locale.ROOT, "%.1f s", outcome.elapsed().toMillis() / 1000.0) + ")");
            return manifest;
        } catch (IOException e) {
            throw new EnvironmentException("Cannot keep the preamble format in " + dir + ": " + e.getMessage(), e);
        } finally {
            for (String leftover : List.of(DRIVER, DUMP_JOB + ".log", DUMP_JOB + ".fls", DUMP_JOB + ".fmt")) {
                try {
                    Files.deleteIfExists(workDir.resolve(leftover));
                } catch (IOException ignored) {
                    // a leftover in the working directory is harmless; the next dump overwrites it
                }
            }
        }
    }

    private static String logName(String format) {
        return format.substring(0, format.length() - ".fmt".length()) + ".log";
    }

    /** What the preamble left on the page, from the dump's {@code \showlists}, as TeX input to give it back. */
    record Page(String replay, String refused, int listingStart) { }

    static Page page(List<String> logLines) {
        int start = -1;
        for (int i = 0; i < logLines.size(); i++) {
            if (logLines.get(i).startsWith("### ")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return new Page("", "the dump did not reach the marker line", logLines.size());
        }
        if (!logLines.get(start).equals("### vertical mode entered at line 0")) {
            return new Page("", "the preamble is not in vertical mode at the marker (" + logLines.get(start) + ")",
                    start);
        }
        StringBuilder replay = new StringBuilder();
        for (int i = start + 1; i < logLines.size(); i++) {
            String line = logLines.get(i);
            if (line.startsWith("prevdepth") || line.startsWith("! OK")) {
                break;
            }
            if (line.isBlank() || line.equals("### current page:") || line.equals("### recent contributions:")) {
                continue;
            }
            if (!PAGE_NODE.matcher(line).matches()) {
                return new Page("", "the preamble leaves material on the page (" + line.strip() + ")", start);
            }
            // TeX shows a \write to the log only (a negative stream) as "\write-"; as input it needs the number.
            replay.append(line.startsWith("\\write-{") ? "\\write-1" + line.substring("\\write-".length()) : line)
                    .append('\n');
        }
        return new Page(replay.toString(), null, start);
    }

    private static Optional<String> firstError(List<String> logLines) {
        return logLines.stream().filter(l -> l.startsWith("!") && !l.startsWith("! OK"))
                .map(String::strip).findFirst();
    }

    /** The files a run read and wrote, from its recorder file: inside the working directory as {@code ./name}. */
    record Recorded(List<String> inputs, List<String> outputs) { }

    static Recorded recorded(Path fls, Path workDir) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        if (!Files.isRegularFile(fls)) {
            return new Recorded(inputs, outputs);
        }
        Path base = workDir.toAbsolutePath().normalize();
        for (String line : Files.readAllLines(fls, StandardCharsets.ISO_8859_1)) {
            boolean input = line.startsWith("INPUT ");
            if (!input && !line.startsWith("OUTPUT ")) {
                continue;
            }
            Path path = base.resolve(line.substring(line.indexOf(' ') + 1)).normalize();
            String name = path.startsWith(base) ? "./" + base.relativize(path).toString().replace('\\', '/')
                    : path.toString();
            List<String> list = input ? inputs : outputs;
            if (!list.contains(name)) {
                list.add(name);
            }
        }
        return new Recorded(inputs, outputs);
    }

    private static Path resolve(Path workDir, String name) {
        return name.startsWith("./") ? workDir.resolve(name.substring(2)) : Path.of(name);
    }

    /** A file's hash; those of the TeX installation are asked for by every milestone, so they are kept. */
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

    private Optional<Manifest> read(String key) {
        return readFile(dir.resolve(key + ".json"));
    }

    private static Optional<Manifest> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Manifest manifest = MAPPER.readValue(file.toFile(), Manifest.class);
            return manifest.files() == null ? Optional.empty() : Optional.of(manifest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private List<Path> list() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void write(Manifest manifest) throws EnvironmentException {
        Map<String, String> files = new LinkedHashMap<>(manifest.files());
        Manifest sorted = new Manifest(manifest.key(), files, manifest.format(), manifest.page(), manifest.refused());
        AtomicFile.write(dir.resolve(manifest.key() + ".json"), temp -> MAPPER.writeValue(temp.toFile(), sorted));
    }
}
