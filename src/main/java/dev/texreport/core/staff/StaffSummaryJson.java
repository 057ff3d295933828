package dev.texreport.core.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.texreport.core.AtomicFile;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.PageFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff folder's summary.json: every team with its milestones (status, pages, lateness, its files relative to
 * the folder), the teams that are missing and why, the duplicates that were resolved, and notes. A CI shard's
 * aggregate also records the shard plan, so that the final aggregate knows every team the shards were meant to
 * build. The same file read back is an input of a later aggregate (shard folders merged into one), and the build
 * times it records balance the next sharded build.
 */
final class StaffSummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StaffSummaryJson() {
    }

    /** What an earlier staff summary contributes: its teams and the teams its shard plan expects. */
    record Input(List<TeamReport> teams, Map<String, String> expected) { }

    static void write(Path file, StaffPage page) throws EnvironmentException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", SummaryReader.STAFF_FORMAT);
        if (page.course() == null) {
            root.putNull("course");
        } else {
            root.put("course", page.course());
        }
        ArrayNode milestones = root.putArray("milestones");
        for (CourseView.Milestone m : page.columns()) {
            ObjectNode node = milestones.addObject().put("id", m.id()).put("title", m.title())
                    .put("pageLimit", m.pageLimit());
            putDate(node, "due", m.due() == null ? null : m.due().toString());
        }
        ArrayNode events = root.putArray("events");
        page.events().forEach(e -> events.addObject().put("title", e.title()).put("date", e.date().toString()));
        ArrayNode teams = root.putArray("teams");
        for (TeamReport team : page.rows()) {
            ObjectNode node = teams.addObject();
            node.put("team", team.team());
            if (team.isMissing()) {
                node.put("missing", team.missingReason());
                continue;
            }
            if (team.buildSeconds() == null) {
                node.putNull("buildSeconds");
            } else {
                node.put("buildSeconds", PageFigures.exact(team.buildSeconds()));
            }
            ArrayNode errors = node.putArray("buildErrors");
            team.buildErrors().forEach(errors::add);
            ArrayNode buildWarnings = node.putArray("buildWarnings");
            team.buildWarnings().forEach(buildWarnings::add);
            ArrayNode teamNotes = node.putArray("notes");
            team.notes().forEach(teamNotes::add);
            ArrayNode cells = node.putArray("milestones");
            Map<String, StaffFiles.Placed> placed = page.placed().getOrDefault(team.team(), Map.of());
            for (MilestoneCell cell : team.milestones()) {
                StaffFiles.Placed files = placed.get(cell.id());
                ObjectNode c = cells.addObject();
                c.put("id", cell.id());
                c.put("title", cell.title());
                c.put("status", cell.status().text());
                c.put("pageLimit", cell.pageLimit());
                if (cell.contentPages() == null) {
                    c.putNull("contentPages");
                } else {
                    c.put("contentPages", PageFigures.exact(cell.contentPages()));
                }
                c.put("pdfPages", cell.pdfPages());
                putText(c, "firstError", cell.firstError());
                c.put("errors", cell.errors());
                c.put("warnings", cell.warnings());
                putDate(c, "due", cell.due() == null ? null : cell.due().toString());
                putDate(c, "committedAt", cell.committedAt() == null ? null : cell.committedAt().toString());
                if (cell.timed()) {
                    c.put("late", cell.late());
                } else {
                    c.putNull("late");
                }
                c.put("upToDate", cell.upToDate());
                putText(c, "pdf", files == null ? null : files.pdf());
                putText(c, "lastGoodPdf", files == null ? null : files.lastGoodPdf());
                putText(c, "log", files == null ? null : files.log());
                putText(c, "compare", files == null ? null : files.compare());
                putText(c, "compareAgainst", files == null || files.compare() == null ? null : cell.compareAgainst());
                putText(c, "thumbnail", files == null ? null : files.thumbnail());
            }
        }
        ArrayNode duplicates = root.putArray("duplicates");
        page.duplicates().forEach(duplicates::add);
        ArrayNode notes = root.putArray("notes");
        page.notes().forEach(notes::add);
        if (page.shard() != null && page.plan() != null) {
            ObjectNode shard = root.putObject("shard");
            shard.put("shard", page.shard().toString());
            ObjectNode plan = shard.putObject("plan");
            page.plan().assignments().forEach(plan::put);
        }
        AtomicFile.write(file, temp -> MAPPER.writeValue(temp.toFile(), root));
    }

    private static void putText(ObjectNode node, String key, String value) {
        if (value == null) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void putDate(ObjectNode node, String key, String value) {
        putText(node, key, value);
    }

    /** An earlier staff summary as input: its teams (files resolved in its folder) and its shard's plan. */
    static Input read(Path file, JsonNode root) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        String origin = file.toString();
        long modified = SummaryReader.modified(file);
        List<TeamReport> teams = new ArrayList<>();
        for (JsonNode t : root.path("teams")) {
            String team = t.path("team").asText("");
            if (team.isEmpty()) {
                continue;
            }
            if (t.hasNonNull("missing")) {
                teams.add(new TeamReport(team, List.of(), List.of(), List.of(), null, t.path("missing").asText(),
                        origin, List.of()));
                continue;
            }
            List<MilestoneCell> cells = new ArrayList<>();
            for (JsonNode c : t.path("milestones")) {
                StaffStatus status = StaffStatus.ofText(c.path("status").asText("")).orElse(StaffStatus.FAILED);
                if (status == StaffStatus.MISSING) {
                    continue;
                }
                cells.add(new MilestoneCell(c.path("id").asText(), c.path("title").asText(c.path("id").asText()),
                        c.path("pageLimit").asInt(0),
                        c.path("contentPages").isNumber() ? c.path("contentPages").asDouble() : null,
                        c.path("pdfPages").asInt(0), status, c.hasNonNull("firstError")
                        ? c.path("firstError").asText() : null, c.path("errors").asInt(0), c.path("warnings").asInt(0),
                        SummaryReader.date(c.path("due").asText(null)),
                        SummaryReader.instant(c.path("committedAt").asText(null)), c.path("upToDate").asBoolean(false),
                        inside(folder, c.path("pdf").asText(null)), inside(folder, c.path("lastGoodPdf").asText(null)),
                        inside(folder, c.path("log").asText(null)), inside(folder, c.path("compare").asText(null)),
                        c.hasNonNull("compareAgainst") ? c.path("compareAgainst").asText() : null,
                        inside(folder, c.path("thumbnail").asText(null)), origin, modified));
            }
            teams.add(new TeamReport(team, cells, SummaryReader.texts(t.path("buildErrors")),
                    SummaryReader.texts(t.path("buildWarnings")), t.path("buildSeconds").isNumber() ? t.path("buildSeconds").asDouble() : null, null, origin,
                    SummaryReader.texts(t.path("notes"))));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        JsonNode shard = root.path("shard");
        shard.path("plan").fields().forEachRemaining(e -> expected.put(e.getKey(), "no summary: shard "
                + e.getValue().asInt() + "/" + shard.path("shard").asText("?/?").replaceAll("^\\d+/", "")
                + " of the plan was to build it (did its job fail, or was its artifact not downloaded?)"));
        return new Input(teams, expected);
    }

    /** A file the staff summary names, only below its own folder; null when absent. */
    private static Path inside(Path folder, String relative) {
        if (relative == null || relative.isBlank()) {
            return null;
        }
        Path resolved = folder.resolve(relative).normalize();
        return resolved.startsWith(folder) && Files.isRegularFile(resolved) ? resolved : null;
    }

    /** Build seconds by team from a staff summary, for {@link ShardPlan}; empty when the file is absent or broken. */
    static Map<String, Double> buildSeconds(Path file) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return seconds;
        }
        try {
            for (JsonNode t : MAPPER.readTree(file.toFile()).path("teams")) {
                if (t.path("buildSeconds").isNumber()) {
                    seconds.put(t.path("team").asText(), t.path("buildSeconds").asDouble());
                }
            }
        } catch (java.io.IOException e) {
            seconds.clear();
        }
        return seconds;
    }
}
