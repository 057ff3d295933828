package dev.texreport.core;

import dev.texreport.core.pack.PackTrail;
import dev.texreport.core.tex.EngineLocator;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole build in one stamp, so that a build where nothing changed costs milliseconds. The stamp holds a hash of
 * everything the build depends on that can be read without parsing anything (the request, the plugin, the engine
 * binary, every file under the report sources, git's HEAD), the template pack's {@link PackTrail}, and the
 * outcome the build would report the next time: each milestone's figures, warnings, errors and PDF hash, and the
 * summary.json of a build that finds everything up to date. When all of that still holds, the next build reports
 * the same outcome again without loading the pack, the results, the JSON library or TeX; starting those alone takes
 * a few tenths of a second. Any difference, however small, takes the full path, where each milestone's own input
 * fingerprint decides what to rebuild.
 *
 * <p>The stamp is a {@link Properties} file: the JDK reads it without loading anything else.
 */
final class BuildStamp {
    private static final String FILE = "build-stamp.properties";
    private static final String SUMMARY = "summary-up-to-date.json";
    private static final String FORMAT = "1";

    private BuildStamp() {
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
    static Optional<String> key(BuildRequest request, Path engine, java.util.function.Supplier<Optional<String>> gitHead) {
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
     * The outcome of the last build when the stamp still holds: same key, same pack, every PDF as that build left it.
     * Logs what a build that finds every milestone up to date logs, with deadlines measured from now, and writes
     * summary.json and summary.md.
     */
    static Optional<BuildResult> reuse(BuildRequest request, String key, ClassLoader loader, ReportLog log) {
        Path dir = StateDirectory.of(request.outputDir());
        Properties stamp = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            stamp.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!key.equals(stamp.getProperty("key")) || !Files.isRegularFile(dir.resolve(SUMMARY))
                || !PackTrail.replays(list(stamp, "pack"), loader)) {
            return Optional.empty();
        }
        ZonedDateTime now = ZonedDateTime.now(request.clock());
        List<MilestoneResult> milestones = new ArrayList<>();
        try {
            int count = Integer.parseInt(stamp.getProperty("milestones"));
            for (int i = 0; i < count; i++) {
                String m = "milestone." + i + ".";
                Path pdf = Path.of(stamp.getProperty(m + "pdf"));
                if (!Files.isRegularFile(pdf) || !Provenance.sha256(pdf).equals(stamp.getProperty(m + "sha256"))) {
                    return Optional.empty();
                }
                Set<Path> used = new HashSet<>();
                list(stamp, m + "result").forEach(r -> used.add(Path.of(r)));
                String due = stamp.getProperty(m + "due");
                MilestoneResult result = new MilestoneResult(stamp.getProperty(m + "id"),
                        stamp.getProperty(m + "title"), pdf, Integer.parseInt(stamp.getProperty(m + "pageLimit")),
                        Double.parseDouble(stamp.getProperty(m + "contentPages")),
                        Integer.parseInt(stamp.getProperty(m + "pdfPages")),
                        Double.parseDouble(stamp.getProperty(m + "linesPerPage")), 0, 0, list(stamp, m + "warning"),
                        list(stamp, m + "error"), null, used, true, null, null);
                if (due != null) {
                    ZonedDateTime date = ZonedDateTime.parse(due);
                    result = result.withDeadline(date.toOffsetDateTime().toString(),
                            Deadlines.describe(date, now.withZoneSameInstant(date.getZone())));
                }
                milestones.add(result);
            }
        } catch (RuntimeException | EnvironmentException e) {
            return Optional.empty();
        }
        log.debug("Nothing changed since the last build (" + dir.resolve(FILE) + "): reporting its outcome again");
        milestones.forEach(m -> log.info("[" + m.id() + "] up to date"));
        milestones.stream().filter(m -> m.dueText() != null).forEach(m -> log.info("[" + m.id() + "] " + m.dueText()));
        List<String> events = new ArrayList<>();
        List<String> titles = list(stamp, "event.title");
        List<String> dates = list(stamp, "event.date");
        for (int i = 0; i < titles.size() && i < dates.size(); i++) {
            String text = new CourseDate(titles.get(i), ZonedDateTime.parse(dates.get(i))).describe(now);
            log.info("[course] " + text);
            events.add(text);
        }
        List<String> warnings = list(stamp, "warning");
        Path summary = request.outputDir().resolve("summary.json");
        try {
            AtomicFile.write(summary, temp -> Files.copy(dir.resolve(SUMMARY), temp,
                    StandardCopyOption.REPLACE_EXISTING));
            SummaryMarkdown.write(summary.resolveSibling("summary.md"),
                    SummaryMarkdown.render(request.projectDir(), milestones, warnings, events));
        } catch (EnvironmentException e) {
            return Optional.empty();
        }
        return Optional.of(new BuildResult(milestones, warnings, summary));
    }

    /** Where the up-to-date summary.json goes before {@link #write}. */
    static Path summaryFile(Path outputDir) {
        return StateDirectory.of(outputDir).resolve(SUMMARY);
    }

    /**
     * Records a finished build. Only a build whose every milestone ended with a PDF and a saved state is recorded;
     * after any other the next build takes the full path.
     *
     * @param dues   each milestone's deadline in the pack's time zone, by id
     * @param events the course's dated events
     */
    static void write(BuildRequest request, String key, PackTrail trail, List<MilestoneResult> milestones,
                      Map<String, ZonedDateTime> dues, List<String> warnings, List<CourseDate> events)
            throws EnvironmentException {
        if (milestones.stream().anyMatch(m -> m.failure() != null || m.pdf() == null)) {
            return;
        }
        Properties stamp = new Properties();
        stamp.setProperty("key", key);
        put(stamp, "pack", trail.steps());
        stamp.setProperty("milestones", Integer.toString(milestones.size()));
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneResult result = milestones.get(i);
            String m = "milestone." + i + ".";
            stamp.setProperty(m + "id", result.id());
            stamp.setProperty(m + "title", result.title());
            stamp.setProperty(m + "pdf", result.pdf().toString());
            stamp.setProperty(m + "sha256", Provenance.sha256(result.pdf()));
            stamp.setProperty(m + "pageLimit", Integer.toString(result.pageLimit()));
            stamp.setProperty(m + "contentPages", Double.toString(result.contentPages()));
            stamp.setProperty(m + "pdfPages", Integer.toString(result.pdfPages()));
            stamp.setProperty(m + "linesPerPage", Double.toString(result.linesPerPage()));
            put(stamp, m + "warning", result.warnings());
            put(stamp, m + "error", result.errors());
            put(stamp, m + "result", result.resultsUsed().stream().map(Path::toString).sorted().toList());
            if (dues.containsKey(result.id())) {
                stamp.setProperty(m + "due", dues.get(result.id()).toString());
            }
        }
        put(stamp, "warning", warnings);
        put(stamp, "event.title", events.stream().map(CourseDate::title).toList());
        put(stamp, "event.date", events.stream().map(e -> e.date().toString()).toList());
        AtomicFile.write(StateDirectory.of(request.outputDir()).resolve(FILE), temp -> {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                stamp.store(out, "report:build outcome; see BuildStamp");
            }
        });
    }

    /** Removes the stamp: the build that follows takes the full path. */
    static void forget(Path outputDir) {
        try {
            Files.deleteIfExists(StateDirectory.of(outputDir).resolve(FILE));
        } catch (IOException ignored) {
            // a stamp that cannot be removed will not match the next key either
        }
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
