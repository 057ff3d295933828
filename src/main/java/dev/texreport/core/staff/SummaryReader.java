package dev.texreport.core.staff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * (Over the house's 250 lines on purpose: it reads every summary.json the plugin has ever written, and each older format's gaps are
 * filled here, next to each other, so the rules can be compared.)
 *
 * Reads what team builds leave behind: a team's summary.json, its change views (compare/comparisons.json), and an
 * earlier staff summary. Defensive throughout: summaries written by older plugin versions lack {@code status},
 * {@code passed} at the top, {@code committedAt} and {@code problems}; the status is then derived from
 * {@code passed} and the problems' kinds (or, before problems existed, from the pages against the limit).
 *
 * <p>Paths in a team summary are relative to the team's project ({@code target/report/final.pdf}). They are
 * resolved against the folder the summary.json is in, which stands for the output folder wherever the files were
 * copied to: a CI artifact holds {@code summary.json} and {@code final.pdf} side by side.
 */
public final class SummaryReader {
    /** The marker of a staff summary (report:aggregate's own summary.json). */
    public static final String STAFF_FORMAT = "texreport-staff/1";
    static final String DEFAULT_OUTPUT = "target/report";

    private final ObjectMapper mapper = new ObjectMapper();

    /** What a summary.json holds. */
    public enum Kind { TEAM, STAFF, REACTOR, OTHER }

    /** The parsed file, or why it cannot be read. */
    public record Parsed(JsonNode root, String error) {
        public Kind kind() {
            if (root == null || !root.isObject()) {
                return Kind.OTHER;
            }
            if (STAFF_FORMAT.equals(root.path("format").asText())) {
                return Kind.STAFF;
            }
            if (root.has("teams")) {
                return Kind.REACTOR;
            }
            return root.has("milestones") ? Kind.TEAM : Kind.OTHER;
        }
    }

