package dev.texreport.core.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.BuildRequest;
import dev.texreport.core.BuildResult;
import dev.texreport.core.ReportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build where nothing changed reports the last outcome again from the build stamp, without loading the pack or
 * the results; it must say exactly what the full up-to-date check says, and any change must take the full path.
 */
class NoOpBuildTexIT {
    private static final Clock APRIL = Clock.fixed(Instant.parse("2022-03-30T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    TeamProject project;

    @BeforeEach
    void builtOnce() throws Exception {
        project = new TeamProject(dir)
                .file("dated-pack/course.json", "{\"name\": \"DL 2022\", \"extends\": \"builtin\", \"timeZone\":"
                        + " \"America/Toronto\", \"milestones\": [{\"id\": \"midterm\", \"requires\": {},"
                        + " \"due\": \"2022-04-22T23:59\"}, {\"id\": \"final\", \"requires\": {}, \"due\":"
                        + " \"2022-05-17T23:59\"}], \"events\": [{\"title\": \"Feedback\", \"date\":"
                        + " \"2022-04-08T23:59\"}]}")
                .file("src/report/results/final.json", "{\"top1\": 0.81}")
                .file("src/report/results/spare.json", "{\"top1\": 0.5}")
                .file("src/report/midterm/01.tex", "\\section{Mid}Text.\n")
                .file("src/report/final/01.tex.ftl", "\\section{Final}Top-1 ${results.final.top1}.\n");
        BuildResult first = build(APRIL);
        assertTrue(first.passed(), first.milestones().toString());
    }

    private BuildResult build(Clock clock) throws ReportException {
        return build(request(clock).build());
    }

    private BuildRequest.Builder request(Clock clock) {
        return project.request().template("dated-pack").clock(clock);
    }

    private BuildResult build(BuildRequest request) throws ReportException {
        project.log.clear();
        project.debug.clear();
        project.processes.clear();
        return project.build(request);
    }

    private boolean tookTheShortcut() {
        return project.debug.stream().anyMatch(d -> d.startsWith("Nothing changed since the last build"));
    }

    private String read(String file) throws Exception {
        return Files.readString(dir.resolve("target/report").resolve(file));
    }

    @Test
    void reportsExactlyWhatTheFullUpToDateCheckReports() throws Exception {
        BuildResult quick = build(APRIL);
        assertTrue(tookTheShortcut(), project.debug.toString());
        assertEquals(List.of("git"), project.processes, "only git, asked for HEAD");
        List<String> quickLog = new ArrayList<>(project.log);
        String quickJson = read("summary.json");
        String quickMarkdown = read("summary.md");

        Files.delete(dir.resolve("target/report/.texreport/build-stamp.properties"));
        BuildResult full = build(APRIL);
        assertFalse(tookTheShortcut());
        assertFalse(project.processes.contains("pdflatex"), "the full check finds every milestone up to date");
        assertEquals(project.log, quickLog);
        assertEquals(read("summary.json"), quickJson);
        assertEquals(read("summary.md"), quickMarkdown);
        assertEquals(full.milestones(), quick.milestones());
        assertEquals(full.warnings(), quick.warnings());
        assertTrue(quickLog.contains("INFO [final] due Tue 17 May 2022 23:59 EDT: 48 days 15 hours left"), quickLog
                .toString());
        assertTrue(quickLog.contains("INFO [course] Feedback: Fri 8 Apr 2022 23:59 EDT, in 9 days 15 hours"));
        assertTrue(quickMarkdown.contains("| 17 May 2022 23:59 EDT: 48 days 15 hours left |".replace("| 17",
                "| Tue 17")), quickMarkdown);
        assertTrue(quick.warnings().get(0).startsWith("src/report/results/spare.json: no milestone uses"));
    }

    @Test
    void deadlinesAreMeasuredFromNowNotFromTheStampedBuild() throws Exception {
        build(Clock.offset(APRIL, Duration.ofDays(30)));
        assertTrue(tookTheShortcut());
        assertTrue(project.log.contains("INFO [final] due Tue 17 May 2022 23:59 EDT: 18 days 15 hours left"),
                project.log.toString());
        assertTrue(read("summary.md").contains("18 days 15 hours left"));
    }

    @Test
    void anEditTakesTheFullPath() throws Exception {
        project.file("src/report/midterm/01.tex", "\\section{Mid}Text, edited.\n");
        BuildResult again = build(APRIL);
        assertFalse(tookTheShortcut());
        assertFalse(again.milestones().get(0).upToDate());
        assertTrue(again.milestones().get(1).upToDate());
    }

    @Test
    void aChangedPackFileTakesTheFullPathButAnUnusedOneDoesNot() throws Exception {
        project.file("dated-pack/NOTES.md", "Not part of the pack's files.\n");
        build(APRIL);
        assertTrue(tookTheShortcut(), "a file the pack never reads changes nothing");
        project.file("dated-pack/course.json", read("../../dated-pack/course.json").replace("DL 2022", "DL 2023"));
        BuildResult again = build(APRIL);
        assertFalse(tookTheShortcut());
        assertFalse(again.milestones().get(1).upToDate(), "the course name is in the paper's header");
    }

    @Test
    void aFailedMilestoneADeletedPdfOrAnotherTitleTakeTheFullPath() throws Exception {
        Files.createDirectories(dir.resolve("src/report/proposal"));
        BuildResult withProposal = build(APRIL);
        assertFalse(tookTheShortcut());
        assertEquals("proposal", withProposal.milestones().get(0).id());
        assertFalse(withProposal.passed(), "a milestone folder without sections is an error");
        build(APRIL);
        assertFalse(tookTheShortcut(), "a failed milestone is never taken over from a stamp");
        Files.delete(dir.resolve("src/report/proposal"));

        Files.delete(dir.resolve("target/report/final.pdf"));
        BuildResult rebuilt = build(APRIL);
        assertFalse(tookTheShortcut());
        assertTrue(Files.isRegularFile(dir.resolve("target/report/final.pdf")));
        assertFalse(rebuilt.milestones().get(1).upToDate());

        build(request(APRIL).title("Another Title").build());
        assertFalse(tookTheShortcut());
        BuildResult same = build(request(APRIL).title("Another Title").build());
        assertTrue(tookTheShortcut(), same.milestones() + "\n" + project.log + project.debug);
        build(request(APRIL).title("Another Title").force(true).build());
        assertFalse(tookTheShortcut(), "report.force always takes the full path");
        assertNotEquals(List.of("git"), project.processes);
    }
}
