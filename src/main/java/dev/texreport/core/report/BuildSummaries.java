package dev.texreport.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.texreport.core.AtomicFile;
import dev.texreport.core.BuildRequest;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.Hashes;
import dev.texreport.core.MilestoneResult;
import dev.texreport.core.PageFigures;
import dev.texreport.core.Problem;
import dev.texreport.core.ProjectPaths;
import dev.texreport.core.ReportException;
import dev.texreport.core.ReportLog;
import dev.texreport.core.SourceException;
import dev.texreport.core.course.CourseDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * (Over the house's 250 lines on purpose: summary.json's fields, the CI summary and the failure summary are one format, kept in one
 * place so a field cannot be written one way by one path and another way by another.)
 *
 * Writes target/report/summary.json, the machine-readable account of a build for CI and course staff, and next to
 * it summary.md ({@link SummaryMarkdown}). The JSON holds facts only (deadlines as dates, not as time left), so the
 * same build gives the same file whenever it is read. Every problem is listed twice: as text in {@code errors} and
 * {@code warnings}, and as a structured entry in {@code problems} (kind, severity, message and its own fields).
 */
public final class BuildSummaries {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Provenance provenance;

    public BuildSummaries(Provenance provenance) {
        this.provenance = provenance;
    }

    /**
     * Writes summary.md and summary.json; returns summary.json's path.
     *
     * @param events           the course's dated events
     * @param eventTexts       the same, as the log printed them (with the time to or since each)
     * @param upToDateSummary  where to write the summary.json a later build that finds nothing changed reports
     * @param writeUpToDate    whether to write it (only builds that write a stamp need it)
     */
    public Path write(BuildRequest request, List<MilestoneResult> milestones, List<Problem> problems,
                      List<CourseDate> events, List<String> eventTexts, Path upToDateSummary,
                      boolean writeUpToDate) throws EnvironmentException {
        Path summary = request.outputDir().resolve("summary.json");
        Map<String, String> committed = committedAt(request, milestones);
        SummaryMarkdown.write(summary.resolveSibling("summary.md"),
                SummaryMarkdown.render(request.projectDir(), milestones, problems, eventTexts));
        writeJson(summary, summary, request.projectDir(), milestones, problems, events, committed);
        if (writeUpToDate) {
            writeJson(upToDateSummary, summary, request.projectDir(),
                    milestones.stream().map(MilestoneResult::asReused).toList(), problems, events, committed);
        }
        return summary;
    }

    /**
     * When git last changed each milestone's folder (ISO-8601, UTC), for staff to tell a late milestone from one
     * handed in on time; git is asked for all milestones at once. Absent outside git.
     */
    private Map<String, String> committedAt(BuildRequest request, List<MilestoneResult> milestones) {
        Map<String, CompletableFuture<Optional<Long>>> asked = new LinkedHashMap<>();
        for (MilestoneResult m : milestones) {
            Path folder = request.sourceDir().resolve(m.id());
            asked.put(m.id(), CompletableFuture.supplyAsync(() -> provenance.lastCommitTime(folder)));
        }
        Map<String, String> committed = new HashMap<>();
        asked.forEach((id, answer) -> answer.join().ifPresent(seconds -> committed.put(id,
                Instant.ofEpochSecond(seconds).toString())));
        return committed;
    }

    /**
     * The summary of a build that stopped before any milestone was built (a wrong setting, an unreadable results
     * file, a missing engine, a sandbox violation): {@code passed} false, the problems, no milestones. Written so that
     * a CI step reading summary.json never sees the verdict of an earlier build. A summary that cannot be written is
     * only a warning: the build fails anyway, with the real reason.
     */
    public static void writeFailure(BuildRequest request, ReportException failure, ReportLog log) {
        List<Problem> problems = new ArrayList<>();
        if (failure instanceof SourceException source && !source.diagnostics().isEmpty()) {
            source.diagnostics().forEach(d -> problems.add(Problem.SourceProblem.of(d, request.projectDir())));
        } else {
            problems.add(Problem.BuildError.of(failure));
        }
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", false);
        root.putArray("milestones");
        ArrayNode errors = root.putArray("errors");
        problems.forEach(p -> errors.add(p.message()));
        root.putArray("warnings");
        problems(root.putArray("problems"), problems);
        root.putArray("events");
        Path summary = request.outputDir().resolve("summary.json");
        try {
            AtomicFile.write(summary, temp -> mapper.writeValue(temp.toFile(), root));
            SummaryMarkdown.write(summary.resolveSibling("summary.md"),
                    SummaryMarkdown.render(request.projectDir(), List.of(), problems, List.of()));
        } catch (EnvironmentException e) {
            log.warn("Cannot write " + summary + " about this failed build: " + e.getMessage());
            return;
        }
        appendCiSummary(request, log);
    }