    public Parsed parse(Path file) {
        try {
            return new Parsed(mapper.readTree(file.toFile()), null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            return new Parsed(null, "its summary.json is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Parsed(null, "its summary.json cannot be read: " + e.getMessage());
        }
    }

    /** The output folder's path relative to the project, as the summary's PDFs show it (target/report by default). */
    public static String outputFolder(JsonNode summary) {
        for (JsonNode m : summary.path("milestones")) {
            String pdf = m.path("pdf").asText("");
            int slash = pdf.lastIndexOf('/');
            if (!pdf.isEmpty() && slash > 0 && !pdf.startsWith("/")) {
                return pdf.substring(0, slash);
            }
        }
        return DEFAULT_OUTPUT;
    }

    /**
     * The team project folder a summary belongs to: the summary's folder without the output folder's path
     * ({@code team-07/target/report/summary.json} -> {@code team-07}), or the summary's folder itself when the files
     * were copied out of their project (an artifact folder {@code team-07/summary.json}).
     */
    public static Path teamFolder(Path summaryFile, JsonNode summary) {
        Path folder = summaryFile.toAbsolutePath().normalize().getParent();
        Path output = Path.of(outputFolder(summary));
        if (folder.endsWith(output) && folder.getNameCount() > output.getNameCount()) {
            Path team = folder;
            for (int i = 0; i < output.getNameCount(); i++) {
                team = team.getParent();
            }
            return team;
        }
        return folder;
    }

    /** A team's summary.json as one team of the staff page. */
    public TeamReport team(String name, Path summaryFile, JsonNode root, Double buildSeconds) {
        Path folder = summaryFile.toAbsolutePath().normalize().getParent();
        String output = outputFolder(root);
        String origin = summaryFile.toString();
        long modified = modified(summaryFile);
        Map<String, Comparison> comparisons = comparisons(folder, output);
        List<MilestoneCell> cells = new ArrayList<>();
        for (JsonNode m : root.path("milestones")) {
            String id = m.path("id").asText("");
            if (id.isEmpty()) {
                continue;
            }
            Path pdf = file(folder, output, m.path("pdf").asText(null));
            Path lastGood = null;
            if (pdf != null && pdf.getFileName().toString().endsWith(".failed.pdf")) {
                Path good = folder.resolve(id + ".pdf");
                lastGood = Files.isRegularFile(good) ? good : null;
            }
            Path log = folder.resolve(id).resolve("main.log");
            Comparison comparison = comparisons.get(id);
            List<String> errors = texts(m.path("errors"));
            Double pages = m.path("contentPages").isNumber() ? m.path("contentPages").asDouble() : null;
            int limit = m.path("pageLimit").asInt(0);
            cells.add(new MilestoneCell(id, m.path("title").asText(id), limit, pages, m.path("pdfPages").asInt(0),
                    status(m, pages, limit, errors), errors.isEmpty() ? null : firstLine(errors.get(0)),
                    errors.size(), m.path("warnings").size(), date(m.path("due").asText(null)),
                    instant(m.path("committedAt").asText(null)), m.path("upToDate").asBoolean(false),
                    pdf != null && Files.isRegularFile(pdf) ? pdf : null, lastGood,
                    Files.isRegularFile(log) ? log : null,
                    comparison == null ? null : comparison.pdf(), comparison == null ? null : comparison.against(),
                    null, origin, modified));
        }
        List<String> buildErrors = texts(root.path("errors"));
        for (JsonNode p : root.path("problems")) {
            String message = p.path("message").asText("");
            if ("error".equals(p.path("severity").asText()) && !message.isEmpty() && !buildErrors.contains(message)) {
                buildErrors.add(message);
            }
        }
        List<String> notes = comparisonNotes(summaryFile).stream()
                .map(n -> n.startsWith(MilestoneComparison.MISSING_LATEXDIFF) ? n : name + ": " + n).toList();
        return new TeamReport(name, cells, buildErrors.stream().map(SummaryReader::firstLine).toList(),
                texts(root.path("warnings")).stream().map(SummaryReader::firstLine).toList(), buildSeconds, null,
                origin, notes);
    }

    /** The status as the team's build wrote it, or derived for summaries older than the {@code status} field. */
    static StaffStatus status(JsonNode m, Double pages, int limit, List<String> errors) {
        Optional<StaffStatus> written = StaffStatus.ofText(m.path("status").asText(""));
        if (written.isPresent() && written.get() != StaffStatus.MISSING) {
            return written.get();
        }
        boolean passed = m.path("passed").asBoolean(false);
        boolean over = false;
        boolean otherErrors = false;
        if (m.has("problems")) {
            for (JsonNode p : m.path("problems")) {
                boolean error = "error".equals(p.path("severity").asText());
                if ("page-limit".equals(p.path("kind").asText())) {
                    over = true;
                } else if (error) {
                    otherErrors = true;
                }
            }
        } else {
            // Before problems[]: only the pages against the limit tell an overrun from another error.
            over = pages != null && limit > 0 && pages > limit;
            otherErrors = !passed && (!over || errors.size() > 1);
        }
        if (passed) {
            return over ? StaffStatus.OVER_LIMIT_NOT_FAILING : StaffStatus.PASSED;
        }
        return over && !otherErrors && pages != null ? StaffStatus.OVER_LIMIT : StaffStatus.FAILED;
    }

    /** One change view of a team: the PDF (null when it could not be made) and the milestone it compares with. */
    record Comparison(String against, Path pdf) { }

    /** The team's compare/comparisons.json, by milestone; empty when there is none. */
    private Map<String, Comparison> comparisons(Path folder, String output) {
        Map<String, Comparison> found = new HashMap<>();
        Path file = folder.resolve(MilestoneComparison.FOLDER).resolve(MilestoneComparison.INDEX);
        if (!Files.isRegularFile(file)) {
            return found;
        }
        try {
            for (JsonNode c : mapper.readTree(file.toFile()).path("comparisons")) {
                Path pdf = file(folder, output, c.path("pdf").asText(null));
                if (pdf != null && Files.isRegularFile(pdf)) {
                    found.put(c.path("milestone").asText(), new Comparison(c.path("against").asText(), pdf));
                }
            }
        } catch (IOException e) {
            found.clear();
        }
        return found;
    }

    /** The notes a team's comparisons.json holds (latexdiff missing, a change view that did not compile). */
    List<String> comparisonNotes(Path summaryFile) {
        Path file = summaryFile.toAbsolutePath().normalize().getParent().resolve(MilestoneComparison.FOLDER)
                .resolve(MilestoneComparison.INDEX);
        List<String> notes = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return notes;
        }
        try {
            JsonNode index = mapper.readTree(file.toFile());
            if (index.hasNonNull("note")) {
                notes.add(index.path("note").asText());
            }
            for (JsonNode c : index.path("comparisons")) {
                if (c.hasNonNull("note")) {
                    notes.add(c.path("milestone").asText() + " against " + c.path("against").asText() + ": "
                            + firstLine(c.path("note").asText()));
                }
            }
        } catch (IOException e) {
            notes.add(file + " cannot be read: " + e.getMessage());
        }
        return notes;
    }

    /** The course's dated events a summary lists ({@code events}: title and date). */
    public static List<CourseView.Event> events(JsonNode root) {
        List<CourseView.Event> events = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            OffsetDateTime date = date(e.path("date").asText(null));
            if (date != null && !e.path("title").asText("").isBlank()) {
                events.add(new CourseView.Event(e.path("title").asText(), date));
            }
        }
        return events;
    }

    /** A file named relative to the project, found relative to the summary's folder. */
    private static Path file(Path folder, String output, String relative) {
        if (relative == null || relative.isBlank()) {
            return null;
        }
        String inside = relative.startsWith(output + "/") ? relative.substring(output.length() + 1) : relative;
        Path resolved = folder.resolve(inside).normalize();
        // A summary is untrusted input: it may only name files below its own folder.
        return resolved.startsWith(folder) ? resolved : null;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (JsonNode node : array) {
            if (node.isTextual() && !node.asText().isBlank()) {
                texts.add(node.asText());
            }
        }
        return texts;
    }

    static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    static OffsetDateTime date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant instant(String text) {
        OffsetDateTime date = date(text);
        return date == null ? null : date.toInstant();
    }

    static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
