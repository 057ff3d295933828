package dev.texreport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report:import: one call into the core; what it did and what it could not map in the log; mistakes fail cleanly. */
class ImportMojoTest {
    @TempDir
    Path dir;

    private final MojoHarness harness = new MojoHarness();

    private ImportMojo mojo(String milestone) {
        ImportMojo mojo = new ImportMojo();
        mojo.paper = dir.resolve("paper/main.tex").toFile();
        mojo.directory = dir.resolve("team").toFile();
        mojo.milestone = milestone;
        PluginDescriptor plugin = new PluginDescriptor();
        plugin.setGroupId("dev.texreport");
        plugin.setArtifactId("report-maven-plugin");
        plugin.setVersion("0.1.0-SNAPSHOT");
        mojo.plugin = plugin;
        mojo.setLog(harness.log());
        return mojo;
    }

    private void paper() throws Exception {
        Files.createDirectories(dir.resolve("paper"));
        Files.writeString(dir.resolve("paper/main.tex"), "\\documentclass{article}\n\\title{T}\n"
                + "\\author{Ann Author\\thanks{x} \\\\ Uni}\n\\begin{document}\n\\maketitle\n\\section{One}\nText.\n"
                + "\\end{document}\n");
    }

    @Test
    void importsAndSaysWhatItDidAndWhatItCouldNotMap() throws Exception {
        paper();
        mojo("midterm").execute();
        assertTrue(Files.isRegularFile(dir.resolve("team/src/report/midterm/01-one.tex")));
        assertTrue(harness.log.contains("INFO   1 section(s) and 0 appendix section(s) into src/report/midterm/"),
                harness.log.toString());
        assertTrue(harness.log.contains("WARN   the footnote (\\thanks) of Ann Author is left out: pom.xml has no"
                + " place for it"), harness.log.toString());
        assertEquals("INFO Next: check pom.xml's <name> and <developers>, then run mvn report:build",
                harness.log.get(harness.log.size() - 1));

        MojoFailureException again = assertThrows(MojoFailureException.class, () -> mojo("midterm").execute());
        assertTrue(again.getMessage().startsWith("report:import never overwrites a file, and 2 of the files it"
                + " would write exist: pom.xml, src/report/midterm/01-one.tex."), again.getMessage());
    }

    @Test
    void anUnknownMilestoneOrAMissingPaperFailsWithoutAStackTrace() throws Exception {
        MojoFailureException missing = assertThrows(MojoFailureException.class, () -> mojo("final").execute());
        assertTrue(missing.getMessage().startsWith("No paper at "), missing.getMessage());
        paper();
        MojoFailureException unknown = assertThrows(MojoFailureException.class, () -> mojo("thesis").execute());
        assertTrue(unknown.getMessage().startsWith("Unknown milestone 'thesis'"), unknown.getMessage());
        assertTrue(Files.notExists(dir.resolve("team/pom.xml")));
    }
}
