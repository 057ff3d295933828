package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:aggregate as Maven runs it outside an aggregator: a folder of downloaded summaries, a teams file. */
class AggregateMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();

    private AggregateMojo mojo() {
        AggregateMojo mojo = new AggregateMojo();
        mojo.project = MojoHarness.project(dir, "Staff");
        mojo.staffDirectory = dir.resolve("target/report/staff").toFile();
        mojo.outputDirectory = dir.resolve("target/report").toFile();
        mojo.template = "builtin";
        mojo.threads = 1;
        mojo.setLog(harness.log());
        return mojo;
    }

    @Test
    void aFolderOfArtifactsAndATeamsFileGiveThePageAndTheMissingTeams() throws Exception {
        Path artifact = dir.resolve("downloads/report-team-07");
        Files.createDirectories(artifact);
        Files.writeString(artifact.resolve("summary.json"), "{\"milestones\": [{\"id\": \"proposal\", \"title\": "
                + "\"Project Proposal\", \"pageLimit\": 2, \"contentPages\": 0.7, \"passed\": true, \"status\": "
                + "\"passed\", \"errors\": [], \"warnings\": []}]}");
        Files.writeString(dir.resolve("teams.txt"), "report-team-07\nreport-team-11\n");
        AggregateMojo mojo = mojo();
        mojo.aggregateFrom = "downloads";
        mojo.teams = new File(dir.toFile(), "teams.txt");
        mojo.execute();
        assertTrue(Files.isRegularFile(dir.resolve("target/report/staff/index.html")));
        assertEquals(List.of("INFO Staff page of 2 teams: target/report/staff/index.html",
                "INFO   team            proposal", "INFO   report-team-07  0.7/2 ok", "INFO   report-team-11  missing",
                "WARN 1 of 2 teams has no report:", "WARN   report-team-11: no summary.json for it below "
                        + "report.aggregateFrom (listed in teams.txt)"), harness.log);
    }

    @Test
    void withoutModulesOrAFolderItSaysWhatItNeeds() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo().execute());
        assertEquals("report:aggregate found no teams: run it in an aggregator POM whose modules are the team "
                + "projects (each with src/report), or name a folder of downloaded summaries with "
                + "-Dreport.aggregateFrom=FOLDER.", e.getMessage());
    }

    @Test
    void aWrongShardOrAMissingFolderIsTheUsersMistake() {
        AggregateMojo mojo = mojo();
        mojo.shard = "4/3";
        assertTrue(assertThrows(MojoFailureException.class, mojo::execute).getMessage()
                .startsWith("report.shard='4/3' is not a shard"));
        AggregateMojo missing = mojo();
        missing.aggregateFrom = "nowhere";
        assertTrue(assertThrows(MojoFailureException.class, missing::execute).getMessage()
                .startsWith("report.aggregateFrom: " + dir.resolve("nowhere") + " is not a folder."));
    }
}
