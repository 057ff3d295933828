package dev.texreport.core.staff;

import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.PageFigures;
import dev.texreport.core.course.Deadlines;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * (Over the house's 250 lines on purpose: a dashboard row's model, its statuses, bars and links, is built in one
 * place; the page's CSS and JavaScript are resources of their own.)
 *
 * Writes the staff folder's three views of the same rows: {@code summary.json} ({@link StaffSummaryJson}),
 * {@code summary.md} (a table for a CI run's summary, {@link StaffSummaryMarkdown}) and {@code index.html}, the
 * dashboard: one row per team, one
 * column per milestone with content pages against the limit as a bar, the status, late or on time, warnings, the
 * first error, a thumbnail of the first page and links to the PDF, the last good PDF, the log and the change view.
 * Sorting and filtering is a few lines of the plugin's own JavaScript; the page loads nothing from anywhere.
 */
final class StaffPage {
    static final String INDEX = "index.html";
    private static final String RESOURCES = "/dev/texreport/staff/";
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'xxx",
            Locale.ENGLISH);
    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z",
            Locale.ENGLISH);

    private final String course;
    private final List<CourseView.Milestone> columns;
    private final List<CourseView.Event> events;
    private final List<TeamReport> rows;
    private final Map<String, Map<String, StaffFiles.Placed>> placed;
    private final List<String> duplicates;
    private final List<String> notes;
    private final Shard shard;
    private final ShardPlan plan;
    private final ZoneId zone;

    StaffPage(String course, List<CourseView.Milestone> columns, List<CourseView.Event> events, List<TeamReport> rows,
              Map<String, Map<String, StaffFiles.Placed>> placed, List<String> duplicates, List<String> notes,
              Shard shard, ShardPlan plan, ZoneId zone) {
        this.zone = zone;
        this.course = course;
        this.columns = List.copyOf(columns);
        this.events = List.copyOf(events);
        this.rows = List.copyOf(rows);
        this.placed = placed;
        this.duplicates = List.copyOf(duplicates);
        this.notes = List.copyOf(notes);
        this.shard = shard;
        this.plan = plan;
    }

    String course() { return course; }
    List<CourseView.Milestone> columns() { return columns; }
    List<CourseView.Event> events() { return events; }
    List<TeamReport> rows() { return rows; }
    Map<String, Map<String, StaffFiles.Placed>> placed() { return placed; }
    List<String> duplicates() { return duplicates; }
    List<String> notes() { return notes; }
    Shard shard() { return shard; }
    ShardPlan plan() { return plan; }

    void write(Path staffDir) throws EnvironmentException {
        StaffSummaryJson.write(staffDir.resolve("summary.json"), this);
        String markdown = StaffSummaryMarkdown.markdown(this);
        AtomicFile.write(staffDir.resolve("summary.md"), temp -> Files.writeString(temp, markdown,
                StandardCharsets.UTF_8));
        String html = html();
        AtomicFile.write(staffDir.resolve(INDEX), temp -> Files.writeString(temp, html, StandardCharsets.UTF_8));
    }

    /** A date as people read it: in the course's time zone when known ({@code Fri 6 Mar 2026 23:59 EST}). */
    String shown(OffsetDateTime date) {
        return zone == null ? OFFSET.format(date) : ZONED.format(date.atZoneSameInstant(zone));
    }

    /** The duplicates and notes, as the log repeats them. */
    List<String> allNotes() {
        List<String> all = new ArrayList<>();
        duplicates.forEach(d -> all.add("duplicate: " + d));
        all.addAll(notes);
        return all;
    }

    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    /** {@code late by 2 days 3 hours} or {@code on time}. */
    static String lateness(MilestoneCell cell) {
        if (!cell.late()) {
            return "on time";
        }
        Duration late = Duration.between(cell.due().toInstant(), cell.committedAt());
        // Late by less than a minute still reads as a minute.
        return "late by " + Deadlines.amount(late.compareTo(ONE_MINUTE) < 0 ? ONE_MINUTE : late);
    }

    private String html() throws EnvironmentException {
        String style = resource("dashboard.css") + widths();
        String script = resource("dashboard.js");
        Map<String, Object> model = new LinkedHashMap<>();
        String title = course == null ? "Reports of all teams" : course + ": reports of all teams";
        model.put("title", title);
        model.put("style", style);
        model.put("script", script);
        model.put("styleHash", cspHash(style));
        model.put("scriptHash", cspHash(script));
        model.put("teamCount", rows.size());
        model.put("missingCount", rows.stream().filter(TeamReport::isMissing).count());
        if (shard != null) {
            model.put("shard", shard.toString());
        }
        List<Map<String, Object>> dates = new ArrayList<>();
        for (CourseView.Milestone c : columns) {
            if (c.due() != null) {
                dates.add(Map.of("what", c.title() + " due", "iso", c.due().toString(), "text", shown(c.due()),
                        "at", c.due()));
            }
        }
        for (CourseView.Event e : events) {
            dates.add(Map.of("what", e.title(), "iso", e.date().toString(), "text", shown(e.date()),
                    "at", e.date()));
        }
        dates.sort((a, b) -> ((OffsetDateTime) a.get("at")).compareTo((OffsetDateTime) b.get("at")));
        model.put("dates", dates);
        List<Map<String, Object>> columnModel = new ArrayList<>();
        List<Map<String, Object>> sorts = new ArrayList<>();
        sorts.add(sortOption("team", "team name", null));
        for (int i = 0; i < columns.size(); i++) {
            CourseView.Milestone c = columns.get(i);
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("id", c.id());
            column.put("title", c.title());
            column.put("pageLimit", c.pageLimit());
            if (c.due() != null) {
                column.put("due", shown(c.due()));
            }
            column.put("counts", counts(c.id()));
            columnModel.add(column);
            sorts.add(sortOption(c.id() + ".pages", c.title() + ": content pages", "data-pages" + i));
            sorts.add(sortOption(c.id() + ".status", c.title() + ": status", "data-rank" + i));
            sorts.add(sortOption(c.id() + ".late", c.title() + ": how late", "data-late" + i));
        }
        sorts.add(sortOption("warnings", "warnings", "data-warnings"));
        model.put("columns", columnModel);
        model.put("sorts", sorts);
        List<Map<String, Object>> rowModel = new ArrayList<>();
        for (TeamReport team : rows) {
            rowModel.add(row(team));
        }
        model.put("rows", rowModel);
        model.put("duplicates", duplicates);
        model.put("notes", notes);
        return render(model);
    }

    private static Map<String, Object> sortOption(String value, String label, String attr) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("value", value);
        option.put("label", label);
        if (attr != null) {
            option.put("attr", attr);
        }
        return option;
    }

    /** {@code 2 passed, 1 over the limit}: the statuses of one milestone over all teams, worst last. */
    private List<String> counts(String id) {
        Map<StaffStatus, Integer> counts = new EnumMap<>(StaffStatus.class);
        int late = 0;
        for (TeamReport team : rows) {
            MilestoneCell cell = team.milestone(id);
            StaffStatus status = cell == null ? (team.isMissing() || team.buildErrors().isEmpty()
                    ? StaffStatus.MISSING : StaffStatus.FAILED) : cell.status();
            counts.merge(status, 1, Integer::sum);
            if (cell != null && cell.late()) {
                late++;
            }
        }
        List<String> texts = new ArrayList<>();
        counts.forEach((status, n) -> texts.add(n + " " + status.text()));
        if (late > 0) {
            texts.add(late + " late");
        }
        return texts;
    }

    private Map<String, Object> row(TeamReport team) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("team", team.team());
        row.put("key", team.team().toLowerCase(Locale.ROOT));
        row.put("anchor", team.team().replaceAll("[^A-Za-z0-9_-]", "_"));
        if (team.isMissing()) {
            row.put("missing", team.missingReason());
        }
        row.put("buildErrors", team.buildErrors());
        row.put("buildWarnings", team.buildWarnings());
        List<String> flags = new ArrayList<>();
        int warnings = team.buildWarnings().size();
        List<Map<String, Object>> cells = new ArrayList<>();
        Map<String, StaffFiles.Placed> files = placed.getOrDefault(team.team(), Map.of());
        for (CourseView.Milestone column : columns) {
            MilestoneCell cell = team.milestone(column.id());
            Map<String, Object> x = new LinkedHashMap<>();
            if (cell == null) {
                StaffStatus status = team.isMissing() || team.buildErrors().isEmpty() ? StaffStatus.MISSING
                        : StaffStatus.FAILED;
                x.put("present", false);
                x.put("css", status == StaffStatus.MISSING ? "missing" : "failed");
                x.put("pagesKey", -1);
                x.put("rank", status.ordinal());
                x.put("lateKey", -2);
                flags.add(status == StaffStatus.MISSING ? "missing" : "failing");
                cells.add(x);
                continue;
            }
            StaffFiles.Placed placedFiles = files.get(cell.id());
            x.put("present", true);
            x.put("title", cell.title());
            x.put("status", cell.status().text());
            x.put("css", css(cell.status()));
            x.put("rank", cell.status().ordinal());
            x.put("limit", cell.pageLimit());
            if (cell.contentPages() != null) {
                x.put("pages", PageFigures.pages(cell.contentPages(), cell.pageLimit()));
                x.put("pagesKey", PageFigures.exact(cell.contentPages()).toPlainString());
                int percent = cell.pageLimit() <= 0 ? 100
                        : (int) Math.round(Math.min(1.0, cell.contentPages() / cell.pageLimit()) * 100);
                x.put("percent", percent);
            } else {
                x.put("pagesKey", -1);
            }
            if (cell.timed()) {
                x.put("timing", lateness(cell));
                x.put("timingCss", cell.late() ? "late" : "on-time");
                long hours = Duration.between(cell.due().toInstant(), cell.committedAt()).toMinutes();
                x.put("lateKey", cell.late() ? Math.max(1, hours) : -1);
            } else {
                x.put("lateKey", -2);
            }
            x.put("warnings", cell.warnings());
            warnings += cell.warnings();
            if (cell.firstError() != null && cell.status() != StaffStatus.PASSED) {
                x.put("firstError", cell.firstError());
            }
            if (placedFiles != null) {
                putIf(x, "pdf", placedFiles.pdf());
                putIf(x, "lastGood", placedFiles.lastGoodPdf());
                putIf(x, "log", placedFiles.log());
                putIf(x, "thumbnail", placedFiles.thumbnail());
                if (placedFiles.compare() != null) {
                    x.put("compare", placedFiles.compare());
                    x.put("compareAgainst", cell.compareAgainst() == null ? "the last milestone"
                            : title(cell.compareAgainst()));
                }
            }
            if (cell.status().overLimit()) {
                flags.add("over");
            }
            if (cell.status().failing()) {
                flags.add("failing");
            }
            if (cell.late()) {
                flags.add("late");
            }
            cells.add(x);
        }
        if (team.isMissing()) {
            flags.add("missing");
        }
        if (!team.buildErrors().isEmpty()) {
            flags.add("failing");
        }
        if (warnings > 0) {
            flags.add("warnings");
        }
        row.put("flags", String.join(" ", flags.stream().distinct().sorted().toList()));
        row.put("warnings", warnings);
        row.put("cells", cells);
        return row;
    }

    private String title(String id) {
        return columns.stream().filter(c -> c.id().equals(id)).map(CourseView.Milestone::title).findFirst()
                .orElse(id);
    }

    private static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String css(StaffStatus status) {
        return switch (status) {
            case PASSED -> "passed";
            case OVER_LIMIT_NOT_FAILING -> "over-nf";
            case OVER_LIMIT -> "over";
            case FAILED -> "failed";
            case MISSING -> "missing";
        };
    }

    /** The bars' widths as classes (w0 ... w100): the policy allows no inline style attributes. */
    private static String widths() {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            css.append(".w").append(i).append("{width:").append(i).append("%}");
        }
        return css.append('\n').toString();
    }

    /** The CSP source that allows exactly this inline text: its SHA-256, base64. */
    static String cspHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String resource(String name) throws EnvironmentException {
        try (InputStream in = StaffPage.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new EnvironmentException("The plugin jar lacks " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot read " + RESOURCES + name + " from the plugin: " + e.getMessage(), e);
        }
    }

    private static String render(Map<String, Object> model) throws EnvironmentException {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        config.setDefaultEncoding("UTF-8");
        config.setLocale(Locale.ROOT);
        config.setNumberFormat("computer");
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setAPIBuiltinEnabled(false);
        try {
            Template template = new Template("dashboard.ftlh", resource("dashboard.ftlh"), config);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new EnvironmentException("Cannot write the staff page: " + e.getMessage(), e);
        }
    }
}