    /** GitHub Actions shows what a step appends to $GITHUB_STEP_SUMMARY on the run's page. */
    public static void appendCiSummary(BuildRequest request, ReportLog log) {
        if (request.ciSummary() == null) {
            return;
        }
        Path markdown = request.outputDir().resolve("summary.md");
        try {
            Files.writeString(request.ciSummary(), Files.readString(markdown) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            log.warn("Cannot append the report summary to " + request.ciSummary() + ": " + e.getMessage());
        }
    }

    /**
     * Writes the JSON to {@code target}; the git commits of results files that {@code previous} (a summary written
     * before) already names for the same content are not asked of git again.
     */
    private void writeJson(Path target, Path previous, Path projectDir, List<MilestoneResult> milestones,
                           List<Problem> buildProblems, List<CourseDate> events, Map<String, String> committed)
            throws EnvironmentException {
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", milestones.stream().allMatch(MilestoneResult::passed)
                && buildProblems.stream().noneMatch(Problem::isError));
        ArrayNode array = root.putArray("milestones");
        Map<Path, ObjectNode> described = new HashMap<>();
        Map<String, String> knownCommits = previousCommits(previous);
        for (MilestoneResult m : milestones) {
            ObjectNode node = array.addObject();
            node.put("id", m.id());
            node.put("title", m.title());
            if (m.pdf() != null) {
                node.put("pdf", ProjectPaths.relative(projectDir, m.pdf()));
            } else {
                node.putNull("pdf");
            }
            node.put("pageLimit", m.pageLimit());
            if (Double.isNaN(m.contentPages())) {
                node.putNull("contentPages");
            } else {
                node.put("contentPages", PageFigures.exact(m.contentPages()));
            }
            node.put("pdfPages", m.pdfPages());
            node.put("passed", m.passed());
            node.put("status", m.status().text());
            node.put("upToDate", m.upToDate());
            if (m.due() != null) {
                node.put("due", m.due());
            }
            if (committed.containsKey(m.id())) {
                node.put("committedAt", committed.get(m.id()));
            }
            node.put("enginePasses", m.enginePasses());
            node.put("bibliographyRuns", m.bibRuns());
            ArrayNode warnings = node.putArray("warnings");
            m.warnings().forEach(warnings::add);
            ArrayNode errors = node.putArray("errors");
            m.errors().forEach(errors::add);
            problems(node.putArray("problems"), m.problems());
            ArrayNode results = node.putArray("results");
            for (Path used : m.resultsUsed().stream().sorted().toList()) {
                ObjectNode entry = described.get(used);
                if (entry == null) {
                    entry = results(used, projectDir, knownCommits);
                    described.put(used, entry);
                }
                results.add(entry.deepCopy());
            }
        }
        ArrayNode buildErrors = root.putArray("errors");
        buildProblems.stream().filter(Problem::isError).forEach(p -> buildErrors.add(p.message()));
        ArrayNode warnings = root.putArray("warnings");
        buildProblems.stream().filter(p -> !p.isError()).forEach(p -> warnings.add(p.message()));
        problems(root.putArray("problems"), buildProblems);
        ArrayNode courseEvents = root.putArray("events");
        for (CourseDate event : events) {
            courseEvents.addObject().put("title", event.title()).put("date", event.date().toOffsetDateTime().toString());
        }
        AtomicFile.write(target, temp -> mapper.writeValue(temp.toFile(), root));
    }

    private ObjectNode results(Path used, Path projectDir, Map<String, String> knownCommits)
            throws EnvironmentException {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("file", ProjectPaths.relative(projectDir, used));
        entry.put("sha256", Hashes.sha256(used));
        // The commit of a file whose content the last summary already described is not asked again.
        String known = knownCommits.get(entry.get("file").asText() + "@" + entry.get("sha256").asText());
        if (known != null) {
            entry.put("gitCommit", known);
        } else {
            provenance.lastCommit(used).ifPresent(c -> entry.put("gitCommit", c));
        }
        return entry;
    }

    /** Each problem as {@code {"kind", "severity", "message", ...its own fields}}. */
    static void problems(ArrayNode array, List<Problem> problems) {
        for (Problem problem : problems) {
            ObjectNode node = array.addObject();
            node.put("kind", problem.kind());
            node.put("severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
            node.put("message", problem.message());
            problem.details().forEach((key, value) -> {
                if (value instanceof BigDecimal decimal) {
                    node.put(key, decimal);
                } else if (value instanceof Integer number) {
                    node.put(key, number);
                } else if (value instanceof Long number) {
                    node.put(key, number);
                } else if (value instanceof Boolean flag) {
                    node.put(key, flag);
                } else {
                    node.put(key, String.valueOf(value));
                }
            });
        }
    }

    /** file@sha256 -> gitCommit from the summary.json of the last build, empty when there is none. */
    private Map<String, String> previousCommits(Path file) {
        Map<String, String> commits = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return commits;
        }
        try {
            for (JsonNode m : mapper.readTree(file.toFile()).path("milestones")) {
                for (JsonNode r : m.path("results")) {
                    if (r.hasNonNull("gitCommit")) {
                        commits.put(r.path("file").asText() + "@" + r.path("sha256").asText(),
                                r.get("gitCommit").asText());
                    }
                }
            }
        } catch (IOException e) {
            commits.clear();
        }
        return commits;
    }
}
