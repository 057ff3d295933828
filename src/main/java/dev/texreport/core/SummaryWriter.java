package dev.texreport.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes target/report/summary.json, the machine-readable account of a build for CI and course staff. */
final class SummaryWriter {
    /** The Markdown summary: one table row per milestone, then every warning and error. */
    static String markdown(Path projectDir, List<MilestoneResult> milestones, List<String> buildWarnings) {
        StringBuilder md = new StringBuilder("### Report build\n\n");
        md.append("| Milestone | Content pages | Limit | PDF pages | Status | PDF |\n");
        md.append("|---|---:|---:|---:|---|---|\n");
        for (MilestoneResult m : milestones) {
            String status = m.passed() ? (m.upToDate() ? "passed (up to date)" : "passed")
                    : m.overLimit() ? "**over the limit**" : "**failed**";
            md.append("| ").append(m.title()).append(" (`").append(m.id()).append("`) | ")
                    .append(Double.isNaN(m.contentPages()) ? "–" : PageFigures.pages(m.contentPages(), m.pageLimit()))
                    .append(" | ").append(m.pageLimit()).append(" | ")
                    .append(m.pdf() == null ? "–" : Integer.toString(m.pdfPages())).append(" | ").append(status)
                    .append(" | ").append(m.pdf() == null ? "–" : "`" + projectDir.relativize(m.pdf()).toString()
                            .replace('\\', '/') + "`").append(" |\n");
        }
        List<String> notes = new java.util.ArrayList<>();
        for (MilestoneResult m : milestones) {
            m.errors().forEach(e -> notes.add("- :x: **" + m.id() + "**: " + oneLine(e)));
            m.warnings().forEach(w -> notes.add("- :warning: **" + m.id() + "**: " + oneLine(w)));
        }
        buildWarnings.forEach(w -> notes.add("- :warning: " + oneLine(w)));
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append(n).append("\n"));
        }
        return md.toString();
    }

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

    private static String oneLine(String text) {
        return "`" + text.lines().findFirst().orElse("").replace("`", "'") + "`";
    }

    private static void writeMarkdown(Path file, String markdown) throws EnvironmentException {
        AtomicFile.write(file, temp -> Files.writeString(temp, markdown, java.nio.charset.StandardCharsets.UTF_8));
    }

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Provenance provenance;

    SummaryWriter(Provenance provenance) {
        this.provenance = provenance;
    }

    void write(Path file, Path projectDir, List<MilestoneResult> milestones, List<String> buildWarnings,
               List<String> events) throws EnvironmentException {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode array = root.putArray("milestones");
        java.util.Map<Path, ObjectNode> described = new java.util.HashMap<>();
        java.util.Map<String, String> knownCommits = previousCommits(file);
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
                node.put("deadline", m.dueText());
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
                    ObjectNode target = entry;
                    // The commit of a file whose content the last summary already described is not asked again.
                    String known = knownCommits.get(entry.get("file").asText() + "@" + entry.get("sha256").asText());
                    if (known != null) {
                        entry.put("gitCommit", known);
                    } else {
                        provenance.lastCommit(used).ifPresent(c -> target.put("gitCommit", c));
                    }
                    described.put(used, entry);
                }
                results.add(entry.deepCopy());
            }
        }
        ArrayNode warnings = root.putArray("warnings");
        buildWarnings.forEach(warnings::add);
        ArrayNode courseEvents = root.putArray("events");
        events.forEach(courseEvents::add);
        writeMarkdown(file.resolveSibling("summary.md"), markdown(projectDir, milestones, buildWarnings));
        AtomicFile.write(file, temp -> mapper.writeValue(temp.toFile(), root));
    }
}
