package dev.texreport.core.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.texreport.core.Diagnostic;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.SourceException;
import dev.texreport.core.SourceLines;
import dev.texreport.core.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * (Over the house's 250 lines on purpose: one walk over results/ that dispatches to every reader and keeps, for each value, the file and
 * line a message must name; the readers themselves live in their own classes.)
 *
 * Loads everything below {@code results/} into plain Java values for the templates: objects become maps in file
 * order, arrays lists, numbers exact decimals that keep their written text (never binary floating point). A file
 * {@code results/cifar10.json} is {@code results.cifar10}; {@code results/vit/seed0.json} is
 * {@code results.vit.seed0}; a CSV file is a list of records, one per row. Folders written by training tools are
 * read as what they hold: a folder with TensorBoard event files is a list of records, one per step; an MLflow
 * store ({@code mlruns/}) is its runs and their history; a W&amp;B run folder is one run record.
 */
public final class ResultsLoader {
    /** Files whose reading takes longer than this get a progress line. */
    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final CsvRuns csv = new CsvRuns();
    private final JsonValues json = new JsonValues();
    private final Consumer<String> progress;

    public ResultsLoader() {
        this(line -> { });
    }

    /** @param progress receives a line about the loading when it takes more than a second */
    public ResultsLoader(Consumer<String> progress) {
        this.progress = progress;
    }

    /** The state of one load. */
    private final class Load {
        final Path root;
        final Map<String, Object> model = new TreeMap<>();
        final List<Path> files = new ArrayList<>();
        final Map<String, List<Path>> entries = new LinkedHashMap<>();
        final Map<Object, Path> owners = new IdentityHashMap<>();
        final Map<Object, Integer> lines = new IdentityHashMap<>();
        final Map<Path, List<Path>> members = new LinkedHashMap<>();
        final List<Warning> warnings = new ArrayList<>();
        final List<Diagnostic> problems = new ArrayList<>();
        /** The facts of a file or folder being read, until its value is put into the model. */
        final Map<Path, JsonValues.FileFacts> pendingFacts = new LinkedHashMap<>();
        final long start = System.nanoTime();
        long lastProgress = start;
        int read;
        int total;

        Load(Path root) {
            this.root = root;
        }
    }

