package dev.texreport.core.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.texreport.core.course.TemplatePack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What report:init writes so that a new project builds on a fresh machine and in CI, and the README's copy of it. */
class ScaffoldBuildFilesTest {
    @TempDir
    Path dir;

    private Path init(ProjectScaffold.PluginRepository repository) throws Exception {
        Path project = dir.resolve("team-07");
        TemplatePack pack = TemplatePack.load(TemplatePack.BUILTIN, project, getClass().getClassLoader());
        new ProjectScaffold(pack, TemplatePack.BUILTIN, "dev.texreport", "report-maven-plugin", "1.2.3")
                .withPluginRepository(repository).write(project);
        return project;
    }

    @Test
    void theReadmeShowsTheWorkflowsInitWrites() throws Exception {
        Path project = init(null);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertEquals(block(readme, "GitHub Actions (`.github/workflows/report.yml`):"),
                Files.readString(project.resolve(".github/workflows/report.yml"), StandardCharsets.UTF_8));
        assertEquals(block(readme, "GitLab CI (`.gitlab-ci.yml`):"),
                Files.readString(project.resolve(".gitlab-ci.yml"), StandardCharsets.UTF_8));
    }

    @Test
    void writesAnExecutableWrapperThatPinsMavenWithItsChecksumAndIgnoresTarget() throws Exception {
        Path project = init(null);
        Path mvnw = project.resolve("mvnw");
        assertTrue(Files.readString(mvnw).startsWith("#!/bin/sh\n"));
        assertTrue(Files.isExecutable(mvnw), "mvnw is executable");
        String wrapper = Files.readString(project.resolve(".mvn/wrapper/maven-wrapper.properties"));
        assertTrue(wrapper.matches("(?s).*\ndistributionUrl=https://repo\\.maven\\.apache\\.org/maven2/org/apache/maven/"
                + "apache-maven/(\\d+\\.\\d+\\.\\d+)/apache-maven-\\1-bin\\.tar\\.gz\n.*"), wrapper);
        assertTrue(wrapper.matches("(?s).*\ndistributionSha256Sum=[0-9a-f]{64}\n.*"), wrapper);
        assertEquals("target/", Files.readAllLines(project.resolve(".gitignore")).stream()
                .filter(l -> !l.startsWith("#")).findFirst().orElse(""));
        String pom = Files.readString(project.resolve("pom.xml"));
        assertFalse(pom.contains("pluginRepositories"), "no repository besides Central was used");
        assertFalse(pom.contains("%"), pom);
    }

    /**
     * Maven starts with the options of .mvn/jvm.config; a wrong one would stop every build of the project before it
     * starts, so they are given to this JVM's own launcher.
     */
    @Test
    void theJvmOptionsMavenIsGivenAreOnesThisJavaAccepts() throws Exception {
        Path project = init(null);
        java.util.List<String> options = java.util.List.of(Files.readString(project.resolve(".mvn/jvm.config"))
                .strip().split("\\s+"));
        assertTrue(options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-version");
        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), out);
        assertEquals(Files.readString(Path.of("examples/demo/.mvn/jvm.config")),
                Files.readString(project.resolve(".mvn/jvm.config")), "the demo runs as a new project would");
    }

    @Test
    void namesTheRepositoryThePluginCameFrom() throws Exception {
        String pom = Files.readString(init(new ProjectScaffold.PluginRepository("course",
                "https://gitlab.example.edu/api/v4/projects/42/packages/maven")).resolve("pom.xml"));
        assertTrue(pom.contains("  <pluginRepositories>\n    <pluginRepository>\n      <id>course</id>\n"
                + "      <url>https://gitlab.example.edu/api/v4/projects/42/packages/maven</url>\n"), pom);
    }

    @Test
    void aRepositoryFolderInsideTheProjectIsNamedRelativeToIt() throws Exception {
        Path inside = dir.resolve("team-07/maven");
        String pom = Files.readString(init(new ProjectScaffold.PluginRepository("course", inside.toUri().toString()))
                .resolve("pom.xml"));
        assertTrue(pom.contains("<url>file://${project.basedir}/maven</url>"), pom);
        Path outside = dir.resolve("course/maven");
        assertEquals(outside.toUri().toString(), ProjectScaffold.projectRelative(outside.toUri().toString(),
                dir.resolve("team-07")));
    }

    /** The fenced block that follows the line {@code heading} in the README. */
    private static String block(String readme, String heading) {
        int at = readme.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "README has the line " + heading);
        int start = readme.indexOf("```yaml\n", at) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }
}
