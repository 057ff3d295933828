package dev.texreport.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes target/report/summary.json, the machine-readable account of a build for CI and course staff, and next to
 * it summary.md ({@link SummaryMarkdown}). The JSON holds facts only (deadlines as dates, not as time left), so the
 * same build gives the same file whenever it is read.
 */
final class SummaryWriter {
    /** file@sha256 -> gitCommit from the summary.json of the last build, empty when there is none. */
    private java.util.Map<String, String> previousCommits(Path file) {
        java.util.Map<String, String> commits = new java.util.HashMap<>();
        if (!Files.isRegularFile(file)) {
            return commits;
        }
        try {
            for (com.fasterxml.jackson.databind.JsonNode m : mapper.readTree(file.toFile()).path("milestones")) {
                for (com.fasterxml.jackson.databind.JsonNode r : m.path("results")) {
                    if (r.hasNonNull("gitCommit")) {
                        commits.put(r.path("file").asText() + "@" + r.path("sha256").asText(), r.get("gitCommit").asText());
                    }
                }
            }
        } catch (java.io.IOException e) {
            commits.clear();
        }
        return commits;
    }

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Provenance provenance;

    SummaryWriter(Provenance provenance) {
        this.provenance = provenance;
    }

    /**
     * Writes summary.json and summary.md.
     *
     * @param events     the course's dated events
     * @param eventTexts the same, as the log printed them (with the time to or since each)
     */
    void write(Path file, Path projectDir, List<MilestoneResult> milestones, List<String> buildWarnings,
               List<CourseDate> events, List<String> eventTexts) throws EnvironmentException {
        SummaryMarkdown.write(file.resolveSibling("summary.md"),
                SummaryMarkdown.render(projectDir, milestones, buildWarnings, eventTexts));
        writeJson(file, file, projectDir, milestones, buildWarnings, events);
    }

    /**
     * Writes the JSON alone to {@code target}; the git commits of results files that {@code previous} (a summary
     * written before) already names for the same content are not asked of git again.
     */
    void writeJson(Path target, Path previous, Path projectDir, List<MilestoneResult> milestones,
                   List<String> buildWarnings, List<CourseDate> events) throws EnvironmentException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("milestones");
        java.util.Map<Path, ObjectNode> described = new java.util.HashMap<>();
        java.util.Map<String, String> knownCommits = previousCommits(previous);
        for (MilestoneResult m : milestones) {
            ObjectNode node = array.addObject();
            node.put("id", m.id());
            node.put("title", m.title());
            if (m.pdf() != null) {
                node.put("pdf", projectDir.relativize(m.pdf()).toString().replace('\\', '/'));
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
            node.put("upToDate", m.upToDate());
            if (m.due() != null) {
                node.put("due", m.due());
            }
            node.put("enginePasses", m.enginePasses());
            node.put("bibliographyRuns", m.bibRuns());
            ArrayNode warnings = node.putArray("warnings");
            m.warnings().forEach(warnings::add);
            ArrayNode errors = node.putArray("errors");
            m.errors().forEach(errors::add);
            ArrayNode results = node.putArray("results");
            for (Path used : m.resultsUsed().stream().sorted().toList()) {
                ObjectNode entry = described.get(used);
                if (entry == null) {
                    entry = mapper.createObjectNode();
                    entry.put("file", projectDir.relativize(used).toString().replace('\\', '/'));
                    entry.put("sha256", Provenance.sha256(used));
                    ObjectNode fileEntry = entry;
                    // The commit of a file whose content the last summary already described is not asked again.
                    String known = knownCommits.get(entry.get("file").asText() + "@" + entry.get("sha256").asText());
                    if (known != null) {
                        entry.put("gitCommit", known);
                    } else {
                        provenance.lastCommit(used).ifPresent(c -> fileEntry.put("gitCommit", c));
                    }
                    described.put(used, entry);
                }
                results.add(entry.deepCopy());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        buildWarnings.forEach(warnings::add);
        ArrayNode courseEvents = root.putArray("events");
        for (CourseDate event : events) {
            courseEvents.addObject().put("title", event.title()).put("date", event.date().toOffsetDateTime().toString());
        }
        AtomicFile.write(target, temp -> mapper.writeValue(temp.toFile(), root));
    }
}