    /** Returns the data model below {@code results}; an absent folder gives an empty model. */
    public LoadedResults load(Path resultsDir) throws ReportException {
        Load load = new Load(resultsDir);
        if (!Files.isDirectory(resultsDir)) {
            return loaded(load);
        }
        try (Stream<Path> walk = Files.walk(resultsDir)) {
            load.total = (int) walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + resultsDir + ": " + e.getMessage(), e);
        }
        folder(load, resultsDir, load.model, "");
        if (!load.problems.isEmpty()) {
            throw new SourceException(load.problems.size() + " results file(s) cannot be read", load.problems);
        }
        long took = System.nanoTime() - load.start;
        if (took > PROGRESS_NANOS) {
            progress.accept(String.format(java.util.Locale.ROOT, "results: read %d files in %.1f s", load.read,
                    took / 1e9));
        }
        return loaded(load);
    }

    private static LoadedResults loaded(Load load) {
        return new LoadedResults(load.model, load.files, load.entries, load.owners, load.lines, load.members,
                load.warnings);
    }

    private void folder(Load load, Path dir, Map<String, Object> level, String keyPrefix) throws ReportException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        } catch (IOException e) {
            throw new EnvironmentException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        List<Path> looseEvents = new ArrayList<>();
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || Files.isSymbolicLink(child)) {
                continue;
            }
            try {
                if (Files.isDirectory(child)) {
                    if (hasEventFiles(child)) {
                        tensorBoard(load, child, level, keyPrefix);
                    } else if (MlflowStore.isStore(child)) {
                        MlflowStore.Read store = MlflowStore.read(child, facts(load, child));
                        put(load, level, keyPrefix, name, store.value(), child, store.files());
                    } else if (WandbRun.isRun(child)) {
                        JsonValues.FileFacts facts = facts(load, child);
                        WandbRun.Read run = WandbRun.read(child, json, facts);
                        load.lines.putAll(facts.lines);
                        put(load, level, keyPrefix, name, run.record(), child, run.files());
                    } else {
                        Object existing = level.get(name);
                        if (existing != null && !(existing instanceof TreeMap<?, ?>)) {
                            load.problems.add(Diagnostic.error(SourceLocation.of(child, 0), "has the same name as the"
                                    + " results file '" + name + "' beside it; rename one of them."));
                            continue;
                        }
                        @SuppressWarnings("unchecked")
                        Map<String, Object> sub = (Map<String, Object>) level.computeIfAbsent(name,
                                k -> new TreeMap<>());
                        folder(load, child, sub, keyPrefix + name + "/");
                    }
                } else if (isEventFile(child)) {
                    looseEvents.add(child);
                } else if (name.endsWith(".json") || name.endsWith(".csv")) {
                    file(load, child, level, keyPrefix);
                }
            } catch (IOException e) {
                throw new EnvironmentException("Cannot read " + child + ": " + e.getMessage(), e);
            }
        }
        if (!looseEvents.isEmpty()) {
            load.problems.add(Diagnostic.error(SourceLocation.of(looseEvents.get(0), 0), "TensorBoard event files "
                    + "directly in " + (dir.equals(load.root) ? "results/" : "a folder with other results files")
                    + " have no run name; move them into a folder named after the run, e.g. results/runs/baseline/"));
        }
    }

    private void file(Load load, Path file, Map<String, Object> level, String keyPrefix)
            throws IOException, ReportException {
        String name = file.getFileName().toString();
        name = name.substring(0, name.lastIndexOf('.'));
        try {
            JsonValues.FileFacts facts = facts(load, file);
            Object value = file.getFileName().toString().endsWith(".csv") ? csv.read(file, facts)
                    : json.read(file, facts);
            load.lines.putAll(facts.lines);
            int before = load.problems.size();
            NumberRange.check(value, "", file, load.problems);
            if (load.problems.size() > before) {
                load.pendingFacts.remove(file);
                return;
            }
            if (level.containsKey(name)) {
                load.problems.add(Diagnostic.error(SourceLocation.of(file, 0), "has the same name as another results"
                        + " file or folder ('" + name + "'); rename one of them."));
                return;
            }
            put(load, level, keyPrefix, name, value, file, List.of(file));
        } catch (SourceException e) {
            load.problems.addAll(e.diagnostics());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 0 : where.getLineNr();
            int column = where == null ? 0 : where.getColumnNr();
            load.problems.add(Diagnostic.error(new SourceLocation(file, line, column),
                    "invalid JSON: " + e.getOriginalMessage()).withSourceLine(SourceLines.line(file, line)));
        }
    }

    private void tensorBoard(Load load, Path run, Map<String, Object> level, String keyPrefix) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(run)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p) && isEventFile(p)).sorted().toList()) {
                Path folder = run.relativize(file.getParent());
                files.put(file, folder.toString().isEmpty() ? "" : ProjectPaths.slashes(folder) + "/");
            }
        }
        String name = run.getFileName().toString();
        try {
            TensorBoardRun.Read read = TensorBoardRun.read(name, files);
            read.problems().forEach(p -> load.warnings.add(new Warning(run, p)));
            if (read.scalars() == 0) {
                load.warnings.add(new Warning(run, "the TensorBoard event files hold no scalars ("
                        + read.skipped() + " images, histograms or other summaries); nothing to plot"));
            }
            facts(load, run).notFinite.putAll(read.notFinite());
            put(load, level, keyPrefix, name, read.records(), run, new ArrayList<>(files.keySet()));
        } catch (TfRecords.BadRecord e) {
            load.problems.add(Diagnostic.error(SourceLocation.of(run, 0), "a TensorBoard event file is damaged: "
                    + e.getMessage() + " at byte " + e.offset + "; copy the run's files again"));
        }
    }

    /** Counts the file towards the progress line; the facts' NaN counts become one warning for the file. */
    private JsonValues.FileFacts facts(Load load, Path source) {
        load.read++;
        long now = System.nanoTime();
        if (now - load.lastProgress > PROGRESS_NANOS) {
            load.lastProgress = now;
            progress.accept("results: reading " + ProjectPaths.slashes(load.root.relativize(source)) + " (" + load.read
                    + " of " + load.total + " files)");
        }
        JsonValues.FileFacts facts = new JsonValues.FileFacts();
        load.pendingFacts.put(source, facts);
        return facts;
    }

    private void put(Load load, Map<String, Object> level, String keyPrefix, String name, Object value, Path source,
                     List<Path> files) {
        level.put(name, value);
        load.entries.put(keyPrefix + name, files);
        load.files.addAll(files);
        load.members.put(source, files);
        own(value, source, load.owners);
        JsonValues.FileFacts facts = load.pendingFacts.remove(source);
        if (facts != null && !facts.notFinite.isEmpty()) {
            int count = facts.notFinite.values().stream().mapToInt(Integer::intValue).sum();
            List<String> keys = new ArrayList<>();
            facts.notFinite.forEach((k, n) -> keys.add((k.isEmpty() ? "(no key)" : k) + " \u00d7" + n));
            load.warnings.add(new Warning(source, count + (count == 1 ? " value is" : " values are")
                    + " NaN or infinite (" + String.join(", ", keys) + "); tables print them as \u2014 and plots"
                    + " leave them out"));
        }
    }

    static boolean isEventFile(Path file) {
        return file.getFileName().toString().contains("tfevents");
    }

    private static boolean hasEventFiles(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.anyMatch(p -> Files.isRegularFile(p) && isEventFile(p));
        }
    }

    /** Records every object and array of a file's value as coming from that file. */
    private static void own(Object value, Path file, Map<Object, Path> owners) {
        if (value instanceof Map<?, ?> map) {
            owners.put(map, file);
            map.values().forEach(v -> own(v, file, owners));
        } else if (value instanceof List<?> list) {
            owners.put(list, file);
            list.forEach(v -> own(v, file, owners));
        }
    }

    /** A warning about a results file or folder, e.g. NaN values in it. */
    public record Warning(Path file, String message) {
        /** {@code src/report/results/x.json: message}. */
        public String describe(Path projectDir) {
            return ProjectPaths.relative(projectDir, file) + ": " + message;
        }
    }

    /**
     * The loaded model and where it came from.
     *
     * @param model    the tree below {@code results}: folders are sorted maps, files their parsed values
     * @param files    every file read
     * @param entries  each entry's key path in the tree ({@code vit-s16/seed0}) and the files it was read from
     * @param owners   every object and array of the model, by identity, and the file (or run folder) it came from
     * @param lines    the line each record (object, CSV row) starts on in its file, by identity
     * @param members  for each file or run folder in {@code owners}, the files read for it
     * @param warnings what the team should know about the files (NaN values, a run still writing)
     */
    public record LoadedResults(Map<String, Object> model, List<Path> files, Map<String, List<Path>> entries,
                                Map<Object, Path> owners, Map<Object, Integer> lines, Map<Path, List<Path>> members,
                                List<Warning> warnings) {
        /** The warnings as the build lists them. */
        public List<String> warnings(Path projectDir) {
            return warnings.stream().map(w -> w.describe(projectDir)).toList();
        }
    }
}
