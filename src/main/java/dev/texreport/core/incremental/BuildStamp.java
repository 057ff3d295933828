package dev.texreport.core.incremental;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.Problem;
import dev.texreport.core.ProblemCodec;
import dev.texreport.core.tex.EngineLocator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The whole build in one stamp, so that a build where nothing changed costs milliseconds. The stamp holds a hash of
 * everything the build depends on that can be read without parsing anything (the request, the plugin, the engine
 * binary, every file under the report sources, git's HEAD), the template pack's trail (see
 * {@code course.PackTrail}), and the outcome to report the next time: each milestone's figures, problems and PDF
 * hash. When all of that still holds, the next build reports the same outcome again without loading the pack, the
 * results, the JSON library or TeX. Any difference takes the full path, where each milestone's own
 * {@link MilestoneFingerprint} decides what to rebuild.
 *
 * <p>The stamp is a {@link Properties} file: the JDK reads it without loading anything else.
 */
public final class BuildStamp {
    private static final String FORMAT = "2";

    /** A milestone as the stamped build left it. */
    public record Milestone(MilestoneResult result, ZonedDateTime due) { }

    /** A dated course event. */
    public record Event(String title, ZonedDateTime date) { }

    /**
     * The outcome a stamp holds.
     *
     * @param packSteps the pack's trail, to replay before trusting the stamp
     */
    public record Stamped(List<Milestone> milestones, List<Problem> problems, List<Event> events,
                          List<String> packSteps) { }

    private final StateStore store;

    public BuildStamp(StateStore store) {
        this.store = store;
    }

    /**
     * The hash of the request and of every input that can be read without parsing, or empty when one of them cannot
     * be read (the full build then says what is wrong).
     *
     * @param engine  the engine binary the build would use
     * @param gitHead the commit git's HEAD names, or empty outside git: dates and commits in the PDF and the summary
     *                come from git's history, which is fixed for a given HEAD. Asked for last, so that the caller
     *                may ask git while the sources are hashed.
     */
    public static Optional<String> key(BuildRequest request, Path engine, Supplier<Optional<String>> gitHead) {
        try {
            Path src = request.sourceDir();
            List<String> folders = new ArrayList<>();
            try (Stream<Path> list = Files.list(src)) {
                list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(folders::add);
            }
            InputFingerprint fp = new InputFingerprint()
                    .text("format", FORMAT)
                    .text("plugin", PluginIdentity.value())
                    .text("request", String.join("\n", request.outputSettings(), request.projectDir().toString(),
                            src.toString(), request.outputDir().toString(), String.valueOf(request.milestones()),
                            String.valueOf(request.texBin()), String.valueOf(request.timeout()),
                            "sourceDateEpoch=" + request.sourceDateEpoch(), "template=" + request.template()))
                    .text("engine", EngineLocator.identity(engine))
                    .text("folders", String.join("\n", folders));
            fp.tree(src, src, List.of());
            fp.text("git", gitHead.get().orElse("none"));
            return Optional.of(fp.hex());
        } catch (IOException | EnvironmentException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The outcome of the last build when the stamp has the same key and every PDF is as that build left it; the
     * caller still replays the pack's trail.
     */
    public Optional<Stamped> read(String key) {
        Properties stamp = new Properties();
        try (Reader in = Files.newBufferedReader(store.stampFile(), StandardCharsets.UTF_8)) {
            stamp.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!key.equals(stamp.getProperty("key")) || !Files.isRegularFile(store.upToDateSummary())) {
            return Optional.empty();
        }
        try {
            List<Milestone> milestones = new ArrayList<>();
            int count = Integer.parseInt(stamp.getProperty("milestones"));
            for (int i = 0; i < count; i++) {
                String m = "milestone." + i + ".";
                Path pdf = Path.of(stamp.getProperty(m + "pdf"));
                if (!Files.isRegularFile(pdf) || !Hashes.sha256(pdf).equals(stamp.getProperty(m + "sha256"))) {
                    return Optional.empty();
                }
                Set<Path> used = new HashSet<>();
                list(stamp, m + "result").forEach(r -> used.add(Path.of(r)));
                MilestoneResult result = MilestoneResult.reused(stamp.getProperty(m + "id"),
                        stamp.getProperty(m + "title"), Integer.parseInt(stamp.getProperty(m + "pageLimit")), pdf,
                        new MilestoneResult.Pages(Double.parseDouble(stamp.getProperty(m + "contentPages")),
                                Integer.parseInt(stamp.getProperty(m + "pdfPages")),
                                Double.parseDouble(stamp.getProperty(m + "linesPerPage"))),
                        problems(stamp, m + "problem"), used);
                String due = stamp.getProperty(m + "due");
                milestones.add(new Milestone(result, due == null ? null : ZonedDateTime.parse(due)));
            }
            List<Event> events = new ArrayList<>();
            List<String> titles = list(stamp, "event.title");
            List<String> dates = list(stamp, "event.date");
            for (int i = 0; i < titles.size() && i < dates.size(); i++) {
                events.add(new Event(titles.get(i), ZonedDateTime.parse(dates.get(i))));
            }
            return Optional.of(new Stamped(milestones, problems(stamp, "problem"), events, list(stamp, "pack")));
        } catch (RuntimeException | EnvironmentException e) {
            return Optional.empty();
        }
    }

    /**
     * Records a finished build. Only a build whose every milestone ended with a PDF is recorded; after any other the
     * next build takes the full path.
     *
     * @param packSteps the pack's trail
     * @param dues      each milestone's deadline in the pack's time zone, by id
     */
    public void write(String key, List<String> packSteps, List<MilestoneResult> milestones,
                      Map<String, ZonedDateTime> dues, List<Problem> problems, List<Event> events)
            throws EnvironmentException {
        if (milestones.stream().anyMatch(m -> m.failure() != null || m.pdf() == null)) {
            return;
        }
        Properties stamp = new Properties();
        stamp.setProperty("key", key);
        put(stamp, "pack", packSteps);
        stamp.setProperty("milestones", Integer.toString(milestones.size()));
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneResult result = milestones.get(i);
            String m = "milestone." + i + ".";
            stamp.setProperty(m + "id", result.id());
            stamp.setProperty(m + "title", result.title());
            stamp.setProperty(m + "pdf", result.pdf().toString());
            stamp.setProperty(m + "sha256", Hashes.sha256(result.pdf()));
            stamp.setProperty(m + "pageLimit", Integer.toString(result.pageLimit()));
            stamp.setProperty(m + "contentPages", Double.toString(result.contentPages()));
            stamp.setProperty(m + "pdfPages", Integer.toString(result.pdfPages()));
            stamp.setProperty(m + "linesPerPage", Double.toString(result.linesPerPage()));
            putProblems(stamp, m + "problem", result.problems());
            put(stamp, m + "result", result.resultsUsed().stream().map(Path::toString).sorted().toList());
            if (dues.containsKey(result.id())) {
                stamp.setProperty(m + "due", dues.get(result.id()).toString());
            }
        }
        putProblems(stamp, "problem", problems);
        put(stamp, "event.title", events.stream().map(Event::title).toList());
        put(stamp, "event.date", events.stream().map(e -> e.date().toString()).toList());
        AtomicFile.write(store.stampFile(), temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                stamp.store(out, "report:build outcome; see BuildStamp");
            }
        });
    }

    /** Removes the stamp: the build that follows takes the full path. */
    public void forget() {
        try {
            Files.deleteIfExists(store.stampFile());
        } catch (IOException ignored) {
            // a stamp that cannot be removed will not match the next key either
        }
    }

    private static void putProblems(Properties stamp, String prefix, List<Problem> problems) {
        stamp.setProperty(prefix + ".count", Integer.toString(problems.size()));
        for (int i = 0; i < problems.size(); i++) {
            String p = prefix + "." + i + ".";
            ProblemCodec.encode(problems.get(i)).forEach((k, v) -> stamp.setProperty(p + k, v));
        }
    }

    private static List<Problem> problems(Properties stamp, String prefix) {
        int count = Integer.parseInt(stamp.getProperty(prefix + ".count", "0"));
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String p = prefix + "." + i + ".";
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : stamp.stringPropertyNames()) {
                if (name.startsWith(p)) {
                    fields.put(name.substring(p.length()), stamp.getProperty(name));
                }
            }
            problems.add(ProblemCodec.decode(fields));
        }
        return problems;
    }

    private static void put(Properties stamp, String prefix, List<String> values) {
        stamp.setProperty(prefix + ".count", Integer.toString(values.size()));
        for (int i = 0; i < values.size(); i++) {
            stamp.setProperty(prefix + "." + i, values.get(i));
        }
    }

    private static List<String> list(Properties stamp, String prefix) {
        int count = Integer.parseInt(stamp.getProperty(prefix + ".count", "0"));
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(stamp.getProperty(prefix + "." + i, ""));
        }
        return values;
    }
}
