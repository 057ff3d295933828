package dev.texreport.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.texreport.core.EnvironmentException;
import dev.texreport.core.PageFigures;
import dev.texreport.core.TextTable;
import dev.texreport.core.ProjectPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The table staff want at a deadline: every team (module of a reactor build) against every milestone, pages
 * against limits, passed or not. Built from each team's own summary.json, written as the aggregator's
 * summary.json and summary.md, and returned as log lines.
 */
public final class ReactorReport {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One team: its name, its directory, its summary.json (absent when the team's build stopped early), and how
     * long its report:build took, in seconds (what a sharded build balances on).
     */
    public record Team(String name, Path projectDir, Path summaryJson, double seconds) { }

    public List<String> write(Path outputDir, Path aggregatorDir, List<Team> teams) throws EnvironmentException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("teams");
        Set<String> milestones = new LinkedHashSet<>();
        List<JsonNode> summaries = new ArrayList<>();
        for (Team team : teams) {
            JsonNode summary = read(team.summaryJson());
            summaries.add(summary);
            ObjectNode node = array.addObject();
            node.put("project", team.name());
            node.put("dir", ProjectPaths.slashes(aggregatorDir.relativize(team.projectDir())));
            node.put("buildSeconds", PageFigures.exact(team.seconds()));
            if (summary == null) {
                node.putNull("milestones");
                continue;
            }
            ArrayNode entries = node.putArray("milestones");
            for (JsonNode m : summary.path("milestones")) {
                milestones.add(m.path("id").asText());
                ObjectNode entry = m.deepCopy();
                if (m.hasNonNull("pdf")) {
                    Path pdf = team.projectDir().resolve(m.path("pdf").asText());
                    entry.put("pdf", ProjectPaths.slashes(aggregatorDir.relativize(pdf)));
                }
                entry.remove(List.of("warnings", "results"));
                entries.add(entry);
            }
        }
        List<String> header = new ArrayList<>(List.of("project"));
        header.addAll(milestones);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < teams.size(); i++) {
            List<String> row = new ArrayList<>(List.of(teams.get(i).name()));
            for (String id : milestones) {
                row.add(cell(summaries.get(i), id));
            }
            rows.add(row);
        }
        try {
            Files.createDirectories(outputDir);
            mapper.writeValue(outputDir.resolve("summary.json").toFile(), root);
            Files.writeString(outputDir.resolve("summary.md"), markdown(header, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EnvironmentException("Cannot write the reactor summary in " + outputDir + ": " + e.getMessage(), e);
        }
        return TextTable.lines(header, rows);
    }

    private JsonNode read(Path summary) {
        if (summary == null || !Files.isRegularFile(summary)) {
            return null;
        }
        try {
            return mapper.readTree(summary.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code 5.2/8 ok}, {@code 8.4/8 OVER}, {@code FAILED}, or {@code -} when the team has no such milestone. */
    private static String cell(JsonNode summary, String id) {
        if (summary == null) {
            return "not built";
        }
        for (JsonNode m : summary.path("milestones")) {
            if (m.path("id").asText().equals(id)) {
                if (m.path("contentPages").isNull() || m.path("contentPages").isMissingNode()) {
                    return "FAILED";
                }
                double pages = m.path("contentPages").asDouble();
                int limit = m.path("pageLimit").asInt();
                String verdict = m.path("passed").asBoolean() ? "ok" : pages > limit ? "OVER" : "FAILED";
                return PageFigures.pages(pages, limit) + "/" + limit + " " + verdict;
            }
        }
        return "-";
    }

    private static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder md = new StringBuilder("### Reports of all teams\n\n| ");
        md.append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
        return md.toString();
    }
}
