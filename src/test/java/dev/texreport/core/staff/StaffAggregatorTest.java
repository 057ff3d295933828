package dev.texreport.core.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.texreport.core.ConfigurationException;
import dev.texreport.core.ReportLog;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:aggregate on summaries written by hand, as team builds of this and of older plugin versions write them. */
class StaffAggregatorTest {
    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    /** A milestone entry of a team's summary.json; {@code extra} is JSON members to add, e.g. {@code "status": ...}. */
    private static String milestone(String id, int limit, String pages, boolean passed, String problems, String extra) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + id.substring(0, 1).toUpperCase() + id.substring(1)
                + "\", \"pdf\": \"target/report/" + id + ".pdf\", \"pageLimit\": " + limit + ", \"contentPages\": "
                + pages + ", \"pdfPages\": 3, \"passed\": " + passed + ", \"upToDate\": false, \"warnings\": [], "
                + "\"errors\": [" + (passed ? "" : "\"" + id + ": it went wrong\\nsecond line\"") + "]"
                + (problems == null ? "" : ", \"problems\": [" + problems + "]") + extra + "}";
    }

    private static String summary(String... milestones) {
        return "{\"milestones\": [" + String.join(", ", milestones) + "], \"warnings\": [], \"problems\": [], "
                + "\"events\": []}";
    }

    private Path team(String folder, String summaryJson, String... pdfs) throws Exception {
        Path out = dir.resolve(folder);
        Files.createDirectories(out);
        Files.writeString(out.resolve("summary.json"), summaryJson);
        for (String pdf : pdfs) {
            pdf(out.resolve(pdf));
        }
        return out.resolve("summary.json");
    }

    static void pdf(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.LETTER));
            document.save(file.toFile());
        }
    }

    private StaffAggregator.Outcome aggregate(Path staff, List<StaffAggregator.ProjectSummary> projects,
                                              List<Path> folders, Map<String, String> expected) throws Exception {
        return new StaffAggregator(ReportLog.SILENT, 2).aggregate(new StaffAggregator.Request(staff, projects, folders,
                expected, CourseView.UNKNOWN, null, null));
    }

    private JsonNode staffSummary(Path staff) throws Exception {
        return mapper.readTree(staff.resolve("summary.json").toFile());
    }

    private static JsonNode cell(JsonNode summary, String team, String id) {
        for (JsonNode t : summary.path("teams")) {
            if (t.path("team").asText().equals(team)) {
                for (JsonNode m : t.path("milestones")) {
                    if (m.path("id").asText().equals(id)) {
                        return m;
                    }
                }
            }
        }
        throw new AssertionError(team + " " + id + " not in " + summary);
    }

    @Test
    void summariesWithoutStatusGetTheStatusTheirProblemsSay() throws Exception {
        String overFailing = "{\"kind\": \"page-limit\", \"severity\": \"error\", \"message\": \"m\", \"failing\": true}";
        String overWarning = "{\"kind\": \"page-limit\", \"severity\": \"warning\", \"message\": \"m\", \"failing\": false}";
        String latex = "{\"kind\": \"source\", \"severity\": \"error\", \"message\": \"m\"}";
        List<StaffAggregator.ProjectSummary> projects = new ArrayList<>();
        projects.add(new StaffAggregator.ProjectSummary("a", team("a/target/report", summary(
                milestone("proposal", 2, "2.41", false, overFailing, ""),
                milestone("midterm", 6, "6.2", true, overWarning, ""),
                milestone("final", 8, "7.9", false, overFailing + ", " + latex, ""))), null));
        // Written before problems[] existed: only the pages against the limit tell an overrun.
        projects.add(new StaffAggregator.ProjectSummary("b", team("b/target/report", summary(
                milestone("proposal", 2, "2.41", false, null, ""),
                milestone("midterm", 6, "null", false, null, ""),
                milestone("final", 8, "7.1", true, null, ""))), null));
        // Written by a plugin that writes the status itself.
        projects.add(new StaffAggregator.ProjectSummary("c", team("c/target/report", summary(
                milestone("proposal", 2, "2.41", false, latex, ", \"status\": \"failed\""))), null));
        Path staff = dir.resolve("staff");
        StaffAggregator.Outcome outcome = aggregate(staff, projects, List.of(), Map.of());
        JsonNode summary = staffSummary(staff);
        assertEquals("over the limit", cell(summary, "a", "proposal").path("status").asText());
        assertEquals("over the limit (not failing)", cell(summary, "a", "midterm").path("status").asText());
        assertEquals("failed", cell(summary, "a", "final").path("status").asText());
        assertEquals("over the limit", cell(summary, "b", "proposal").path("status").asText());
        assertEquals("failed", cell(summary, "b", "midterm").path("status").asText());
        assertEquals("passed", cell(summary, "b", "final").path("status").asText());
        assertEquals("failed", cell(summary, "c", "proposal").path("status").asText());
        assertEquals("final: it went wrong", cell(summary, "a", "final").path("firstError").asText(),
                "the first line of the first error");
        assertEquals(List.of("team proposal midterm final", "a 2.4/2 OVER 6.2/6 over 7.9/8 FAILED",
                "b 2.4/2 OVER FAILED 7.1/8 ok", "c 2.4/2 FAILED missing missing"),
                outcome.table().stream().map(line -> line.replaceAll(" +", " ")).toList());
    }

    @Test
    void artifactFoldersNameTheirTeamsByFolder() throws Exception {
        Path artifacts = dir.resolve("artifacts");
        // One artifact per team with the report files at its top (upload-artifact strips the common folders) ...
        team("artifacts/team-07", summary(milestone("proposal", 2, "0.7", true, "", "")), "proposal.pdf");
        // ... and a shard's artifact with whole project paths (the same PDF bytes, to see one thumbnail serve both).
        Path eleven = team("artifacts/report-shard-2/team-11/target/report",
                summary(milestone("proposal", 2, "0.6", true, "", "")));
        Files.copy(artifacts.resolve("team-07/proposal.pdf"), eleven.resolveSibling("proposal.pdf"));
        Files.createDirectories(artifacts.resolve("team-11-not-a-report"));
        Path staff = dir.resolve("staff");
        StaffAggregator.Outcome outcome = aggregate(staff, List.of(), List.of(artifacts), Map.of());
        JsonNode summary = staffSummary(staff);
        assertEquals(2, outcome.teams());
        assertEquals("teams/team-07/proposal.pdf", cell(summary, "team-07", "proposal").path("pdf").asText());
        assertEquals("teams/team-11/proposal.pdf", cell(summary, "team-11", "proposal").path("pdf").asText());
        assertTrue(Files.isRegularFile(staff.resolve("teams/team-11/proposal.pdf")));
        String thumbnail = cell(summary, "team-07", "proposal").path("thumbnail").asText();
        BufferedImage image = ImageIO.read(staff.resolve(thumbnail).toFile());
        assertEquals(221, image.getWidth(), "US Letter at 26 dpi");
        assertEquals(286, image.getHeight());
        assertEquals(thumbnail, cell(summary, "team-11", "proposal").path("thumbnail").asText(),
                "the same PDF bytes: one thumbnail");
        try (Stream<Path> thumbs = Files.list(staff.resolve("thumbs"))) {
            assertEquals(1, thumbs.count());
        }
    }

    @Test
    void ofTwoSummariesOfATeamsMilestoneTheOneCommittedLaterIsKeptAndTheNoteSaysSo() throws Exception {
        team("run-1/team-07", summary(
                milestone("proposal", 2, "1.9", true, "", ", \"committedAt\": \"2026-03-05T10:00:00Z\""),
                milestone("midterm", 6, "5.0", true, "", ", \"committedAt\": \"2026-04-09T10:00:00Z\"")), "proposal.pdf");
        team("run-2/team-07", summary(
                milestone("proposal", 2, "2.4", false, "", ", \"committedAt\": \"2026-03-07T10:00:00Z\"")),
                "proposal.pdf");
        Path staff = dir.resolve("staff");
        StaffAggregator.Outcome outcome = aggregate(staff, List.of(), List.of(dir.resolve("run-1"),
                dir.resolve("run-2")), Map.of());
        JsonNode summary = staffSummary(staff);
        assertEquals(2.4, cell(summary, "team-07", "proposal").path("contentPages").asDouble(), "committed later");
        assertEquals(5.0, cell(summary, "team-07", "midterm").path("contentPages").asDouble(), "only in run 1");
        String note = summary.path("duplicates").get(0).asText();
        assertEquals("team-07 proposal: 2 summaries (" + dir.resolve("run-1/team-07/summary.json") + "; "
                + dir.resolve("run-2/team-07/summary.json") + "); kept the one committed last, 2026-03-07T10:00:00Z: "
                + dir.resolve("run-2/team-07/summary.json"), note);
        assertEquals("duplicate: " + note, outcome.notes().get(0));
        assertTrue(Files.readString(staff.resolve("index.html")).contains("Duplicate summaries"));
    }

    @Test
    void expectedTeamsWithoutASummaryAreListedAsMissing() throws Exception {
        team("artifacts/team-07", summary(milestone("proposal", 2, "0.7", true, "", "")), "proposal.pdf");
        Path teams = dir.resolve("teams.txt");
        Files.writeString(teams, "# every team of the course\nteam-07\nteam-11   # joined late\n\n");
        Map<String, String> expected = new LinkedHashMap<>();
        TeamsFile.expect(TeamsFile.read(teams), teams, expected);
        Path staff = dir.resolve("staff");
        StaffAggregator.Outcome outcome = aggregate(staff, List.of(), List.of(dir.resolve("artifacts")), expected);
        assertEquals(List.of("team-11: no summary.json for it below report.aggregateFrom (listed in teams.txt)"),
                outcome.missing());
        assertEquals("team-11 missing", outcome.table().get(2).replaceAll(" +", " "));
        String markdown = Files.readString(staff.resolve("summary.md"));
        assertTrue(markdown.contains("| team-11 | missing |"), markdown);
        assertTrue(markdown.contains("- **team-11** is missing: no summary.json"), markdown);
        Files.writeString(teams, "team-07\nteams/team-11\n");
        ConfigurationException wrong = assertThrows(ConfigurationException.class, () -> TeamsFile.read(teams));
        assertEquals("report.teams: " + teams + ":2: 'teams/team-11' is not a team name; write one team per line as "
                + "its folder is named, e.g. team-07.", wrong.getMessage());
    }

    @Test
    void whatTeamsWroteNeverBecomesMarkupNorReachesFilesOutsideTheirFolder() throws Exception {
        Files.writeString(dir.resolve("secret.pdf"), "not for the page");
        team("artifacts/<b>team", "{\"milestones\": [{\"id\": \"final\", \"title\": \"<script>alert(1)</script>\","
                + " \"pdf\": \"../../secret.pdf\", \"pageLimit\": 8, \"contentPages\": 9.1, \"passed\": false,"
                + " \"status\": \"failed\","
                + " \"errors\": [\"final.tex:3: <img src=x onerror=alert(2)> | ` *x*\"]}]}");
        Path staff = dir.resolve("staff");
        aggregate(staff, List.of(), List.of(dir.resolve("artifacts")), Map.of());
        String html = Files.readString(staff.resolve("index.html"));
        assertFalse(html.contains("<img src=x"), "an error message is text");
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assertFalse(html.contains("<script>alert"), "a title is text");
        assertFalse(html.contains("<b>team"), "a folder name is text");
        assertEquals(1, html.split("<script>", -1).length - 1, "the page's own script only");
        JsonNode cell = cell(staffSummary(staff), "<b>team", "final");
        assertTrue(cell.path("pdf").isNull(), "a PDF outside the summary's folder is not copied");
        try (Stream<Path> files = Files.walk(staff.resolve("teams"))) {
            assertEquals(0, files.filter(Files::isRegularFile).count());
        }
        String markdown = Files.readString(staff.resolve("summary.md"));
        assertTrue(markdown.contains("&lt;img src=x onerror=alert(2)> \\| \\` \\*x\\*"), markdown);
    }

    @Test
    void aFailedMilestoneLinksItsFailedPdfAndTheLastGoodOne() throws Exception {
        team("artifacts/team-07", summary("{\"id\": \"final\", \"title\": \"Final Report\", \"pdf\": "
                + "\"target/report/final.failed.pdf\", \"pageLimit\": 8, \"contentPages\": 8.4, \"passed\": false, "
                + "\"status\": \"over the limit\", \"errors\": [\"final: 8.4 content pages, limit 8\"]}"),
                "final.failed.pdf", "final.pdf", "final/main.log");
        Path staff = dir.resolve("staff");
        aggregate(staff, List.of(), List.of(dir.resolve("artifacts")), Map.of());
        JsonNode cell = cell(staffSummary(staff), "team-07", "final");
        assertEquals("teams/team-07/final.failed.pdf", cell.path("pdf").asText());
        assertEquals("teams/team-07/final.pdf", cell.path("lastGoodPdf").asText());
        assertEquals("teams/team-07/final.log", cell.path("log").asText());
        assertTrue(Files.readString(staff.resolve("index.html")).contains("<a href=\"teams/team-07/final.pdf\">last "
                + "good PDF</a>"));
    }

    @Test
    void shardFoldersMergeAndTheTeamsOfAMissingShardAreNamed() throws Exception {
        List<String> teams = List.of("t1", "t2", "t3", "t4");
        ShardPlan plan = ShardPlan.of(teams, Map.of(), 2);
        for (int shard = 1; shard <= 2; shard++) {
            List<StaffAggregator.ProjectSummary> projects = new ArrayList<>();
            Map<String, String> expected = new LinkedHashMap<>();
            for (String team : plan.teams(shard)) {
                projects.add(new StaffAggregator.ProjectSummary(team, team("modules/" + team + "/target/report",
                        summary(milestone("proposal", 2, "0.5", true, "", "")), "proposal.pdf"), 2.0 * shard));
                expected.put(team, "not built");
            }
            new StaffAggregator(ReportLog.SILENT, 1).aggregate(new StaffAggregator.Request(
                    dir.resolve("artifacts/shard-" + shard), projects, List.of(), expected, CourseView.UNKNOWN,
                    new Shard(shard, 2), plan));
        }
        Path merged = dir.resolve("merged");
        aggregate(merged, List.of(), List.of(dir.resolve("artifacts")), Map.of());
        JsonNode summary = staffSummary(merged);
        assertEquals(4, summary.path("teams").size());
        assertEquals(4.0, summary.path("teams").get(1).path("buildSeconds").asDouble(), "t2 was built by shard 2");
        assertEquals(Map.of("t1", 2.0, "t2", 4.0, "t3", 2.0, "t4", 4.0),
                TeamsFile.previousSeconds(merged.resolve("summary.json")), "the next plan's times");
        assertTrue(Files.isRegularFile(merged.resolve(cell(summary, "t3", "proposal").path("pdf").asText())));
        // Shard 2's artifact did not arrive: its teams are missing, and the plan says who should have built them.
        Path partial = dir.resolve("partial");
        StaffAggregator.Outcome outcome = aggregate(partial, List.of(), List.of(dir.resolve("artifacts/shard-1")),
                Map.of());
        assertEquals(List.of("t2: no summary: shard 2/2 of the plan was to build it (did its job fail, or was its "
                + "artifact not downloaded?)", "t4: no summary: shard 2/2 of the plan was to build it (did its job "
                + "fail, or was its artifact not downloaded?)"), outcome.missing());
    }

    @Test
    void aStaffFolderInsideTheInputIsSkippedButAnInputInsideTheStaffFolderIsRefused() throws Exception {
        team("artifacts/team-07", summary(milestone("proposal", 2, "0.7", true, "", "")), "proposal.pdf");
        Path staff = dir.resolve("artifacts/staff");
        aggregate(staff, List.of(), List.of(dir.resolve("artifacts")), Map.of());
        StaffAggregator.Outcome again = aggregate(staff, List.of(), List.of(dir.resolve("artifacts")), Map.of());
        assertEquals(List.of(), again.notes(), "its own earlier output is not read as a duplicate");
        ConfigurationException inside = assertThrows(ConfigurationException.class, () -> aggregate(dir.resolve(
                "artifacts"), List.of(), List.of(staff), Map.of()));
        assertTrue(inside.getMessage().contains("is inside the staff folder"), inside.getMessage());
    }
}
