package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:init writes a team project from a pack, never overwriting a file. */
class InitMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();

    private InitMojo mojo(String template) {
        InitMojo mojo = new InitMojo();
        mojo.template = template;
        mojo.directory = dir.resolve("team").toFile();
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.texreport");
        plugin.setArtifactId("report-maven-plugin");
        plugin.setVersion("0.1.0-SNAPSHOT");
        mojo.plugin = plugin;
        mojo.setLog(harness.log());
        return mojo;
    }

    @Test
    void writesTheProjectAndKeepsWhatExists() throws Exception {
        mojo("builtin").execute();
        Path team = dir.resolve("team");
        String pom = Files.readString(team.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>report-maven-plugin</artifactId>"), pom);
        assertTrue(pom.contains("<version>0.1.0-SNAPSHOT</version>"), pom);
        assertTrue(Files.isRegularFile(team.resolve("src/report/references.bib")));
        assertTrue(harness.log.contains("INFO created pom.xml"), harness.log.toString());
        assertTrue(harness.log.get(harness.log.size() - 1).startsWith("INFO A Deep Learning course project project"
                + " from template pack 'builtin' (proposal, midterm, final). Next:"), harness.log.toString());

        Files.writeString(team.resolve("pom.xml"), "<project>mine</project>");
        harness.log.clear();
        mojo("builtin").execute();
        assertEquals("<project>mine</project>", Files.readString(team.resolve("pom.xml")));
        assertTrue(harness.log.contains("INFO kept existing pom.xml"), harness.log.toString());
        assertEquals(List.of(), harness.log.stream().filter(l -> l.startsWith("INFO created")).toList());
    }

    @Test
    void anUnknownPackFailsNamingWhereItLooked() {
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> mojo("no-such-pack").execute());
        assertTrue(e.getMessage().startsWith("No template pack 'no-such-pack' (report.template)"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("team/pom.xml")));
    }
}
